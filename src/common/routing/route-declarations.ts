import { declaredRoute } from './custom-id-route';

export interface RegisteredHandler {
  pattern: string;
  /** `Class.method`, to name in the error. */
  handler: string;
}

/**
 * Every component and modal handler must have its custom id declared with `defineRoute`, or the
 * pipeline refuses each of its clicks as stale: fail at boot instead, naming the handlers.
 */
export function assertRoutesDeclared(handlers: readonly RegisteredHandler[]): void {
  const undeclared = handlers.filter((handler) => declaredRoute(handler.pattern) === undefined);
  if (undeclared.length === 0) return;
  const names = undeclared.map((handler) => `${handler.handler} ('${handler.pattern}')`).join(', ');
  throw new Error(`Custom ids with no declared route (use defineRoute and build the id from it): ${names}`);
}
