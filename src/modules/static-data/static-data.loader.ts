import { Injectable, Logger } from '@nestjs/common';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { parseStaticFile } from './domain/parse-static-file';
import { StaticCatalog } from './domain/static-catalog';
import { StaticDataError } from './domain/static-data.errors';
import { STATIC_FILE_NAMES, StaticDataSet, StaticFileName } from './domain/static-data.schemas';
import { StaticDataRepository } from './static-data.repository';

/** Where a file's data came from, and why it is not the file when it is not. */
export type StaticSource = { from: 'file' } | { from: 'database'; reason: string };

export interface LoadedStaticData {
  catalog: StaticCatalog;
  sources: Record<StaticFileName, StaticSource>;
}

type FileResult = { name: StaticFileName; text: string; data: unknown } | { name: StaticFileName; error: StaticDataError };

/**
 * Reads every data/static file and checks them as a set before anything is used. A missing or invalid
 * file falls back to its database copy; a set whose files disagree with each other falls back whole
 * to the database copy, the last set that was consistent. Only a consistent set refreshes that copy.
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

    const candidate: Partial<Record<StaticFileName, unknown>> = {};
    const sources = {} as Record<StaticFileName, StaticSource>;
    const clean = new Map<string, string>();
    for (const result of results) {
      if ('data' in result) {
        candidate[result.name] = result.data;
        sources[result.name] = { from: 'file' };
        clean.set(result.name, result.text);
        continue;
      }
      const snapshot = snapshots.get(result.name);
      if (!snapshot) throw result.error;
      candidate[result.name] = parseStaticFile(result.name, snapshot.content);
      sources[result.name] = { from: 'database', reason: `${result.error.message}; using the copy saved ${snapshot.updatedAt.toISOString()}` };
    }

    let catalog: StaticCatalog;
    try {
      catalog = new StaticCatalog(candidate as StaticDataSet);
    } catch (error) {
      if (!(error instanceof StaticDataError)) throw error;
      return this.lastConsistentSet(error.in(this.config.staticData.dir));
    }
    for (const source of Object.values(sources)) if (source.from === 'database') this.logger.warn(source.reason);
    await this.repository.saveChanged(clean);
    return { catalog, sources };
  }

  /** Every file from the database copy, when the files as a set are inconsistent. */
  private async lastConsistentSet(inconsistency: StaticDataError): Promise<LoadedStaticData> {
    const snapshots = await this.repository.find(STATIC_FILE_NAMES);
    const missing = STATIC_FILE_NAMES.filter((name) => !snapshots.has(name));
    if (missing.length > 0) throw inconsistency;
    const reason = `the files in ${this.config.staticData.dir} disagree with each other (${inconsistency.message}); using the last consistent set from the database`;
    this.logger.warn(reason);
    const data = Object.fromEntries(STATIC_FILE_NAMES.map((name) => [name, parseStaticFile(name, snapshots.get(name)!.content)]));
    const sources = Object.fromEntries(STATIC_FILE_NAMES.map((name) => [name, { from: 'database', reason }])) as Record<StaticFileName, StaticSource>;
    return { catalog: new StaticCatalog(data as StaticDataSet), sources };
  }

  private async readFile(name: StaticFileName): Promise<FileResult> {
    const { dir } = this.config.staticData;
    let text: string;
    try {
      text = await readFile(join(dir, `${name}.json`), 'utf8');
    } catch (error) {
      return { name, error: new StaticDataError(name, '(file)', await this.unreadable(error as NodeJS.ErrnoException), dir) };
    }
    try {
      return { name, text, data: parseStaticFile(name, text) };
    } catch (error) {
      if (error instanceof StaticDataError) return { name, error: error.in(dir) };
      throw error;
    }
  }

  private async unreadable(error: NodeJS.ErrnoException): Promise<string> {
    if (error.code !== 'ENOENT') return error.message;
    const { dir } = this.config.staticData;
    const folderExists = await stat(dir).then((found) => found.isDirectory(), () => false);
    return folderExists ? 'file not found' : `no folder at ${dir} (STATIC_DATA_DIR)`;
  }
}
