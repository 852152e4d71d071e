import { DiscordDriver, DiscordEmulator, DriverUser } from '../emulator';
import { renderMessage } from '../emulator/render';

/** One step of the scripted session: a single interaction (or a wait), so that it can be run again after a crash. */
export interface ScriptStep {
  name: string;
  /**
   * Where the bot is killed in this step: a crash point it is restarted to hold at just before the
   * step (`terms_accepted:after`), or `between:<moment>` to kill it while idle just before the step.
   */
  kill?: string;
  run: () => Promise<void>;
  /**
   * What the player does instead once the bot is back, when the first attempt died with it: a click on
   * an ephemeral message is left showing "Processing…", so they run the command again; a match card
   * is drawn again at the restart, so they click it again if it still asks.
   */
  retry?: () => Promise<void>;
}

export interface ScriptPlayers {
  bw: DriverUser;
  sc2: DriverUser;
  admin: DriverUser;
}

const REASON = 'Checked by the chaos run';

/**
 * A ladder session for two players and an admin: terms, setup, queue, five matches (completed,
 * aborted, timed out, a conflict resolved twice over) and the admin's actions. `full` kills the bot at
 * every point; otherwise at a few.
 */
export interface LadderScript {
  steps: ScriptStep[];
  /** After a kill: the attempt it cut short stops waiting and changes nothing when its wait ends. */
  abandon(): void;
}

export function ladderScript(emulator: DiscordEmulator, driver: DiscordDriver, players: ScriptPlayers, full: boolean): LadderScript {
  const { bw, sc2, admin } = players;
  let attempt = 0;
  const only = (point: string) => (full ? point : undefined);
  let matchId = 0;
  const dm = { bw: '', sc2: '' };

  /** The latest match card (the DM with Confirm) of `user` for a match after `after`, from the emulator's own record. */
  const matchDm = (user: DriverUser, after: number) => {
    const found = [...emulator.state.messages.values()]
      .filter((stored) => emulator.state.channels.get(stored.message.channel_id)?.recipientId === user.id && !stored.deleted)
      .map((stored) => ({ id: stored.message.id, text: renderMessage(stored.message) }))
      .map((message) => ({ ...message, match: Number(/Match(?: found:)? #(\d+)/.exec(message.text)?.[1] ?? 0) }))
      .filter((message) => message.match > after && message.text.includes('[Confirm]'));
    return found.at(-1);
  };
  const until = async (what: string, done: () => boolean, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    const mine = attempt;
    while (!done()) {
      if (attempt !== mine) throw new Error(`abandoned waiting for ${what}`);
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what} (match ${matchId})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (attempt !== mine) throw new Error(`abandoned waiting for ${what}`);
  };
  const render = (messageId: string) => renderMessage(emulator.state.messages.get(messageId)!.message);
  /** A card left on "Processing…" by a click the crash cut short is drawn again once the bot is back. */
  const redrawn = (messageId: string) => until(`message ${messageId} to be drawn again after the restart`, () => !render(messageId).includes('Processing…'), 15_000);
  const expect = (what: string, text: string | undefined, pattern: RegExp) => {
    if (!pattern.test(text ?? '')) throw new Error(`${what}: expected ${pattern}, got:\n${text}`);
  };

  const queue = (user: DriverUser, race: { bw?: string; sc2?: string }, kill?: string): ScriptStep[] => [
    { name: `${user.username} opens /queue`, run: async () => void (await user.runCommand('queue')) },
    ...(race.bw ? [{ name: `${user.username} picks ${race.bw}`, run: async () => void (await user.choose('queue/bw/', [race.bw!])) }] : []),
    ...(race.sc2 ? [{ name: `${user.username} picks ${race.sc2}`, run: async () => void (await user.choose('queue/sc2/', [race.sc2!])) }] : []),
    {
      name: `${user.username} clicks Join`,
      kill,
      run: async () => {
        await user.clickButton('Join');
        expect(`${user.username}'s Join`, user.lastReply(), /Searching for a match/);
      },
      retry: async () => {
        await user.runCommand('queue');
        if (/Searching for a match/.test(user.lastReply() ?? '')) return;
        if (race.bw) await user.choose('queue/bw/', [race.bw]);
        if (race.sc2) await user.choose('queue/sc2/', [race.sc2]);
        await user.clickButton('Join');
        expect(`${user.username}'s Join`, user.lastReply(), /Searching for a match/);
      },
    },
  ];
  const matched = (kill?: string): ScriptStep => ({
    name: 'a wave matches them (both DMs)',
    kill,
    run: async () => {
      await until('both match DMs', () => {
        const [one, two] = [matchDm(bw, matchId), matchDm(sc2, matchId)];
        return one !== undefined && two !== undefined && one.match === two.match;
      });
      const [one, two] = [matchDm(bw, matchId)!, matchDm(sc2, matchId)!];
      matchId = one.match;
      dm.bw = one.id;
      dm.sc2 = two.id;
    },
  });
  const click = (user: () => DriverUser, label: string, messageId: () => string, kill?: string, then?: RegExp): ScriptStep => ({
    name: `${user().username} clicks ${label}`,
    kill,
    run: async () => {
      if (!emulator.state.messages.get(messageId())) throw new Error(`no message ${messageId()}`);
      if (!render(messageId()).includes(`[${label}]`)) throw new Error(`message ${messageId()} shows no [${label}]:\n${render(messageId())}`);
      await user().clickButton(label, { messageId: messageId() });
      if (then) expect(`after ${label}`, render(messageId()), then);
    },
    retry: async () => {
      await redrawn(messageId());
      if (render(messageId()).includes(`[${label}]`)) await user().clickButton(label, { messageId: messageId() });
      if (then) expect(`after ${label}, once more`, render(messageId()), then);
    },
  });
  /** A report is two clicks (the choice, then its Confirm): one step, since a restart draws the card afresh. */
  const report = (user: DriverUser, side: 'bw' | 'sc2', label: string, kill?: string, then?: RegExp): ScriptStep[] => {
    const both = async () => {
      if (!render(dm[side]).includes(`[${label}]`)) return;
      await user.clickButton(label, { messageId: dm[side] });
      await user.clickButton(`Confirm: ${label}`, { messageId: dm[side] });
    };
    const check = async () => {
      await redrawn(dm[side]);
      await both();
      if (then) expect(`after reporting ${label}`, render(dm[side]), then);
    };
    return [{ name: `${user.username} reports ${label}`, kill, run: check, retry: check }];
  };
  /** Abort, then Confirm abort: one step, since a restart draws the card afresh. */
  const abort = (kill?: string): ScriptStep => {
    const both = async () => {
      await redrawn(dm.bw);
      const label = /\[(Abort \(\d of 3 left this month\))\]/.exec(render(dm.bw))?.[1];
      if (label) {
        await bw.clickButton(label, { messageId: dm.bw });
        await bw.clickButton('Confirm abort', { messageId: dm.bw });
      }
      expect('after the abort', render(dm.bw), /aborted/i);
    };
    return { name: `${bw.username} aborts the match`, kill, run: both, retry: both };
  };
  const confirmBoth = (first?: string, second?: string): ScriptStep[] => [
    click(() => bw, 'Confirm', () => dm.bw, first),
    click(() => sc2, 'Confirm', () => dm.sc2, second, /both confirmed, play!/),
  ];
  const adminConfirm = (command: string, options: () => Record<string, string | number | DriverUser>, kill?: string): ScriptStep[] => {
    let preview = '';
    return [
      {
        name: `admin previews /admin ${command}`,
        run: async () => {
          await admin.runCommand(`admin ${command}`, { reason: REASON, ...options() });
          preview = driver.lastReply(admin.id)!.message.id;
        },
      },
      {
        name: `admin confirms /admin ${command}`,
        kill,
        run: async () => {
          await admin.clickButton('Confirm', { messageId: preview });
          expect(`/admin ${command}`, admin.lastReply(), /done|resolved/i);
        },
        retry: async () => {
          await admin.runCommand(`admin ${command}`, { reason: REASON, ...options() });
          if (!/\[Confirm\]/.test(admin.lastReply() ?? '')) return;
          await admin.clickButton('Confirm', { messageId: driver.lastReply(admin.id)!.message.id });
          expect(`/admin ${command}, once more`, admin.lastReply(), /done|resolved/i);
        },
      },
    ];
  };
  const setup = (user: DriverUser, name: string, kill?: string): ScriptStep[] => [
    { name: `${user.username} runs /setup`, run: async () => void (await user.runCommand('setup')) },
    { name: `${user.username} fills the form`, run: async () => void (await user.fillModal({ 'Player name': name, BattleTag: `${name}#1234` })) },
    { name: `${user.username} picks a country`, run: async () => void (await user.choose('setup/country/1', ['DE'])) },
    { name: `${user.username} picks a region`, run: async () => void (await user.choose('Residential region', ['EUW'])) },
    {
      name: `${user.username} confirms setup`,
      kill,
      run: async () => {
        await user.clickButton('Confirm');
        expect('setup', user.lastReply(), /Setup complete/);
      },
      retry: async () => {
        await user.runCommand('setup');
        await user.fillModal({ 'Player name': name, BattleTag: `${name}#1234` });
        await user.choose('setup/country/1', ['DE']);
        await user.choose('Residential region', ['EUW']);
        await user.clickButton('Confirm');
        expect('setup, once more', user.lastReply(), /Setup complete/);
      },
    },
  ];
  const terms = (user: DriverUser, kill?: string): ScriptStep[] => [
    { name: `${user.username} runs /termsofservice`, run: async () => void (await user.runCommand('termsofservice')) },
    {
      name: `${user.username} accepts the terms`,
      kill,
      run: async () => {
        await user.clickButton('Accept');
        expect('terms', user.lastReply(), /Terms accepted/);
      },
      retry: async () => {
        await user.runCommand('termsofservice');
        await user.clickButton('Accept');
        expect('terms, once more', user.lastReply(), /Terms accepted|you have accepted them/);
      },
    },
  ];

  const steps = [
    ...terms(bw, only('terms_accepted:before')),
    ...terms(sc2, 'terms_accepted:after'),
    ...setup(bw, 'Chaosbw', only('setup_completed:before')),
    ...setup(sc2, 'Chaossc', only('setup_completed:after')),
    ...queue(bw, { bw: 'bw_zerg' }, only('queue_joined:before')),
    ...queue(sc2, { sc2: 'sc2_terran' }, only('queue_joined:after')),
    // Match 1, completed: killed while both wait, before its creation, at each confirmation and report.
    { name: 'both wait in the queue', kill: only('between:queued'), run: async () => undefined },
    matched(only('insert_matches_1v1:before')),
    { name: 'both hold their match DMs', kill: 'between:matched', run: async () => undefined },
    ...confirmBoth(only('match_confirmed:before'), 'match_confirmed:after'),
    ...report(bw, 'bw', 'I won', only('match_reported:before')),
    ...report(sc2, 'sc2', 'I lost', 'match_reported:after', /->/),
    // Match 2, aborted: killed after its creation, before the DMs went out.
    ...queue(bw, { bw: 'bw_zerg' }),
    ...queue(sc2, { sc2: 'sc2_terran' }),
    matched('insert_matches_1v1:after'),
    abort(only('match_aborted:after')),
    // Match 3, timed out: killed as its deadline fires; the deadline fires once after the restart.
    ...queue(bw, { bw: 'bw_zerg' }),
    ...queue(sc2, { sc2: 'sc2_terran' }),
    matched(),
    {
      name: 'nobody confirms: the match times out',
      kill: only('match_timed_out:before'),
      run: () => until('the time-out', () => new RegExp(`Match #${matchId} abandoned`).test(render(dm.bw))),
    },
    // Match 4, a conflict the admin resolves: killed inside the resolution, before and after its write.
    ...queue(bw, { bw: 'bw_zerg' }),
    ...queue(sc2, { sc2: 'sc2_terran' }),
    matched(),
    ...confirmBoth(),
    ...report(bw, 'bw', 'I won'),
    ...report(sc2, 'sc2', 'I won', undefined, /the reports conflict/),
    { name: 'the reports conflict', kill: only('between:conflict'), run: async () => undefined },
    ...adminConfirm('resolve', () => ({ match: matchId, result: 'player_1' }), 'resolve_match:before'),
    ...adminConfirm('resolve', () => ({ match: matchId, result: 'player_2' }), only('resolve_match:after')),
    ...adminConfirm('rating', () => ({ user: sc2, race: 'sc2_terran', value: 1600 }), only('adjust_rating:after')),
    ...adminConfirm('reset-aborts', () => ({ user: bw }), only('reset_aborts:after')),
    // Leaving the queue, killed after its write.
    ...queue(bw, { bw: 'bw_zerg' }),
    {
      name: `${bw.username} clicks Leave`,
      kill: only('delete_queue_entries_1v1:after'),
      run: async () => void (await bw.clickButton('Leave')),
      retry: async () => {
        await bw.runCommand('queue');
        if (/Searching for a match/.test(bw.lastReply() ?? '')) await bw.clickButton('Leave');
      },
    },
  ];
  return { steps, abandon: () => (attempt += 1) };
}
