import Ajv2020, { AnySchemaObject, ValidateFunction } from 'ajv/dist/2020';
import type { DataValidateFunction } from 'ajv/dist/types';
import addFormats from 'ajv-formats';
import { describeErrors, SchemaError } from './openapi-errors';
import { INTEGER_STRING_KEYWORD, rewriteSchema } from './openapi-rewrite';
import { jsonBodySchema, JsonSchema, openApiSpec, OpenApiSpec } from './openapi-spec';

/** Checks one operation's JSON body; undefined when Discord's spec accepts it. */
export type BodyValidator = (body: unknown) => SchemaError | undefined;

const COMPONENTS_ID = 'discord-openapi';
const INTEGER = /^-?(0|[1-9][0-9]*)$/;
const FORMAT_BOUNDS: Record<string, [bigint, bigint]> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
};

interface Compiler {
  ajv: Ajv2020;
  spec: OpenApiSpec;
}

let compiler: Compiler | undefined;
/** Module-wide: the emulators one process starts (under jest, one test file) share one compilation per operation. */
const validators = new Map<string, BodyValidator | undefined>();

/** The validator of one spec operation's JSON body, compiled on first use; undefined when it takes none. */
export function bodyValidator(method: string, specPath: string): BodyValidator | undefined {
  const key = `${method.toUpperCase()} ${specPath}`;
  if (!validators.has(key)) {
    compiler ??= createCompiler(openApiSpec());
    const schema = jsonBodySchema(compiler.spec, method, specPath);
    validators.set(key, schema && toBodyValidator(compiler.ajv.compile(rewrite(compiler.spec, schema))));
  }
  return validators.get(key);
}

function createCompiler(spec: OpenApiSpec): Compiler {
  // A process compiles the few operations it serves once and validates a handful of bodies with them:
  // skipping the meta-schema pass over all the spec's schemas and the code optimiser more than halves
  // that start, and strict mode still refuses an unknown keyword or format when an operation compiles.
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, validateSchema: false, code: { optimize: false } });
  addFormats(ajv, ['uri', 'date-time', 'int32', 'int64', 'double']);
  // The spec pairs these with a pattern or a length that says all there is to check.
  ajv.addFormat('snowflake', true);
  ajv.addFormat('nonce', true);
  ajv.addKeyword({ keyword: INTEGER_STRING_KEYWORD, type: 'string', schemaType: 'boolean', compile: integerStringCheck, errors: true });
  const schemas = Object.fromEntries(Object.entries(spec.components.schemas).map(([name, s]) => [name, rewrite(spec, s)]));
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: schemas });
  return { ajv, spec };
}

function rewrite(spec: OpenApiSpec, schema: JsonSchema): JsonSchema {
  const name = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);
  return rewriteSchema(schema, {
    resolve: (ref) => spec.components.schemas[name(ref)],
    refFor: (ref) => `${COMPONENTS_ID}#/$defs/${name(ref)}`,
  });
}

/**
 * The spec says some integer fields also take a string of digits (discord.js sends
 * `default_member_permissions` as one); it does not say which, so any integer field takes one, held to
 * the bounds the number would be.
 */
function integerStringCheck(_enabled: boolean, field: AnySchemaObject): DataValidateFunction {
  const [formatLow, formatHigh] = FORMAT_BOUNDS[field.format as string] ?? [undefined, undefined];
  const low = typeof field.minimum === 'number' ? BigInt(Math.ceil(field.minimum)) : formatLow;
  const high = typeof field.maximum === 'number' ? BigInt(Math.floor(field.maximum)) : formatHigh;
  const range = low !== undefined && high !== undefined ? ` from ${low} to ${high}` : '';
  const check: DataValidateFunction = (data: string) => {
    const valid = INTEGER.test(data) && (low === undefined || BigInt(data) >= low) && (high === undefined || BigInt(data) <= high);
    if (!valid) check.errors = [{ keyword: INTEGER_STRING_KEYWORD, message: `must be an integer${range}`, params: {} }];
    return valid;
  };
  return check;
}

function toBodyValidator(validate: ValidateFunction): BodyValidator {
  return (body) => (validate(body) ? undefined : describeErrors(validate.errors ?? []));
}
