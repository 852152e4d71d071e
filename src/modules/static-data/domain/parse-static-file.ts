import { ROOT_FIELD, StaticDataError } from './static-data.errors';
import { STATIC_FILES, StaticDataSet, StaticFileName } from './static-data.schemas';

const BYTE_ORDER_MARK = /^\uFEFF/;

export function parseStaticFile<Name extends StaticFileName>(name: Name, rawText: string): StaticDataSet[Name] {
  let json: unknown;
  try {
    // Editors on Windows may save UTF-8 with a byte order mark, which JSON.parse rejects.
    json = JSON.parse(rawText.replace(BYTE_ORDER_MARK, ''));
  } catch (error) {
    throw new StaticDataError(name, ROOT_FIELD, `invalid JSON: ${(error as Error).message}`);
  }
  const result = STATIC_FILES[name].safeParse(json);
  if (!result.success) throw StaticDataError.fromZod(name, result.error);
  return result.data as StaticDataSet[Name];
}
