import type { JsonSchema } from './openapi-spec';

/** The keyword that checks an integer given as a string against its field's bounds (see openapi-validator.ts). */
export const INTEGER_STRING_KEYWORD = 'integerString';

export interface RewriteContext {
  /** the spec's own schema a `$ref` names, to read a union's alternatives */
  resolve(ref: string): JsonSchema;
  /** the `$ref` the compiled schema uses for it */
  refFor(ref: string): string;
}

const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs']);
const SCHEMA_VALUES = new Set(['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains']);
const ANNOTATIONS = new Set(['title', 'description']);

/**
 * A spec schema as the emulator validates it. Two of the spec's own caveats need it: integer fields
 * accept integer strings, and its unions mean "the alternative that applies" (upstream writes `anyOf`
 * for some). Unions are also made to report one alternative's error instead of every alternative's.
 */
export function rewriteSchema(schema: JsonSchema, ctx: RewriteContext): JsonSchema {
  return rewriteNode(schema, ctx) as JsonSchema;
}

function rewriteNode(node: unknown, ctx: RewriteContext): unknown {
  if (!isSchema(node)) return node;
  const out: JsonSchema = {};
  for (const [keyword, value] of Object.entries(node)) {
    if (keyword.startsWith('x-')) continue;
    if (keyword === '$ref') out.$ref = ctx.refFor(value as string);
    else if (SCHEMA_LISTS.has(keyword)) out[keyword] = (value as unknown[]).map((v) => rewriteNode(v, ctx));
    else if (SCHEMA_MAPS.has(keyword)) out[keyword] = mapValues(value as JsonSchema, (v) => rewriteNode(v, ctx));
    else if (SCHEMA_VALUES.has(keyword)) out[keyword] = rewriteNode(value, ctx);
    else out[keyword] = value;
  }
  return acceptIntegerStrings(rewriteUnion(out, node, ctx));
}

function rewriteUnion(out: JsonSchema, original: JsonSchema, ctx: RewriteContext): JsonSchema {
  const keyword = out.oneOf ? 'oneOf' : out.anyOf ? 'anyOf' : undefined;
  if (!keyword) return out;
  const { [keyword]: branches, ...rest } = out;
  const alternatives = (original[keyword] as JsonSchema[]).map((b) => deref(b, ctx));
  return combine(rest, union(branches as JsonSchema[], alternatives, ctx));
}

/** `branches` are rewritten; `alternatives` are the spec's own, with a top-level `$ref` followed. */
function union(branches: JsonSchema[], alternatives: JsonSchema[], ctx: RewriteContext): JsonSchema {
  const isNull = alternatives.map((a) => a.type === 'null');
  if (isNull.includes(true) && branches.length > 1) {
    const others = (list: JsonSchema[]) => list.filter((_, i) => !isNull[i]);
    return { if: { type: 'null' }, else: union(others(branches), others(alternatives), ctx) };
  }
  if (branches.length === 1) return branches[0];
  if (alternatives.every(isConstOnly)) return { enum: alternatives.map((a) => a.const) };
  const tags = alternatives.map((a) => typeTags(a, ctx));
  if (tags.every((t) => t !== undefined) && new Set(tags.flat()).size === tags.flat().length) {
    return dispatchOnType(branches, tags as unknown[][]);
  }
  // Discord's validators try the alternatives in turn, so a body any one of them accepts is accepted,
  // as with the webhook route's two overlapping message shapes or the nonce's integer and string.
  return { anyOf: branches };
}

/**
 * The alternative whose `type` tag the body carries, checked alone: an unknown tag is reported at
 * `type`, and a known one with that alternative's own error.
 */
function dispatchOnType(branches: JsonSchema[], tags: unknown[][]): JsonSchema {
  const tagged = (values: unknown[]) => ({
    type: 'object',
    required: ['type'],
    properties: { type: { enum: withIntegerStrings(values) } },
  });
  return { allOf: [tagged(tags.flat()), ...branches.map((then, i) => ({ if: tagged(tags[i]), then }))] };
}

/** The values of a required integer or string `type` property, when the alternative has one. */
function typeTags(alternative: JsonSchema, ctx: RewriteContext): unknown[] | undefined {
  const properties = alternative.properties as Record<string, JsonSchema> | undefined;
  const required = alternative.required as string[] | undefined;
  if (!properties?.type || !required?.includes('type')) return undefined;
  const tag = deref(properties.type, ctx);
  const values = (tag.enum as unknown[] | undefined) ?? ('const' in tag ? [tag.const] : undefined);
  return values?.every((v) => typeof v === 'string' || Number.isInteger(v)) ? values : undefined;
}

function acceptIntegerStrings(node: JsonSchema): JsonSchema {
  const types = typeof node.type === 'string' ? [node.type] : Array.isArray(node.type) ? (node.type as string[]) : [];
  if (!types.includes('integer') || types.includes('string')) return node;
  const { const: constant, ...rest } = node;
  const values = 'const' in node ? [constant] : (node.enum as unknown[] | undefined);
  return {
    ...rest,
    type: [...types, 'string'],
    ...(values ? { enum: withIntegerStrings(values) } : {}),
    [INTEGER_STRING_KEYWORD]: true,
  };
}

function withIntegerStrings(values: unknown[]): unknown[] {
  return values.flatMap((v) => (Number.isInteger(v) ? [v, String(v)] : [v]));
}

/** Adds a union's replacement beside the node's other keywords, nesting it when a keyword is taken. */
function combine(rest: JsonSchema, replacement: JsonSchema): JsonSchema {
  const clash = Object.keys(replacement).some((k) => k in rest);
  if (!clash) return { ...rest, ...replacement };
  return { ...rest, allOf: [...((rest.allOf as JsonSchema[] | undefined) ?? []), replacement] };
}

function deref(schema: JsonSchema, ctx: RewriteContext): JsonSchema {
  return typeof schema.$ref === 'string' ? ctx.resolve(schema.$ref) : schema;
}

function isConstOnly(schema: JsonSchema): boolean {
  return 'const' in schema && Object.keys(schema).every((k) => k === 'const' || ANNOTATIONS.has(k));
}

function isSchema(node: unknown): node is JsonSchema {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

function mapValues(map: JsonSchema, fn: (value: unknown) => unknown): JsonSchema {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, fn(v)]));
}
