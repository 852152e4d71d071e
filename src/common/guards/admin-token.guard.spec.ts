import { NotFoundException, UnauthorizedException } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { httpContext } from '../testing/fake-interactions';
import { AdminTokenGuard } from './admin-token.guard';

const TOKEN = 's3cret-admin-token';

function guardWith(token: string | undefined): AdminTokenGuard {
  const config: Pick<AppConfig, 'admin'> = { admin: { token, discordIds: [] } };
  return new AdminTokenGuard(config as AppConfig);
}

const requestWith = (authorization?: string) => httpContext({ headers: { authorization } });

describe('AdminTokenGuard', () => {
  it('admits the configured token', () => {
    expect(guardWith(TOKEN).canActivate(requestWith(`Bearer ${TOKEN}`))).toBe(true);
  });

  it.each<[string, string | undefined]>([
    ['no Authorization header', undefined],
    ['an empty header', ''],
    ['a scheme without a token', 'Bearer'],
    ['a scheme with an empty token', 'Bearer '],
    ['the right token under another scheme', `Basic ${TOKEN}`],
    ['the token without a scheme', TOKEN],
    ['a wrong token of the same length', `Bearer ${'x'.repeat(TOKEN.length)}`],
    ['a shorter token', `Bearer ${TOKEN.slice(0, -1)}`],
    ['a longer token', `Bearer ${TOKEN}x`],
  ])('answers 401 to %s', (_, authorization) => {
    expect(() => guardWith(TOKEN).canActivate(requestWith(authorization))).toThrow(UnauthorizedException);
  });

  it('does not exist (404) when no ADMIN_TOKEN is configured, whatever the request carries', () => {
    expect(() => guardWith(undefined).canActivate(requestWith(`Bearer ${TOKEN}`))).toThrow(NotFoundException);
    expect(() => guardWith(undefined).canActivate(requestWith())).toThrow(NotFoundException);
  });

  it('treats an empty ADMIN_TOKEN as none, so "Bearer " never opens it', () => {
    expect(() => guardWith('').canActivate(requestWith('Bearer '))).toThrow(NotFoundException);
  });
});
