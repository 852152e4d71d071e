import { Get, Param, Query } from '@nestjs/common';
import { AdminApi } from '../../common/decorators/admin-api.decorator';
import { DiscordIdPipe } from '../../common/pipes/discord-id.pipe';
import { WholeNumberPipe } from '../../common/pipes/whole-number.pipe';
import { AdminRecords } from './admin-records';

const ROW_ID = { min: 1, max: 2_147_483_647 };

/** Read-only views of players, matches, the queue and the audit trail, for operators without a database client. */
@AdminApi()
export class AdminRecordsController {
  constructor(private readonly records: AdminRecords) {}

  @Get('players/:discordId')
  player(@Param('discordId', DiscordIdPipe) discordId: string) {
    return this.records.player(discordId);
  }

  @Get('matches/:id')
  match(@Param('id', new WholeNumberPipe(ROW_ID)) id: number) {
    return this.records.match(id);
  }

  @Get('queue')
  queue() {
    return this.records.queue();
  }

  @Get('actions')
  actions(@Query('limit', new WholeNumberPipe({ min: 1, max: 200, fallback: 50 })) limit: number, @Query('before', new WholeNumberPipe({ ...ROW_ID, optional: true })) before?: number) {
    return this.records.actions(limit, before);
  }
}
