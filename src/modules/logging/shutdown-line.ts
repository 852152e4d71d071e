import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';

/** The last line of a run, so whoever reads the log knows the bot stopped on purpose and why. */
@Injectable()
export class ShutdownLine implements OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  onApplicationShutdown(signal?: string): void {
    this.logger.log(signal ? `Ladder bot stopped (${signal})` : 'Ladder bot stopped');
  }
}
