import pino, { Logger } from 'pino';
import { build as prettyStream } from 'pino-pretty';
import { AppConfig } from '../../config/app-config';
import { prettyMessage, WORDED_FIELDS } from './pretty-line';

/**
 * The process's one pino logger. Both formats write synchronously, so the last line before an exit (the
 * shutdown line, a start-up error) is never lost in a buffer.
 */
export function createLog({ logLevel, logFormat }: Pick<AppConfig, 'logLevel' | 'logFormat'>): Logger {
  if (logFormat === 'json') return pino({ level: logLevel }, pino.destination({ dest: 1, sync: true }));
  return pino(
    { level: logLevel },
    prettyStream({
      sync: true,
      colorize: Boolean(process.stdout.isTTY),
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: ['pid', 'hostname', ...WORDED_FIELDS].join(','),
      messageFormat: prettyMessage,
    }),
  );
}
