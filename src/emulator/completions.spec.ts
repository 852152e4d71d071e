import { Completions } from './completions';

describe('completions', () => {
  it('resolves a wait when its interaction finishes, and at once for one already finished', async () => {
    const completions = new Completions();
    const order: string[] = [];
    const first = completions.finished('a').then(() => order.push('a'));
    const alongside = completions.finished('a').then(() => order.push('a again'));
    completions.finish('b');
    await completions.finished('b').then(() => order.push('b'));
    expect(order).toEqual(['b']);
    completions.finish('a');
    await Promise.all([first, alongside]);
    expect(order).toEqual(['b', 'a', 'a again']);
  });
});
