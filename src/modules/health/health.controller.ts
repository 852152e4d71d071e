import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DiscordStatus } from '../../discord/discord-status';
import { StaticDataService } from '../static-data/static-data.service';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly staticData: StaticDataService,
    private readonly discord: DiscordStatus,
  ) {}

  /** Liveness: the process answers. */
  @Get()
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: the database answers, static data is loaded and the Discord gateway is connected. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database'),
      () => this.staticDataCheck(),
      () => this.discordCheck(),
    ]);
  }

  private staticDataCheck() {
    const check = this.indicators.check('staticData');
    const status = this.staticData.status();
    return status.loaded ? check.up({ sources: status.sources }) : check.down({ message: 'static data not loaded' });
  }

  private discordCheck() {
    const check = this.indicators.check('discord');
    const state = this.discord.state();
    return state === 'ready' ? check.up({ state }) : check.down({ state });
  }
}
