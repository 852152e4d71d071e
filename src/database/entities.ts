import { AdminAction } from '../modules/admin/admin-action.entity';
import { PlayerActionLog } from '../modules/logging/player-action-log.entity';
import { Match } from '../modules/matches/match.entity';
import { Player } from '../modules/players/player.entity';
import { Preferences } from '../modules/queue/preferences.entity';
import { QueueEntryRow } from '../modules/queue/queue-entry.entity';
import { Rating } from '../modules/players/rating.entity';
import { StaticDataSnapshot } from '../modules/static-data/static-data-snapshot.entity';

export const ENTITIES = [Player, Rating, Preferences, QueueEntryRow, Match, PlayerActionLog, AdminAction, StaticDataSnapshot];
