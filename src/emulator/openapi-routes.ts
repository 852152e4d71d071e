import { jsonBodySchema, openApiSpec } from './openapi-spec';

/** An operation of Discord's spec that takes a JSON body, e.g. `PATCH /webhooks/{webhook_id}/{webhook_token}`. */
export interface SpecOperation {
  method: string;
  path: string;
  /** whether a concrete request path (`/webhooks/1/abc`) is one this operation describes */
  covers(requestPath: string): boolean;
}

const isEmulatorParam = (segment: string) => segment.startsWith(':');
const isSpecParam = (segment: string) => segment.startsWith('{');

/**
 * The spec's operations with a JSON body that an emulator route (`/webhooks/:applicationId/:token/messages/:messageId`)
 * serves, the most literal first, so that `@original` finds its own operation before `{message_id}`.
 */
export function specOperationsFor(method: string, pattern: string): SpecOperation[] {
  const spec = openApiSpec();
  const segments = pattern.split('/');
  const lineUp = (specPath: string) => {
    const specSegments = specPath.split('/');
    return (
      specSegments.length === segments.length &&
      specSegments.every((s, i) => isSpecParam(s) || isEmulatorParam(segments[i]) || s === segments[i])
    );
  };
  const literals = (specPath: string) => specPath.split('/').filter((s) => !isSpecParam(s)).length;
  return Object.keys(spec.paths)
    .filter((specPath) => lineUp(specPath) && jsonBodySchema(spec, method, specPath))
    .sort((a, b) => literals(b) - literals(a))
    .map((specPath) => {
      const regex = pathRegex(specPath);
      return { method, path: specPath, covers: (requestPath) => regex.test(requestPath) };
    });
}

function pathRegex(specPath: string): RegExp {
  const source = specPath
    .split('/')
    .map((s) => (isSpecParam(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}
