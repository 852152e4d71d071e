import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { ConfigError } from './load-config';

/**
 * The environment with a `.env` file beneath it: the file's values fill in what the environment does
 * not set, the environment wins. The file is `ENV_FILE`, else `.env` in the working folder; a missing
 * `.env` is fine, a missing `ENV_FILE` is an error that names it.
 */
export function withEnvFile(environment: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const named = environment.ENV_FILE?.trim();
  const path = resolve(named || '.env');
  if (!existsSync(path)) {
    if (named) throw new ConfigError([`ENV_FILE: no file at ${path}`]);
    return environment;
  }
  return { ...parseEnv(readFileSync(path, 'utf8')), ...environment };
}
