import { Injectable, Logger } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { parseStaticFile } from './domain/parse-static-file';
import { StaticCatalog } from './domain/static-catalog';
import { StaticDataError } from './domain/static-data.errors';
import { STATIC_FILE_NAMES, StaticDataSet, StaticFileName } from './domain/static-data.schemas';
import { StaticDataRepository } from './static-data.repository';

export type StaticSource = 'file' | 'database';

export interface LoadedStaticData {
  catalog: StaticCatalog;
  sources: Record<StaticFileName, StaticSource>;
}

type FileResult = { name: StaticFileName; text: string; data: unknown } | { name: StaticFileName; error: StaticDataError };

/**
 * Reads every data/static file; a missing or invalid file falls back to its last good copy in the
 * database (the reason is logged), and every file that loads cleanly refreshes that copy.
 */
@Injectable()
export class StaticDataLoader {
  private readonly logger = new Logger(StaticDataLoader.name);

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly repository: StaticDataRepository,
  ) {}

  async load(): Promise<LoadedStaticData> {
    const results = await Promise.all(STATIC_FILE_NAMES.map((name) => this.readFile(name)));
    const failures = results.filter((result) => 'error' in result);
    const snapshots = await this.repository.find(failures.map((failure) => failure.name));

    const dataSet: Partial<Record<StaticFileName, unknown>> = {};
    const sources = {} as Record<StaticFileName, StaticSource>;
    const clean = new Map<string, string>();
    for (const result of results) {
      if ('data' in result) {
        dataSet[result.name] = result.data;
        sources[result.name] = 'file';
        clean.set(result.name, result.text);
        continue;
      }
      const snapshot = snapshots.get(result.name);
      if (!snapshot) throw result.error;
      this.logger.warn(`${result.error.message}; using the database copy saved ${snapshot.updatedAt.toISOString()}`);
      dataSet[result.name] = parseStaticFile(result.name, snapshot.content);
      sources[result.name] = 'database';
    }

    const catalog = new StaticCatalog(dataSet as StaticDataSet);
    await this.repository.saveChanged(clean);
    return { catalog, sources };
  }

  private async readFile(name: StaticFileName): Promise<FileResult> {
    const path = join(this.config.staticData.dir, `${name}.json`);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error);
      return { name, error: new StaticDataError(name, '(file)', reason) };
    }
    try {
      return { name, text, data: parseStaticFile(name, text) };
    } catch (error) {
      if (error instanceof StaticDataError) return { name, error };
      throw error;
    }
  }
}
