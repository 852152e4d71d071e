import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withEnvFile } from './env-file';

describe('the .env file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ladder-env-'));
  const file = join(dir, 'ladder.env');
  writeFileSync(file, '# a comment\nWAVE_SECONDS=30\nLOG_LEVEL=warn\nTERMS_URL="https://example.org/terms"\nexport ADMIN_DISCORD_IDS=1,2\n');

  it('fills in what the environment does not set, and the environment wins', () => {
    expect(withEnvFile({ ENV_FILE: file, LOG_LEVEL: 'debug' })).toMatchObject({ WAVE_SECONDS: '30', LOG_LEVEL: 'debug', TERMS_URL: 'https://example.org/terms', ADMIN_DISCORD_IDS: '1,2' });
  });

  it('keeps an empty environment value over the file: it unsets the variable', () => {
    expect(withEnvFile({ ENV_FILE: file, WAVE_SECONDS: '' }).WAVE_SECONDS).toBe('');
  });

  it('reads .env in the working folder when no ENV_FILE is named, and is fine without one', () => {
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      expect(withEnvFile({ PORT: '1' })).toEqual({ PORT: '1' });
      writeFileSync(join(dir, '.env'), 'PORT=2\nHOST=127.0.0.1\n');
      expect(withEnvFile({ PORT: '1' })).toEqual({ PORT: '1', HOST: '127.0.0.1' });
    } finally {
      process.chdir(cwd);
    }
  });

  it('names a missing ENV_FILE', () => {
    expect(() => withEnvFile({ ENV_FILE: join(dir, 'missing.env') })).toThrow(/ENV_FILE: no file at .*missing\.env$/);
  });
});
