import { Client, ClientEvents, Events, GatewayIntentBits, Interaction } from 'discord.js';
import { DiscordEmulator, EmulatorOptions } from './discord-emulator';
import { DiscordDriver } from './driver';

/** A real discord.js client logged in to the emulator, resolved once it is fully ready. */
export async function connectClient(emulator: DiscordEmulator, intents = [GatewayIntentBits.Guilds]): Promise<Client<true>> {
  const client = new Client({ intents, rest: { api: emulator.apiBase } });
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(emulator.token);
  return ready;
}

export interface World {
  emulator: DiscordEmulator;
  driver: DiscordDriver;
  client: Client<true>;
  stop(): Promise<void>;
}

export async function startWorld(options: EmulatorOptions = {}): Promise<World> {
  const emulator = await new DiscordEmulator(options).start();
  const driver = new DiscordDriver(emulator, { settleMs: 80, timeoutMs: 4000 });
  const client = await connectClient(emulator);
  return {
    emulator,
    driver,
    client,
    async stop() {
      driver.dispose();
      await client.destroy();
      await emulator.stop();
    },
  };
}

/** Routes every interaction to one handler and keeps what it threw, so a test can assert on it. */
export function handle(client: Client, handler: (interaction: Interaction) => Promise<unknown>): Error[] {
  const errors: Error[] = [];
  client.removeAllListeners(Events.InteractionCreate);
  client.on(Events.InteractionCreate, (interaction) => {
    handler(interaction).catch((error: Error) => errors.push(error));
  });
  return errors;
}

export function once<K extends keyof ClientEvents>(client: Client, event: K): Promise<ClientEvents[K]> {
  return new Promise((resolve) => client.once(event, (...args) => resolve(args)));
}
