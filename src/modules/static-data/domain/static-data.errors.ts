import { z } from 'zod';
import { StaticFileName } from './static-data.schemas';

export const ROOT_FIELD = '(root)';

/**
 * A static file that cannot be used: which file, which field (`seasons[0].maps[2].ids.EU`), and why.
 * The rules know a file by name; whoever read it names the folder (`in`), so the message shows the path read.
 */
export class StaticDataError extends Error {
  constructor(
    readonly file: StaticFileName,
    readonly field: string,
    readonly detail: string,
    readonly folder?: string,
  ) {
    super(`${folder === undefined ? '' : `${folder.replace(/\/$/, '')}/`}${file}.json: ${field}: ${detail}`);
    this.name = 'StaticDataError';
  }

  /** The same problem, its message naming the file's path in `folder`. */
  in(folder: string): StaticDataError {
    return new StaticDataError(this.file, this.field, this.detail, folder);
  }

  /** Names the first problem; the message counts the others so a reload shows how much is wrong. */
  static fromZod(file: StaticFileName, error: z.ZodError): StaticDataError {
    const [first, ...others] = error.issues;
    const path = first.code === 'unrecognized_keys' ? [...first.path, first.keys[0]] : first.path;
    const more = others.length === 0 ? '' : ` (and ${others.length} more ${others.length === 1 ? 'problem' : 'problems'})`;
    return new StaticDataError(file, fieldPath(path), `${first.message}${more}`);
  }
}

export function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return ROOT_FIELD;
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      return index === 0 ? String(segment) : `.${String(segment)}`;
    })
    .join('');
}
