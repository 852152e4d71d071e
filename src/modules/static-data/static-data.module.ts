import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaticDataSnapshot } from './static-data-snapshot.entity';
import { StaticDataLoader } from './static-data.loader';
import { StaticDataRepository } from './static-data.repository';
import { StaticDataService } from './static-data.service';

@Module({
  imports: [TypeOrmModule.forFeature([StaticDataSnapshot])],
  providers: [StaticDataRepository, StaticDataLoader, StaticDataService],
  exports: [StaticDataService],
})
export class StaticDataModule {}
