import { RESTJSONErrorCodes } from 'discord.js';
import type { DisconnectOptions } from './gateway';

export type FaultKind = 'rate-limit' | 'server-error' | 'unknown-interaction' | 'cannot-dm';

export interface FaultSpec {
  kind: FaultKind;
  /** path under /api/v10 with :params, e.g. '/channels/:id/messages', or a RegExp on the concrete path */
  route: string | RegExp;
  /** HTTP method; any method when left out */
  method?: string;
  /** how many matching calls fail (default 1) */
  times?: number;
  /** rate-limit only (default 100) */
  retryAfterMs?: number;
  /** rate-limit only: a global limit blocks every route in discord.js */
  global?: boolean;
  /** server-error only (default 500) */
  status?: number;
}

export interface InjectedFault {
  readonly spec: FaultSpec;
  remaining: number;
  hits: number;
}

export interface FaultResponse {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

function routeRegex(route: string | RegExp): RegExp {
  if (route instanceof RegExp) return route;
  const source = route
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

/** Failures on request: the next N matching REST calls fail, or the gateway drops. */
export class FaultInjector {
  private readonly faults: { fault: InjectedFault; regex: RegExp }[] = [];

  constructor(private readonly gateway: { disconnect(options?: DisconnectOptions): number }) {}

  inject(spec: FaultSpec): InjectedFault {
    const fault: InjectedFault = { spec, remaining: spec.times ?? 1, hits: 0 };
    this.faults.push({ fault, regex: routeRegex(spec.route) });
    return fault;
  }

  pending(): InjectedFault[] {
    return this.faults.map((f) => f.fault).filter((f) => f.remaining > 0);
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** Closes the bot's gateway sockets; returns how many were open. */
  disconnectGateway(options?: DisconnectOptions): number {
    return this.gateway.disconnect(options);
  }

  take(method: string, path: string): { fault: InjectedFault; response: FaultResponse } | undefined {
    const match = this.faults.find(
      ({ fault, regex }) =>
        fault.remaining > 0 &&
        (!fault.spec.method || fault.spec.method.toUpperCase() === method) &&
        regex.test(path),
    );
    if (!match) return undefined;
    match.fault.remaining--;
    match.fault.hits++;
    return { fault: match.fault, response: faultResponse(match.fault.spec) };
  }
}

function faultResponse(spec: FaultSpec): FaultResponse {
  switch (spec.kind) {
    case 'rate-limit': {
      const seconds = (spec.retryAfterMs ?? 100) / 1000;
      const global = spec.global ?? false;
      return {
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: seconds, global },
        headers: {
          'Retry-After': String(seconds),
          'X-RateLimit-Scope': global ? 'global' : 'user',
          ...(global ? { 'X-RateLimit-Global': 'true' } : {}),
        },
      };
    }
    case 'server-error': {
      const status = spec.status ?? 500;
      return { status, body: { message: `${status}: Internal Server Error`, code: 0 }, headers: {} };
    }
    case 'unknown-interaction':
      return { status: 404, body: { message: 'Unknown interaction', code: RESTJSONErrorCodes.UnknownInteraction }, headers: {} };
    case 'cannot-dm':
      return {
        status: 403,
        body: { message: 'Cannot send messages to this user', code: RESTJSONErrorCodes.CannotSendMessagesToThisUser },
        headers: {},
      };
  }
}
