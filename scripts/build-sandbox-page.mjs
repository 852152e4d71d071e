// Bundles the sandbox page (src/sandbox/client, with its Discord web components) and copies its static
// files into dist/sandbox/public, or into the folder given as the first argument. Part of `npm run build`.
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function buildSandboxPage(outDir) {
  mkdirSync(outDir, { recursive: true });
  cpSync(join(root, 'src/sandbox/public'), outDir, { recursive: true });
  await build({
    entryPoints: [join(root, 'src/sandbox/client/main.ts')],
    tsconfig: join(root, 'src/sandbox/client/tsconfig.json'),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'linked',
    outfile: join(outDir, 'sandbox.js'),
    logLevel: 'warning',
  });
}

buildSandboxPage(resolve(process.argv[2] ?? join(root, 'dist/sandbox/public'))).catch((error) => {
  console.error(error);
  process.exit(1);
});
