import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/load-config';
import { buildDataSourceOptions } from './data-source-options';

/** For the TypeORM CLI (`npm run typeorm -- migration:run`). */
export default new DataSource(buildDataSourceOptions(loadConfig().database));
