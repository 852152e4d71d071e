import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Two levels up reaches the project root from both src/emulator and dist/emulator. */
export const OPENAPI_SPEC_FILE = resolve(__dirname, '..', '..', 'vendor', 'discord-openapi', 'openapi.json');

export type JsonSchema = { [keyword: string]: unknown };

interface Operation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiSpec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

let loaded: OpenApiSpec | undefined;

/** Discord's vendored OpenAPI description, read once per process. */
export function openApiSpec(): OpenApiSpec {
  loaded ??= JSON.parse(readFileSync(OPENAPI_SPEC_FILE, 'utf8')) as OpenApiSpec;
  return loaded;
}

/** The JSON request body schema of one operation, e.g. ('post', '/channels/{channel_id}/messages'). */
export function jsonBodySchema(spec: OpenApiSpec, method: string, specPath: string): JsonSchema | undefined {
  return spec.paths[specPath]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
}
