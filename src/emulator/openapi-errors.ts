import type { ErrorObject } from 'ajv/dist/2020';

/** The offending field in Discord's form-error path form (`data.components.0.style`) and what is wrong. */
export interface SchemaError {
  path: string;
  message: string;
}

/** Errors that only say a branch or an alternative failed, beside the errors that say why. */
const WRAPPERS = new Set(['if', 'anyOf', 'oneOf']);

/**
 * The one error that names the field: the deepest, since the alternative that got furthest is the one
 * meant, and a broken bound there rather than another alternative's wrong type.
 */
export function describeErrors(errors: ErrorObject[]): SchemaError {
  const specific = errors.filter((e) => !WRAPPERS.has(e.keyword));
  const candidates = specific.length > 0 ? specific : errors;
  const depth = (e: ErrorObject) => fieldSegments(e).length;
  const deepest = Math.max(...candidates.map(depth));
  const atDeepest = candidates.filter((e) => depth(e) === deepest);
  const best = atDeepest.find((e) => e.keyword !== 'type') ?? atDeepest[0];
  const path = fieldSegments(best).join('.');
  if (best.keyword !== 'type') return { path, message: messageOf(best) };
  const sameField = atDeepest.filter((e) => fieldSegments(e).join('.') === path);
  return { path, message: `must be ${[...new Set(sameField.flatMap(typesOf))].join(' or ')}` };
}

function fieldSegments(error: ErrorObject): string[] {
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return error.keyword === 'required' ? [...segments, String(error.params.missingProperty)] : segments;
}

/** The types a type error asks for, leaving out the string an integer field also takes. */
function typesOf(error: ErrorObject): string[] {
  const types = [error.params.type as string | string[]].flat().flatMap((t) => t.split(','));
  return types.includes('integer') ? types.filter((t) => t !== 'string') : types;
}

function messageOf(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'enum': {
      const values = error.params.allowedValues as unknown[];
      const allowed = values.filter((v) => typeof v !== 'string' || !values.includes(Number(v)));
      return `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
    }
    default:
      return error.message ?? `fails ${error.keyword}`;
  }
}
