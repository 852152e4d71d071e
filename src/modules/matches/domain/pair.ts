import { Contender } from './contender';
import { BwRace, Sc2Race } from './queue-entry';

export interface Pair {
  bw: Contender<BwRace>;
  sc2: Contender<Sc2Race>;
}
