import { spawnSync } from 'node:child_process';

/** The docker compose CLI on this machine (the plugin or the standalone tool), or undefined when there is none. */
export function composeCommand(): string[] | undefined {
  const candidates = [['docker', 'compose'], ['docker-compose']];
  return candidates.find(([command, ...args]) => spawnSync(command, [...args, 'version'], { stdio: 'ignore' }).status === 0);
}
