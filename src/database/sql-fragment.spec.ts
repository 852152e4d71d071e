import { columnsAndValues, identifier, join, sql, unsafeRaw } from './sql-fragment';

describe('sql fragments', () => {
  it('numbers placeholders in order of appearance and keeps values apart from the text', () => {
    const name = "Robert'); DROP TABLE players;--";
    expect(sql`SELECT * FROM players WHERE player_name = ${name} AND rev = ${3}`.compile()).toEqual({
      text: 'SELECT * FROM players WHERE player_name = $1 AND rev = $2',
      params: [name, 3],
    });
  });

  it('numbers across nested fragments, however deep, without the caller counting', () => {
    const where = sql`discord_id = ${'42'} AND ${sql`rev = ${7}`}`;
    const statement = sql`UPDATE players SET country = ${'KR'}, region = ${'KRJ'} WHERE ${where} RETURNING ${unsafeRaw('*')}`;
    expect(statement.compile()).toEqual({
      text: 'UPDATE players SET country = $1, region = $2 WHERE discord_id = $3 AND rev = $4 RETURNING *',
      params: ['KR', 'KRJ', '42', 7],
    });
  });

  it('repeats a value as a placeholder of its own each time it appears', () => {
    const at = new Date('2026-12-01T00:00:00Z');
    expect(sql`SET a = ${at}, b = ${at}`.compile()).toEqual({ text: 'SET a = $1, b = $2', params: [at, at] });
  });

  it('joins fragments with a separator, and an empty list to nothing', () => {
    expect(join([sql`a = ${1}`, sql`b = ${2}`, sql`c = ${3}`], ' AND ').compile()).toEqual({ text: 'a = $1 AND b = $2 AND c = $3', params: [1, 2, 3] });
    expect(join([sql`x = ${1}`]).compile()).toEqual({ text: 'x = $1', params: [1] });
    expect(join([]).compile()).toEqual({ text: '', params: [] });
  });

  it('keeps null and undefined as values, never as text', () => {
    expect(sql`VALUES (${null}, ${undefined})`.compile()).toEqual({ text: 'VALUES ($1, $2)', params: [null, undefined] });
  });

  it('accepts plain identifiers only', () => {
    expect(identifier('player_action_logs').compile().text).toBe('player_action_logs');
    for (const bad of ['players; DROP', 'Players', '1players', 'a-b', '', 'players"']) expect(() => identifier(bad)).toThrow(/identifier/);
  });

  it('gives the columns of a row and their values in the same order', () => {
    const { columns, values } = columnsAndValues({ discord_id: '1', rev: 0, banned: false });
    expect(sql`INSERT INTO players (${columns}) VALUES (${values})`.compile()).toEqual({
      text: 'INSERT INTO players (discord_id, rev, banned) VALUES ($1, $2, $3)',
      params: ['1', 0, false],
    });
    expect(() => columnsAndValues({ 'bad column': 1 })).toThrow(/identifier/);
  });
});
