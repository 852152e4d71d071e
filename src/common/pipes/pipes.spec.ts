import { BadRequestException } from '@nestjs/common';
import { DiscordIdPipe } from './discord-id.pipe';
import { WholeNumberPipe } from './whole-number.pipe';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).getResponse();
  }
  throw new Error('expected a refusal');
};

describe('parameter pipes', () => {
  describe('DiscordIdPipe', () => {
    const pipe = new DiscordIdPipe();
    const meta = { type: 'param' as const, data: 'discordId' };

    it.each(['12345678901234567', '12345678901234567890', '100000000000000001'])('takes %s', (id) => {
      expect(pipe.transform(id, meta)).toBe(id);
    });

    it.each(['', 'abc', '1234567890123456', '123456789012345678901', '12345678901234567x', ' 12345678901234567', '-12345678901234567', undefined, ['12345678901234567']])(
      'refuses %p naming the parameter',
      (id) => {
        expect(refusal(() => pipe.transform(id, meta))).toEqual({
          statusCode: 400,
          error: 'Bad Request',
          parameter: 'discordId',
          message: 'discordId must be a Discord id (17 to 20 digits)',
        });
      },
    );
  });

  describe('WholeNumberPipe', () => {
    const limit = new WholeNumberPipe({ min: 1, max: 200, fallback: 50 });
    const before = new WholeNumberPipe({ min: 1, max: 2_147_483_647, optional: true });
    const id = new WholeNumberPipe({ min: 1, max: 2_147_483_647 });

    it.each([
      ['1', 1],
      ['200', 200],
      ['050', 50],
      [undefined, 50],
      ['', 50],
    ])('reads limit %p as %p', (value, expected) => {
      expect(limit.transform(value, { type: 'query', data: 'limit' })).toBe(expected);
    });

    it.each(['0', '201', '-1', '1.5', '1e2', '0x10', ' 5', 'ten', '99999999999999999', ['1', '2']])('refuses limit %p naming it', (value) => {
      expect(refusal(() => limit.transform(value, { type: 'query', data: 'limit' }))).toMatchObject({ parameter: 'limit', message: 'limit must be a whole number from 1 to 200' });
    });

    it('lets an optional parameter be absent, and requires one that is not', () => {
      expect(before.transform(undefined, { type: 'query', data: 'before' })).toBeUndefined();
      expect(before.transform('2147483647', { type: 'query', data: 'before' })).toBe(2_147_483_647);
      expect(refusal(() => before.transform('2147483648', { type: 'query', data: 'before' }))).toMatchObject({ parameter: 'before' });
      expect(refusal(() => id.transform(undefined, { type: 'param', data: 'id' }))).toMatchObject({ parameter: 'id', message: 'id must be given (a whole number from 1 to 2147483647)' });
    });
  });
});
