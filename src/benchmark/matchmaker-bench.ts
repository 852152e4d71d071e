import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { runWave } from '../modules/matches/domain/matchmaker';
import { QueueEntry } from '../modules/matches/domain/queue-entry';
import { seededRandom } from '../modules/matches/domain/seeded-random';
import { syntheticQueue } from '../modules/matches/domain/synthetic-queue';
import { parseStaticFile } from '../modules/static-data/domain/parse-static-file';
import { StaticCatalog } from '../modules/static-data/domain/static-catalog';
import { STATIC_FILE_NAMES, StaticDataSet } from '../modules/static-data/domain/static-data.schemas';

export interface MatchmakerFigure {
  queued: number;
  medianMs: number;
  medianMatches: number;
  medianPairEvaluations: number;
}

type BenchConfig = Pick<AppConfig, 'matchmaking' | 'staticData'>;

const QUEUE_SIZES = [1_000, 10_000, 50_000];
const RUNS = 7;
const QUEUE_SEED = 20_251;
const WARM_UP_WAVES = 10;
const WARM_UP_SIZE = 1_000;

/**
 * The matchmaker alone, on the real static data and no database: for each size, `runs` waves over
 * random queues from a fixed seed (a new queue per run, built outside the timing). Untimed waves come
 * first so that the figures measure optimised code, not the JIT warming up.
 */
export function benchmarkMatchmaker(config: BenchConfig, sizes = QUEUE_SIZES, runs = RUNS): MatchmakerFigure[] {
  const catalog = loadCatalog(config.staticData.dir);
  const mapPool = catalog.currentSeason().maps.map((map) => map.code);
  const options = { mapPool, regions: catalog.regions().map((region) => region.code) };
  const wave = (entries: readonly QueueEntry[], seed: number) =>
    runWave(entries, { window: config.matchmaking, mapPool, chooseServer: (a, b) => catalog.chooseServer(a, b), random: seededRandom(seed) });

  const warmUpQueue = syntheticQueue(WARM_UP_SIZE, QUEUE_SEED - 1, options);
  for (let seed = 0; seed < WARM_UP_WAVES; seed += 1) wave(warmUpQueue, seed);
  return sizes.map((queued) => {
    wave(syntheticQueue(queued, QUEUE_SEED - 1, options), 0);
    const samples = Array.from({ length: runs }, (_, run) => {
      const entries = syntheticQueue(queued, QUEUE_SEED + run, options);
      const started = performance.now();
      const result = wave(entries, run);
      return { ms: performance.now() - started, matches: result.matches.length, evaluations: result.pairEvaluations };
    });
    return {
      queued,
      medianMs: median(samples.map((sample) => sample.ms)),
      medianMatches: median(samples.map((sample) => sample.matches)),
      medianPairEvaluations: median(samples.map((sample) => sample.evaluations)),
    };
  });
}

export function printMatchmakerBenchmark(config: BenchConfig): MatchmakerFigure[] {
  const figures = benchmarkMatchmaker(config);
  console.log(`\nMatchmaker: one wave, median of ${RUNS} runs on random queues (seed ${QUEUE_SEED}), no database`);
  const header = ['queued', 'ms per wave', 'matches', 'pair evaluations', 'per n log2 n'];
  const cells = figures.map((figure) => [
    String(figure.queued),
    figure.medianMs.toFixed(1),
    String(figure.medianMatches),
    String(figure.medianPairEvaluations),
    (figure.medianPairEvaluations / (figure.queued * Math.log2(figure.queued))).toFixed(2),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column].length)));
  const line = (values: string[]) => values.map((value, column) => value.padStart(widths[column])).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  cells.forEach((values) => console.log(line(values)));
  return figures;
}

function loadCatalog(dir: string): StaticCatalog {
  const files = STATIC_FILE_NAMES.map((name) => [name, parseStaticFile(name, readFileSync(join(dir, `${name}.json`), 'utf8'))]);
  return new StaticCatalog(Object.fromEntries(files) as StaticDataSet);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
