import { CanActivate, ExecutionContext, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';

/**
 * The admin HTTP API answers only `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant time;
 * with no ADMIN_TOKEN configured it does not exist (404), so it is never open by omission.
 */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected?: Buffer;

  constructor(@InjectConfig() config: AppConfig) {
    this.expected = config.admin.token ? digest(config.admin.token) : undefined;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) throw new NotFoundException();
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const [scheme, token, ...rest] = header.trim().split(/\s+/);
    if (scheme?.toLowerCase() !== 'bearer' || !token || rest.length > 0 || !timingSafeEqual(digest(token), this.expected)) {
      throw new UnauthorizedException('A valid admin token is required');
    }
    return true;
  }
}

/** Hashing first makes both sides the same length, so the comparison leaks nothing about it either. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
