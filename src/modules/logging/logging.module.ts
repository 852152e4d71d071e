import { DynamicModule, Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../../config/app-config';
import { ActionLog } from './action-log';

/** Structured logs (one JSON line per event) and the player action log. */
@Global()
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: { level: config.logLevel, autoLogging: false, quietReqLogger: true } })],
      providers: [ActionLog],
      exports: [ActionLog],
    };
  }
}
