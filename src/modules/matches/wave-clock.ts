import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { nextWaveId, waveStart } from './domain/wave-schedule';
import { WaveService } from './wave.service';

/** Starts each wave at its place on the schedule (TIMERS=clock); with TIMERS=manual, only runNext does. */
@Injectable()
export class WaveClock implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WaveClock.name);
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly waves: WaveService,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.timers === 'clock') this.scheduleNext();
  }

  onModuleDestroy(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    const interval = this.config.matchmaking.waveSeconds;
    const waveId = nextWaveId(this.clock.now(), interval);
    const delay = Math.max(0, waveStart(waveId, interval).getTime() - this.clock.now().getTime());
    this.timer = setTimeout(() => {
      this.scheduleNext();
      this.waves.run(waveId).catch((error: unknown) => this.logger.error(`Wave ${waveId} failed: ${String(error)}`));
    }, delay);
  }
}
