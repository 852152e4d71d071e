import { Writable } from 'node:stream';
import pino from 'pino';
import { Logger, PinoLogger } from 'nestjs-pino';
import { LadderLogger } from './ladder-logger';

// nestjs-pino keeps the first pino logger it is given for the whole process, so the suite shares one.
const written: string[] = [];
const stream = new Writable({ write: (chunk: Buffer, _encoding, done) => (written.push(chunk.toString()), done()) });
const logger = new LadderLogger(new PinoLogger({ pinoHttp: { logger: pino({ level: 'info' }, stream) } }), {});
const lines = () => written.join('').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);

beforeEach(() => written.splice(0));

describe('LadderLogger', () => {
  it.each(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication'])("drops Nest's start-up chatter from %s", (context) => {
    logger.log('AppModule dependencies initialized', context);
    expect(lines()).toEqual([]);
  });

  it('keeps the bot’s own lines, with their context', () => {
    logger.log('Ladder bot serving HTTP', 'Bootstrap');
    expect(lines()).toEqual([expect.objectContaining({ context: 'Bootstrap', msg: 'Ladder bot serving HTTP' })]);
  });

  it('keeps warnings and errors even from the contexts whose chatter it drops', () => {
    logger.warn('a warning', 'NestFactory');
    logger.error('an error', 'InstanceLoader');
    expect(lines().map((line) => line.msg)).toEqual(['a warning', 'an error']);
  });

  it('is a nestjs-pino Logger, so Nest calls it with every form it uses', () => {
    expect(logger).toBeInstanceOf(Logger);
  });
});
