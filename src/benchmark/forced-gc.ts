import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A forced collection, so a heap figure is what is kept, not garbage awaiting collection. */
export function forcedGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
