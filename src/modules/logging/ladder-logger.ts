import { Logger, PinoLogger } from 'nestjs-pino';
import { AppConfig } from '../../config/app-config';
import { createLog } from './log-destination';

/** Nest's start-up chatter, a line per module, controller and route, tells an operator nothing to act on. */
const START_UP_CHATTER = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/** Nest's logger for the whole process, from its first line: nothing is held back until the app is up. */
export class LadderLogger extends Logger {
  static for(config: Pick<AppConfig, 'logLevel' | 'logFormat'>): LadderLogger {
    return new LadderLogger(new PinoLogger({ pinoHttp: { logger: createLog(config) } }), {});
  }

  /**
   * With `abortOnError: false` Nest hands every start-up failure to main, which prints it once ("Cannot
   * start: …", or the whole error when it is unexpected), so Nest's own copy with its stack is not repeated.
   */
  override error(message: unknown, ...optionalParams: unknown[]): void {
    if (optionalParams.at(-1) === 'ExceptionHandler') return;
    super.error(message, ...optionalParams);
  }

  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams.at(-1);
    if (typeof context === 'string' && START_UP_CHATTER.has(context)) return;
    super.log(message, ...optionalParams);
  }
}
