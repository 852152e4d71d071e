import { loadConfig } from '../config/load-config';
import { botCommand } from './bot-command';
import { DiscordEmulator } from './discord-emulator';

describe('the command npm run emulator prints', () => {
  it('starts a bot whose configuration points at the emulator, its guild and its channels', async () => {
    const emulator = await new DiscordEmulator().start({ port: 0, host: '127.0.0.1' });
    try {
      const command = botCommand(emulator);
      expect(command).toMatch(/^(\w+=[\w.:/-]+ )+npm start$/);
      const env = Object.fromEntries(command.replace(/ npm start$/, '').split(' ').map((assignment) => assignment.split(/=(.*)/s).slice(0, 2)));
      const config = loadConfig(env);
      expect(config.discord).toMatchObject({ apiBase: emulator.apiBase, token: emulator.token, guildId: emulator.guildId });
      expect(config.channels).toEqual({ ladder: emulator.ladderChannelId, admin: emulator.adminChannelId });
    } finally {
      await emulator.stop();
    }
  });
});
