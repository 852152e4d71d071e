import { GameServer, ServerChoiceModel } from './static-data.schemas';

export type LatencyModel = Pick<ServerChoiceModel, 'kmPerMsRoundTrip' | 'routingFactor' | 'baseMs'>;

export interface ServerChoice {
  server: GameServer;
  /** Estimated round trip of the first region's player to the server, in ms (unrounded). */
  rttMsA: number;
  rttMsB: number;
  /** True when an explicit override in server-choice.json decided, not the estimate. */
  overridden: boolean;
}

export function estimateRttMs(distanceKm: number, model: LatencyModel): number {
  return (model.routingFactor * distanceKm) / model.kmPerMsRoundTrip + model.baseMs;
}

/** Fairest first: the smaller worse latency of the two players, then the smaller sum, then the code. */
export function compareServerChoices(a: ServerChoice, b: ServerChoice): number {
  const worse = Math.max(a.rttMsA, a.rttMsB) - Math.max(b.rttMsA, b.rttMsB);
  if (worse !== 0) return worse;
  const sum = a.rttMsA + a.rttMsB - (b.rttMsA + b.rttMsB);
  if (sum !== 0) return sum;
  return a.server.code < b.server.code ? -1 : a.server.code > b.server.code ? 1 : 0;
}
