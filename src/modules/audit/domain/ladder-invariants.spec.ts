import { LadderStory } from '../testing/ladder-story';
import { ladderViolations } from './ladder-invariants';
import { LadderSnapshot } from './ladder-snapshot';
import { memoryDrift } from './memory-drift';

/** A season with every kind of step: matches completed, drawn, in conflict then resolved, aborted, timed out, cancelled, admin actions. */
function season(): LadderStory {
  const story = new LadderStory();
  const [ann, bob, cid, dan, eve, adm] = ['Ann', 'Bob', 'Cid', 'Dan', 'Eve', 'Adm'].map((name) => story.player(name));
  story.changeCountry(ann, 'FR');

  story.join(ann, { bw: 'bw_zerg' });
  story.join(bob, { sc2: 'sc2_terran' });
  const won = story.match(ann, bob);
  story.confirm(won, 1);
  story.confirm(won, 2);
  story.report(won, 1, 'won');
  story.report(won, 2, 'lost');

  story.join(cid, { bw: 'bw_protoss' });
  story.join(dan, { sc2: 'sc2_zerg' });
  const conflict = story.match(cid, dan);
  story.confirm(conflict, 1);
  story.confirm(conflict, 2);
  story.report(conflict, 1, 'draw');
  story.report(conflict, 1, 'won');
  story.report(conflict, 2, 'won');
  story.resolve(adm, conflict, 'player_2', -15);

  story.join(ann, { bw: 'bw_zerg' });
  story.join(dan, { sc2: 'sc2_zerg' });
  const aborted = story.match(ann, dan);
  story.abort(aborted, 1);

  story.join(bob, { bw: 'bw_terran' });
  story.join(eve, { sc2: 'sc2_protoss' });
  story.timeOut(story.match(bob, eve));

  story.join(cid, { bw: 'bw_protoss' });
  story.join(eve, { sc2: 'sc2_protoss' });
  const unreported = story.match(cid, eve);
  story.confirm(unreported, 1);
  story.confirm(unreported, 2);
  story.cancelAtDeadline(unreported);

  story.join(bob, { bw: 'bw_terran' });
  story.join(cid, { sc2: 'sc2_zerg' });
  const drawn = story.match(bob, cid);
  story.confirm(drawn, 1);
  story.confirm(drawn, 2);
  story.report(drawn, 1, 'draw');
  story.report(drawn, 2, 'draw');
  story.resolve(adm, won, 'player_2', -20);

  story.adjustRating(adm, eve, 'sc2_protoss', 1620);
  story.adjustRating(adm, dan, 'sc2_zerg', 1490);
  story.resetAborts(adm, ann);
  story.ban(adm, eve);
  story.unban(adm, eve);
  story.ban(adm, eve);

  story.join(ann, { bw: 'bw_zerg', sc2: 'sc2_zerg' });
  story.join(dan, { sc2: 'sc2_zerg' });
  story.clearQueue(adm);
  story.join(bob, { bw: 'bw_terran' });
  story.join(dan, { sc2: 'sc2_zerg' });
  const live = story.match(bob, dan);
  story.confirm(live, 2);
  story.join(ann, { sc2: 'sc2_terran' });
  return story;
}

const initial = 1500;
const violationsOf = (snapshot: LadderSnapshot) => ladderViolations(snapshot, initial);

/** The season with one thing broken, and what the checker says of it. */
function broken(plant: (snapshot: LadderSnapshot, story: LadderStory) => void): string[] {
  const story = season();
  const snapshot = story.snapshot();
  plant(snapshot, story);
  return violationsOf(snapshot);
}

const discordIdOf = (snapshot: LadderSnapshot, name: string) => snapshot.players.find((player) => player.playerName === name)!.discordId;
const playerNamed = (snapshot: LadderSnapshot, name: string) => snapshot.players.find((player) => player.playerName === name)!;
const ratingOf = (snapshot: LadderSnapshot, name: string, race: string) => snapshot.ratings.find((rating) => rating.playerId === playerNamed(snapshot, name).id && rating.race === race)!;
const removeLog = (snapshot: LadderSnapshot, found: (log: LadderSnapshot['logs'][number]) => boolean) => {
  const index = snapshot.logs.findIndex(found);
  expect(index).toBeGreaterThanOrEqual(0);
  snapshot.logs.splice(index, 1);
};

describe('ladder invariants', () => {
  it('finds nothing wrong with a whole season, or with an empty ladder', () => {
    expect(violationsOf(season().snapshot())).toEqual([]);
    expect(violationsOf(new LadderStory().snapshot())).toEqual([]);
  });

  describe('ratings', () => {
    it('catches a result applied twice: the rating moved again without a row, and the counters counted it again', () => {
      const violations = broken((snapshot) => {
        const bob = ratingOf(snapshot, 'Bob', 'bw_terran');
        Object.assign(bob, { mmr: bob.mmr + 8, gamesPlayed: bob.gamesPlayed + 1, gamesDrawn: bob.gamesDrawn + 1 });
      });
      expect(violations).toEqual([
        expect.stringMatching(/^Bob \(\d+\)'s bw_terran rating is 1508, but its 1 rating_changed rows add up to 1500$/),
        expect.stringMatching(/^Bob \(\d+\)'s bw_terran rating counts 2 games \(0-0-2\), but 1 completed matches \(0-0-1\) were played with it$/),
      ]);
    });

    it('catches a result applied twice with its row written twice under another key', () => {
      const violations = broken((snapshot) => {
        const row = snapshot.logs.find((log) => log.idempotencyKey.startsWith('complete:1:'))!;
        snapshot.logs.push({ ...row, id: 9999, idempotencyKey: `${row.idempotencyKey}:again` });
        const ann = ratingOf(snapshot, 'Ann', 'bw_zerg');
        ann.mmr += Number(row.newValue) - Number(row.oldValue);
      });
      expect(violations).toEqual([expect.stringMatching(/^rating_changed row complete:1:\d+:again, by the system, is not the completion of a match \d+ played with bw_zerg$/)]);
    });

    it('catches a rating row lost, whether the system\'s or an admin\'s', () => {
      const lostSystem = broken((snapshot) => removeLog(snapshot, (log) => log.idempotencyKey === `complete:1:${discordIdOf(snapshot, 'Ann')}`));
      expect(lostSystem).toEqual([
        expect.stringMatching(/^Ann \(\d+\)'s bw_zerg rating is 1480, but its 1 rating_changed rows add up to 1464$/),
        'match 1 applied -20 to side 1, but its rating_changed rows say -36',
      ]);
      const lostAdmin = broken((snapshot) => removeLog(snapshot, (log) => log.changedBy.startsWith('admin:') && log.action === 'rating_changed' && log.settingName === 'sc2_protoss'));
      expect(lostAdmin).toEqual([
        expect.stringMatching(/^Eve \(\d+\)'s sc2_protoss rating is 1620, but its 0 rating_changed rows add up to 1500$/),
        expect.stringMatching(/^admin action 3 \(adjust_rating\) on \d+ has no rating_changed row$/),
      ]);
    });

    it('catches a completed match with no system row, and a rating row with no rating', () => {
      expect(broken((snapshot) => removeLog(snapshot, (log) => log.idempotencyKey === `complete:6:${discordIdOf(snapshot, 'Bob')}`))).toContain('match 6 completed with no rating_changed row for side 1');
      const orphan = broken((snapshot) => snapshot.logs.push({ ...snapshot.logs.find((log) => log.action === 'rating_changed')!, id: 9999, idempotencyKey: 'x', settingName: 'bw_random', oldValue: '1500', newValue: '1500' }));
      expect(orphan).toEqual([
        expect.stringMatching(/^rating_changed row x names a rating that does not exist \(\d+, bw_random\)$/),
        expect.stringMatching(/^rating_changed row x, by the system, is not the completion of a match \d+ played with bw_random$/),
      ]);
    });

    it('catches a match whose applied change differs from its rows', () => {
      expect(broken((snapshot) => (snapshot.matches[0].player2RatingChange = 5))).toEqual(['match 1 applied 5 to side 2, but its rating_changed rows say 20']);
    });

    it('counts a resolved conflict, a draw and an admin\'s adjustment, and not a cancelled or aborted match', () => {
      const snapshot = season().snapshot();
      expect(ratingOf(snapshot, 'Dan', 'sc2_zerg')).toMatchObject({ mmr: 1490, gamesPlayed: 1, gamesWon: 1 });
      expect(ratingOf(snapshot, 'Cid', 'bw_protoss')).toMatchObject({ gamesPlayed: 1, gamesLost: 1 });
      expect(ratingOf(snapshot, 'Bob', 'bw_terran')).toMatchObject({ gamesPlayed: 1, gamesDrawn: 1, mmr: 1500 });
      expect(ratingOf(snapshot, 'Ann', 'bw_zerg')).toMatchObject({ mmr: 1480, gamesPlayed: 1, gamesLost: 1 });
      expect(violationsOf(snapshot)).toEqual([]);
    });
  });

  describe('player states', () => {
    it('catches a queued player without an entry, and an entry of a player not queued', () => {
      expect(broken((snapshot) => (playerNamed(snapshot, 'Cid').activity = 'queued'))).toContain(`Cid (${discordIdOf(season().snapshot(), 'Cid')}) is queued but has no queue entry`);
      expect(broken((snapshot) => (playerNamed(snapshot, 'Ann').activity = 'idle'))).toEqual([expect.stringMatching(/^Ann \(\d+\) has a queue entry but is idle$/)]);
    });

    it('catches a player in a match that does not hold them, and one a live match holds while idle', () => {
      expect(broken((snapshot) => Object.assign(playerNamed(snapshot, 'Cid'), { activity: 'in_match', currentMatchId: 1 }))).toEqual([expect.stringMatching(/^Cid \(\d+\) is in match 1, which is not a live match of theirs$/)]);
      expect(broken((snapshot) => Object.assign(playerNamed(snapshot, 'Bob'), { activity: 'idle', currentMatchId: null }))).toEqual([expect.stringMatching(/^Bob \(\d+\) is idle while live match 7 holds them$/)]);
      expect(broken((snapshot) => (playerNamed(snapshot, 'Cid').currentMatchId = 2))).toEqual([expect.stringMatching(/^Cid \(\d+\) is idle but still names match 2$/)]);
    });

    it('catches two live matches holding one player, and a banned player still queued', () => {
      const twice = broken((snapshot) => snapshot.matches.push({ ...snapshot.matches[6], id: 8 }));
      expect(twice).toContainEqual(expect.stringMatching(/^Bob \(\d+\) is in 2 live matches at once \(7, 8\)$/));
      const banned = broken((snapshot) => (playerNamed(snapshot, 'Ann').banned = true));
      expect(banned).toContainEqual(expect.stringMatching(/^Ann \(\d+\) is banned but queued$/));
      expect(banned).toContainEqual(expect.stringMatching(/^Ann \(\d+\) is banned, but their last ban row says never banned$/));
    });

    it('catches rows naming players that do not exist', () => {
      expect(broken((snapshot) => snapshot.queue.push({ discordId: '1', playerId: 99, vetoes: [], joinedAt: new Date() }))).toContain('queue entry of player 99 belongs to no player');
      expect(broken((snapshot) => (snapshot.ratings[0].playerId = 99))).toContainEqual(expect.stringMatching(/^rating 1 \(bw_zerg\) belongs to no player$/));
    });
  });

  describe('the action log', () => {
    it('catches a lost or a doubled confirmation', () => {
      expect(broken((snapshot) => removeLog(snapshot, (log) => log.action === 'match_confirmed' && log.newValue === '7'))).toEqual(['match 7 side 2 is confirmed, with 0 match_confirmed rows']);
      const doubled = broken((snapshot) => snapshot.logs.push({ ...snapshot.logs.find((log) => log.action === 'match_confirmed')!, id: 9999, idempotencyKey: 'again' }));
      expect(doubled).toEqual(['match 1 side 1 is confirmed, with 2 match_confirmed rows']);
    });

    it('catches a lost report, and a last report that is not the one standing', () => {
      expect(broken((snapshot) => removeLog(snapshot, (log) => log.action === 'match_reported' && log.settingName === 'match 2' && log.newValue === 'draw'))).toEqual(['match 2 side 1 reported 2 times, with 1 match_reported rows']);
      expect(broken((snapshot) => (snapshot.matches[1].player1Report = 'draw'))).toEqual(["match 2 side 1's report is draw, but its last row says won"]);
    });

    it('catches an abort without its row, by someone else, or counted wrong this month', () => {
      expect(broken((snapshot) => removeLog(snapshot, (log) => log.action === 'match_aborted'))).toEqual([expect.stringMatching(/^match 3 is aborted by \d+, with 0 match_aborted rows$/)]);
      expect(broken((snapshot) => (snapshot.matches[2].abortedByPlayerId = playerNamed(snapshot, 'Dan').id))).toEqual([expect.stringMatching(/^match 3 is aborted by \d+, with 1 match_aborted rows by \d+$/)]);
      expect(broken((snapshot) => (playerNamed(snapshot, 'Ann').abortsUsed = 1))).toEqual([expect.stringMatching(/^Ann \(\d+\) has used 1 aborts in 2026-12, but 0 match_aborted rows count since the month began or the last reset$/)]);
      expect(broken((snapshot) => removeLog(snapshot, (log) => log.settingName === 'reset_aborts'))).toContainEqual(expect.stringMatching(/^Ann \(\d+\) has used 0 aborts in 2026-12, but 1 match_aborted rows count/));
    });

    it('catches a time-out or a cancellation without its rows, and a cancellation row of a match not cancelled', () => {
      expect(broken((snapshot) => removeLog(snapshot, (log) => log.action === 'match_timed_out'))).toEqual(['match 4 is timed_out, with 0 match_timed_out rows for side 1']);
      expect(broken((snapshot) => (snapshot.logs = snapshot.logs.filter((log) => log.action !== 'match_cancelled')))).toEqual(['match 5 is cancelled, with no row saying by whom']);
      expect(broken((snapshot) => snapshot.logs.push({ ...snapshot.logs.find((log) => log.action === 'match_cancelled')!, id: 9999, idempotencyKey: 'c', newValue: '6' }))).toEqual(['match 6 is completed, but a match_cancelled row names it']);
      expect(broken((snapshot) => snapshot.logs.push({ ...snapshot.logs.find((log) => log.action === 'match_cancelled')!, id: 9999, idempotencyKey: 'c', newValue: '60' }))).toEqual(['match_cancelled row c names match 60, which does not exist']);
    });

    it('catches a setting changed without its row, a lost change in the middle of a chain, and the terms', () => {
      expect(broken((snapshot) => (playerNamed(snapshot, 'Bob').battletag = 'Robert#9'))).toEqual([expect.stringMatching(/^Bob \(\d+\)'s battletag is "Robert#9", but their log rows leave it "Bob#1234"$/)]);
      expect(broken((snapshot) => removeLog(snapshot, (log) => log.action === 'setup_field_changed' && log.settingName === 'country' && log.newValue === 'DE' && log.discordId === discordIdOf(snapshot, 'Ann')))).toEqual([
        expect.stringMatching(/^Ann \(\d+\)'s country row .+ changes it from "DE", but the row before left nothing: a row is missing$/),
      ]);
      expect(broken((snapshot) => removeLog(snapshot, (log) => log.action === 'terms_accepted' && log.discordId === discordIdOf(snapshot, 'Cid')))).toEqual([expect.stringMatching(/^Cid \(\d+\)'s terms is "1", but their log rows leave it nothing$/)]);
    });

    it('catches setup completed without its row, or at another time', () => {
      expect(broken((snapshot) => removeLog(snapshot, (log) => log.action === 'setup_completed' && log.discordId === discordIdOf(snapshot, 'Dan')))).toEqual([expect.stringMatching(/^Dan \(\d+\) completed setup with no setup_completed row$/)]);
      expect(broken((snapshot) => (playerNamed(snapshot, 'Dan').setupCompletedAt = new Date('2026-12-01T00:00:00Z')))).toEqual([expect.stringMatching(/^Dan \(\d+\)'s setup completed at 2026-12-01T00:00:00.000Z, but its first row says/)]);
    });

    it('catches a queue entry without its join row, and a match of a player who never joined', () => {
      expect(broken((snapshot) => removeLog(snapshot, (log) => log.action === 'queue_joined' && log.createdAt.getTime() === snapshot.queue[0].joinedAt.getTime()))).toEqual([
        expect.stringMatching(/^Ann \(\d+\)'s queue entry of .+ has 0 queue_joined rows, not 1$/),
      ]);
      expect(broken((snapshot) => (snapshot.logs = snapshot.logs.filter((log) => !(log.action === 'queue_joined' && log.discordId === discordIdOf(snapshot, 'Eve')))))).toEqual([
        expect.stringMatching(/^match 4 side 2 \(\d+\) never joined the queue before it$/),
        expect.stringMatching(/^match 5 side 2 \(\d+\) never joined the queue before it$/),
      ]);
    });

    it('catches an admin action without its players\' rows, a cleared queue short of a row, and a row by an admin with no action', () => {
      expect(broken((snapshot) => removeLog(snapshot, (log) => log.settingName === 'unban'))).toContainEqual(expect.stringMatching(/^admin action \d+ \(unban\) on \d+ has no admin_action row$/));
      expect(broken((snapshot) => removeLog(snapshot, (log) => log.settingName === 'queue'))).toContainEqual(expect.stringMatching(/^admin action \d+ \(clear_queue\) took 2 players out of the queue, with 1 log rows$/));
      expect(broken((snapshot) => removeLog(snapshot, (log) => log.settingName === 'match:2'))).toContainEqual(expect.stringMatching(/^admin action 1 \(resolve_match\) on match 2 has no row for side 1$/));
      expect(broken((snapshot) => snapshot.audits.splice(snapshot.audits.findIndex((audit) => audit.action === 'ban'), 1))).toContainEqual(expect.stringMatching(/^admin_action row .+, by admin:\d+, belongs to no admin action$/));
      expect(broken((snapshot) => (snapshot.audits[0].adminDiscordId = '42'))).toContainEqual(expect.stringMatching(/^admin_action row .+ says admin:\d+, but its admin action was by 42$/));
      expect(broken((snapshot) => (snapshot.audits[0].action = 'teleport'))).toContainEqual('admin action 1 (teleport) is not an action the ladder knows');
    });
  });
});

describe('memory drift', () => {
  const drift = (plant: (memory: ReturnType<LadderStory['memory']>) => void) => {
    const story = season();
    const memory = story.memory();
    plant(memory);
    return memoryDrift(story.snapshot(), memory);
  };

  it('finds none when memory holds what the database does', () => {
    expect(drift(() => undefined)).toEqual([]);
  });

  it('catches a stale player, one missing and one memory invented', () => {
    expect(drift((memory) => (memory.players[0] = { ...memory.players[0], country: 'DE', version: 9 }))).toEqual([
      expect.stringMatching(/^memory's player \d+ differs from the database in country \(database "FR", memory "DE"\), version \(database 2, memory 9\)$/),
    ]);
    expect(drift((memory) => memory.players.pop())).toEqual([expect.stringMatching(/^memory lacks player \d+$/)]);
    expect(drift((memory) => memory.players.push({ ...memory.players[0], discordId: '7' }))).toEqual(['memory holds player 7, which the database does not']);
  });

  it('leaves out a player memory is reading again', () => {
    expect(drift((memory) => {
      memory.players[0] = { ...memory.players[0], country: 'DE' };
      memory.rereading.push(memory.players[0].discordId);
    })).toEqual([]);
  });

  it('catches a stale queue entry, open match, kept rating and ranked rating', () => {
    expect(drift((memory) => memory.queue.pop())).toEqual([expect.stringMatching(/^memory lacks queue entry \d+$/)]);
    expect(drift((memory) => (memory.openMatches[0] = { ...memory.openMatches[0], player1ConfirmedAt: new Date('2026-12-02T11:00:00Z') }))).toEqual([
      'memory\'s open match 7 differs from the database in player1ConfirmedAt (database null, memory "2026-12-02T11:00:00.000Z")',
    ]);
    expect(drift((memory) => (memory.keptRatings[0].ratings[0] = { ...memory.keptRatings[0].ratings[0], mmr: 1 }))).toEqual([expect.stringMatching(/^memory's kept rating of \d+ bw_zerg differs from the database in mmr \(database 1480, memory 1\)$/)]);
    expect(drift((memory) => (memory.rankedPool = memory.rankedPool.slice(1)))).toEqual(['memory lacks ranked rating 1']);
  });
});
