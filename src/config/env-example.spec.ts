import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { envSchema } from './env.schema';
import { loadConfig } from './load-config';

/** Only `npm run chaos` sets it: a person running the bot never needs it. */
const NOT_FOR_PEOPLE = ['CHAOS_HOLD_AT'];

describe('.env.example', () => {
  const example = parseEnv(readFileSync(join(__dirname, '..', '..', '.env.example'), 'utf8'));

  it('lists every variable the bot reads, and no other', () => {
    const read = Object.keys(envSchema.shape).filter((name) => !NOT_FOR_PEOPLE.includes(name));
    expect(Object.keys(example).sort()).toEqual(read.sort());
  });

  it('is a valid configuration as it stands, whose values are the defaults', () => {
    expect(loadConfig(example)).toEqual(loadConfig({}));
  });
});
