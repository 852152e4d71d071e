import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { StaticDataModule } from '../static-data/static-data.module';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), StaticDataModule],
  controllers: [HealthController],
})
export class HealthModule {}
