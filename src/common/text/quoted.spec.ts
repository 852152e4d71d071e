import { quoted } from './quoted';

describe('a typed value quoted back', () => {
  it.each([
    ['plain text as typed', 'Alice', '"Alice"'],
    ['an empty value', '', '""'],
    ['a zero-width space named', 'Ann\u200B', '"AnnU+200B"'],
    ['a right-to-left override named', '\u202EecilA', '"U+202EecilA"'],
    ['a line break named', 'a\nb', '"aU+000Ab"'],
    ['markdown escaped', '**b** _i_ `c` ~s~ |x|', '"\\*\\*b\\*\\* \\_i\\_ \\`c\\` \\~s\\~ \\|x\\|"'],
    ['a mention kept as text', '@everyone', '"@everyone"'],
    ['SQL as text', "x'); DROP TABLE players;--", '"x\'); DROP TABLE players;…" (26 characters)'],
    ['a long value cut, counted in characters', 'A'.repeat(5000), `"${'A'.repeat(24)}…" (5000 characters)`],
    ['characters of any script counted as one each', '앨리스'.repeat(10), `"${'앨리스'.repeat(8)}…" (30 characters)`],
  ])('%s', (_case, value, expected) => {
    expect(quoted(value)).toBe(expected);
  });
});
