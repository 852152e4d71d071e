import { assertGuarded, GuardedWrite, intentKeyOf, intentRow, postgresStatement, sqliteChange } from './guarded-write';
import { sql } from './sql-fragment';

const write: GuardedWrite = {
  current: sql`SELECT * FROM players WHERE discord_id IN (${'1'}, ${'2'})`,
  precondition: sql`(SELECT count(*) FROM current WHERE rev = ${4}) = 2`,
  keyed: {
    table: 'player_action_logs',
    rows: [
      { idempotency_key: 'intent', discord_id: '1', action: 'country_changed' },
      { idempotency_key: 'intent:2', discord_id: '2', action: 'country_changed' },
    ],
  },
  changes: [
    { update: 'players', set: sql`country = ${'KR'}, rev = rev + 1`, where: sql`discord_id = ${'1'}` },
    { insert: 'preferences_1v1', row: { player_id: 2, updated_at: 'now' }, onConflict: sql`(player_id) DO NOTHING` },
    { delete: 'mmrs_1v1', where: sql`player_id = ${2}` },
  ],
};

/** The statement's CTEs by name, each with its body (the text inside its balanced parentheses). */
function parts(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of text.matchAll(/(\w+) AS \(/g)) {
    const start = match.index + match[0].length;
    let depth = 1;
    let end = start;
    while (depth > 0) {
      if (text[end] === '(') depth += 1;
      if (text[end] === ')') depth -= 1;
      end += 1;
    }
    found.set(match[1], text.slice(start, end - 1));
  }
  return found;
}

describe('a guarded write as one PostgreSQL statement', () => {
  const { text, params } = postgresStatement(write).compile();
  const ctes = parts(text);

  it('locks the current rows and checks the key and the precondition before anything else', () => {
    expect([...ctes.keys()].slice(0, 3)).toEqual(['current', 'repeated', 'guard']);
    expect(ctes.get('current')).toMatch(/FOR UPDATE$/);
    expect(ctes.get('repeated')).toMatch(/FROM \(SELECT count\(\*\) FROM current\) AS locked WHERE ladder_key_used\(\$\d+, \$\d+\)/);
    expect(params.slice(0, 4)).toEqual(expect.arrayContaining(['player_action_logs', 'intent']));
    expect(ctes.get('guard')).toMatch(/NOT EXISTS \(SELECT 1 FROM repeated\) AND \(\(SELECT count\(\*\) FROM current WHERE rev = \$\d+\) = 2\)/);
    expect(params).toContain('intent');
  });

  it('makes every keyed row and every change depend on the guard, whatever the caller wrote', () => {
    const guarded = [...ctes.entries()].filter(([name]) => /^(keyed|change)_\d+$/.test(name));
    expect(guarded.map(([name]) => name)).toEqual(['keyed_1', 'keyed_2', 'change_1', 'change_2', 'change_3']);
    for (const [, body] of guarded) expect(body).toContain('EXISTS (SELECT 1 FROM guard)');
  });

  it('fails the whole statement through ladder_fail when a part changed nothing or a key was taken meanwhile', () => {
    expect(text).toMatch(/\(SELECT count\(\*\) FROM keyed_1\) \+ \(SELECT count\(\*\) FROM keyed_2\) <> \$\d+ THEN ladder_fail\(\$\d+/);
    for (const change of ['change_1', 'change_2', 'change_3']) expect(text).toContain(`WHEN NOT EXISTS (SELECT 1 FROM ${change}) THEN ladder_fail(`);
    expect(params).toEqual(expect.arrayContaining(['LDR01', 'LDR02', 'UPDATE players changed no row', 'INSERT INTO preferences_1v1 changed no row', 'DELETE FROM mmrs_1v1 changed no row']));
    expect(text).not.toMatch(/\/ ?0|1 \/ /);
  });

  it('checks a part meant for an exact number of rows by its count', () => {
    const exact = postgresStatement({ ...write, changes: [{ ...write.changes[0], rows: 2 }] }).compile();
    expect(exact.text).toMatch(/WHEN \(SELECT count\(\*\) FROM change_1\) <> \$\d+ THEN ladder_fail\(/);
    expect(exact.params).toEqual(expect.arrayContaining([2, 'UPDATE players did not change exactly 2 rows']));
  });

  it('answers the outcome with the current rows, the keyed rows and every change\'s rows', () => {
    expect(text).toMatch(/AS ladder_status/);
    expect(text).toMatch(/json_agg\(c\), '\[\]'::json\) FROM current c\) AS ladder_current/);
    expect(text).toMatch(/FROM \(SELECT \* FROM keyed_1 UNION ALL SELECT \* FROM keyed_2\) k\) AS ladder_keyed/);
    const changedRows = (name: string) => `(SELECT coalesce(json_agg(r), '[]'::json) FROM ${name} r)`;
    expect(text).toContain(`json_build_array(${['change_1', 'change_2', 'change_3'].map(changedRows).join(', ')}) AS ladder_changed`);
  });

  it('numbers every placeholder once, in order', () => {
    const numbers = [...text.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]));
    expect(numbers).toEqual(numbers.map((_, index) => index + 1));
    expect(params).toHaveLength(numbers.length);
  });

  it('needs a keyed row when keyed: the key names the intent', () => {
    expect(intentKeyOf(write)).toBe('intent');
    expect(() => postgresStatement({ ...write, keyed: { table: 'player_action_logs', rows: [] } })).toThrow(/keyed row/);
  });

  it('guards a write without keyed rows by its precondition alone, and refuses one with neither', () => {
    const unkeyed = postgresStatement({ ...write, keyed: undefined }).compile().text;
    expect(parts(unkeyed).get('repeated')).toBe('SELECT 1 WHERE FALSE');
    expect(unkeyed).not.toMatch(/keyed_\d/);
    expect(unkeyed).toMatch(/'\[\]'::json AS ladder_keyed/);
    expect(() => assertGuarded({ ...write, keyed: undefined })).not.toThrow();
    expect(() => assertGuarded({ ...write, keyed: undefined, precondition: undefined })).toThrow(/needs a precondition/);
  });

  it('reads intentRow() as the keyed row the statement inserts, on PostgreSQL from its CTE and on SQLite as a value', () => {
    const linked: GuardedWrite = {
      ...write,
      changes: [{ update: 'players', set: sql`current_match_id = ${intentRow('id')}`, where: sql`id IN (${1}, ${2})`, rows: 2 }],
    };
    const { text: linkedText } = postgresStatement(linked).compile();
    expect(parts(linkedText).get('change_1')).toMatch(/^UPDATE players SET current_match_id = \(SELECT id FROM keyed_1\) WHERE/);
    const sqlite = sqliteChange(linked.changes[0], { id: 77 }).compile();
    expect(sqlite.text).toBe('UPDATE players SET current_match_id = $1 WHERE (id IN ($2, $3)) RETURNING *');
    expect(sqlite.params).toEqual([77, 1, 2]);
    expect(() => postgresStatement({ ...linked, keyed: undefined })).toThrow(/has none/);
  });

  it('gives SQLite each part on its own, run once the guard held in code', () => {
    expect(sqliteChange(write.changes[0]).compile().text).toBe('UPDATE players SET country = $1, rev = rev + 1 WHERE (discord_id = $2) RETURNING *');
    expect(sqliteChange(write.changes[1]).compile().text).toBe('INSERT INTO preferences_1v1 (player_id, updated_at) VALUES ($1, $2) ON CONFLICT (player_id) DO NOTHING RETURNING *');
  });
});
