import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { composeCommand } from '../support/compose-command';

const root = resolve(__dirname, '..', '..');

function composeConfig(env: Record<string, string>): { status: number | null; output: string } {
  const [command, ...args] = composeCommand()!;
  const { DISCORD_TOKEN: _token, ENV_FILE: _file, POSTGRES_PASSWORD: _password, ...inherited } = process.env;
  const run = spawnSync(command, [...args, '-f', 'docker-compose.yml', 'config'], {
    cwd: root,
    env: { ...inherited, ...env },
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('docker-compose.yml', () => {
  it('validates with .env.example and a token given in the shell, passing every setting of the file', () => {
    const { status, output } = composeConfig({ ENV_FILE: '.env.example', DISCORD_TOKEN: 'token-from-the-shell' });

    expect(status).toBe(0);
    expect(output).toMatch(/DISCORD_TOKEN: token-from-the-shell/);
    expect(output).toMatch(/DATABASE_URL: postgres:\/\/ladder:ladder@postgres:5432\/ladder/);
    // Settings compose does not name come from the file as they are: one hand-picked list would drop them.
    expect(output).toMatch(/LOBBY_CHANNEL: BWvsSC2/);
    expect(output).toMatch(/REPORT_DEADLINE_SECONDS: '86400'/);
  });

  it('refuses to start the bot without a token, saying which variable to set', () => {
    const { status, output } = composeConfig({ ENV_FILE: '.env.example' });

    expect(status).not.toBe(0);
    expect(output).toContain('set DISCORD_TOKEN to your bot token');
  });
});
