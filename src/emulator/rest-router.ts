import type { IncomingMessage, ServerResponse } from 'node:http';
import { RESTJSONErrorCodes } from 'discord.js';
import { ApiError } from './api-error';
import type { BodyCheck, BodyChecks, RouteBodyCheck } from './body-checks';
import type { FaultInjector } from './faults';
import type { Breach } from './violations';

/**
 * Refuses the request with 400 for the route's own rule breaches, or else when Discord's OpenAPI spec
 * rejects its body. A route calls it before it changes anything; the router checks any body a route did not.
 */
export type CheckBody = (ruleBreaches?: Breach[]) => void;

export interface RestRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  checkBody: CheckBody;
}

export interface RestResponse {
  status: number;
  body?: unknown;
}

export type RestHandler = (request: RestRequest) => RestResponse;

export interface RequestLogEntry {
  method: string;
  path: string;
  /** the matched route pattern; undefined for an unknown route */
  route?: string;
  status: number;
  fault?: string;
}

interface Route {
  method: string;
  pattern: string;
  regex: RegExp;
  keys: string[];
  botAuth: boolean;
  handler: RestHandler;
  bodyCheck: RouteBodyCheck;
}

export const API_PREFIX = '/api/v10';
const REQUEST_LOG_SIZE = 10_000;

export interface RouterHooks {
  onFault(method: string, path: string, kind: string): void;
}

/** Routes /api/v10 requests, checks the bot token, applies injected faults, answers JSON. */
export class RestRouter {
  private readonly routes: Route[] = [];
  readonly log: RequestLogEntry[] = [];

  constructor(
    private readonly token: string,
    private readonly faults: FaultInjector,
    private readonly bodyChecks: BodyChecks,
    private readonly hooks: RouterHooks,
  ) {}

  /** `botAuth: false` for interaction callbacks and webhooks, which carry their token in the path. */
  add(method: string, pattern: string, handler: RestHandler, botAuth = true): void {
    const keys: string[] = [];
    const source = pattern
      .split('/')
      .map((part) => {
        if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        keys.push(part.slice(1));
        return '([^/]+)';
      })
      .join('/');
    const bodyCheck = this.bodyChecks.forRoute(method, pattern);
    this.routes.push({ method, pattern, regex: new RegExp(`^${source}$`), keys, botAuth, handler, bodyCheck });
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const method = (req.method ?? 'GET').toUpperCase();
    const rawPath = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : '';
    const path = decodePath(rawPath);
    const entry: RequestLogEntry = { method, path: url.pathname, status: 0 };
    let found: { route: Route; match: RegExpExecArray } | undefined;
    for (const route of this.routes) {
      const match = route.method === method ? route.regex.exec(path) : null;
      if (match) {
        found = { route, match };
        break;
      }
    }
    const answer = (status: number, body?: unknown, headers: Record<string, string> = {}): void => {
      entry.status = status;
      this.record(entry);
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' });
      res.end(text);
    };
    const text = await readText(req);
    if (!found || !path) {
      answer(404, { message: '404: Not Found', code: 0 });
      return;
    }
    entry.route = found.route.pattern;
    if (found.route.botAuth && req.headers.authorization !== `Bot ${this.token}`) {
      answer(401, { message: '401: Unauthorized', code: 0 });
      return;
    }
    const injected = this.faults.take(method, path);
    if (injected) {
      entry.fault = injected.fault.spec.kind;
      this.hooks.onFault(method, path, injected.fault.spec.kind);
      answer(injected.response.status, injected.response.body, injected.response.headers);
      return;
    }
    const params = Object.fromEntries(found.route.keys.map((key, i) => [key, found.match[i + 1]]));
    let check: BodyCheck | undefined;
    try {
      const body = parseBody(text, req.headers['content-type']);
      check = found.route.bodyCheck(path, params, body);
      const response = found.route.handler({ params, query: url.searchParams, body, checkBody: check.enforce });
      check.settle();
      answer(response.status, response.body);
    } catch (error) {
      check?.settle();
      if (error instanceof ApiError) {
        answer(error.status, error.body());
      } else {
        console.error('[discord-emulator]', method, path, error);
        answer(500, { message: String(error), code: 0 });
      }
    }
  }

  unknownRequests(): RequestLogEntry[] {
    return this.log.filter((entry) => entry.route === undefined);
  }

  private record(entry: RequestLogEntry): void {
    this.log.push(entry);
    if (this.log.length > REQUEST_LOG_SIZE) this.log.shift();
  }
}

/** Decodes each segment (`%40original` -> `@original`); a malformed escape matches no route. */
function decodePath(rawPath: string): string {
  try {
    return rawPath.split('/').map(decodeURIComponent).join('/');
  } catch {
    return '';
  }
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  if (!(contentType ?? '').includes('application/json')) {
    throw new ApiError(400, RESTJSONErrorCodes.InvalidFormBodyOrContentType, 'The emulator accepts JSON bodies only');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, RESTJSONErrorCodes.RequestBodyContainsInvalidJSON, 'The request body contains invalid JSON.');
  }
}
