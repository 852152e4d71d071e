import { Module } from '@nestjs/common';
import { StaticDataModule } from '../static-data/static-data.module';
import { AdminController } from './admin.controller';

@Module({
  imports: [StaticDataModule],
  controllers: [AdminController],
})
export class AdminModule {}
