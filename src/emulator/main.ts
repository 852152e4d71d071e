import { botCommand } from './bot-command';
import { DiscordEmulator } from './discord-emulator';

/** Runs the emulator as its own process, so a bot can be killed and restarted against it. */
async function main(): Promise<void> {
  const emulator = new DiscordEmulator({ token: process.env.EMULATOR_TOKEN || undefined });
  await emulator.start({ port: Number(process.env.PORT || 4000), host: process.env.HOST ?? '127.0.0.1' });
  console.log(`Discord emulator listening`);
  console.log(`  apiBase         ${emulator.apiBase}`);
  console.log(`  token           ${emulator.token}`);
  console.log(`  applicationId   ${emulator.applicationId}`);
  console.log(`  guildId         ${emulator.guildId}`);
  console.log(`  ladderChannelId ${emulator.ladderChannelId}`);
  console.log(`  adminChannelId  ${emulator.adminChannelId}`);
  console.log('Start a bot against it (from the repository, in another terminal):');
  console.log(`  ${botCommand(emulator)}`);
  emulator.events.on('violation', (v) => console.log(`VIOLATION ${v.rule}: ${v.detail}`));
  const shutdown = () => void emulator.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
