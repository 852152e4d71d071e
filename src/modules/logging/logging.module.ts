import { DynamicModule, Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../../config/app-config';
import { ActionLog } from './action-log';
import { createLog } from './log-destination';
import { ShutdownLine } from './shutdown-line';

/** Logs (one JSON object or one readable line per event, see LOG_FORMAT) and the player action log. */
@Global()
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: { logger: createLog(config), autoLogging: false, quietReqLogger: true } })],
      providers: [ActionLog, ShutdownLine],
      exports: [ActionLog],
    };
  }
}
