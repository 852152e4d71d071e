import { REASON_LENGTH, validateReason } from './reason';

describe('an admin action\'s reason', () => {
  it.each([
    ['Both sent screenshots: Ann won', 'Both sent screenshots: Ann won'],
    ['  spaces   around and   inside  ', 'spaces around and inside'],
    ['line\nbreaks\tand tabs', 'line breaks and tabs'],
    ['@everyone look', '@everyone look'],
    ['x'.repeat(REASON_LENGTH.max), 'x'.repeat(REASON_LENGTH.max)],
  ])('keeps %j as %j', (typed, kept) => {
    expect(validateReason(typed)).toEqual({ ok: true, reason: kept });
  });

  it.each(['', '    ', 'abcd', '  ab   c  ', 'x'.repeat(REASON_LENGTH.max + 1)])('refuses %j, naming the field', (typed) => {
    const result = validateReason(typed);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^Reason must be 5 to 300 characters/);
  });
});
