import { fakeButton, fakeCommand, fakeMessage, fakeModalSubmit } from '../testing/fake-interactions';
import { intentKeyOf } from './intent-key';

describe('intent keys', () => {
  const message = fakeMessage('m1');
  const click = (customId: string, userId = 'u1', on = message) => intentKeyOf(fakeButton({ customId, userId, message: on }), 'report/:matchId/:result/:rev');

  it('makes "I won", "I lost", "I won" on one message three intents, each carrying the revision it acted on', () => {
    const keys = [click('report/7/win/0'), click('report/7/loss/1'), click('report/7/win/2')];
    expect(new Set(keys).size).toBe(3);
  });

  it('makes a double click one intent', () => {
    expect(click('report/7/win/0')).toBe(click('report/7/win/0'));
  });

  it('keeps other people and other messages apart', () => {
    expect(click('report/7/win/0', 'u2')).not.toBe(click('report/7/win/0'));
    expect(click('report/7/win/0', 'u1', fakeMessage('m2'))).not.toBe(click('report/7/win/0'));
  });

  it('makes every command an intent of its own, and a form from a message one per message', () => {
    expect(intentKeyOf(fakeCommand({ id: 'i1' }), '/profile')).not.toBe(intentKeyOf(fakeCommand({ id: 'i2' }), '/profile'));
    const form = (id: string) => intentKeyOf(fakeModalSubmit({ id, customId: 'setup/form', fromMessage: message }), 'setup/form');
    expect(form('i1')).toBe(form('i2'));
  });
});
