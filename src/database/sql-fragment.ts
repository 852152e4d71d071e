/**
 * A piece of SQL with its values kept apart: written as a tagged template (`sql\`... ${value}\``), it
 * numbers its own placeholders when compiled, and fragments nest inside each other, so no caller ever
 * counts `$n` by hand. Only `identifier` and `unsafeRaw` put text into the statement itself.
 */
export class SqlFragment {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}

  /** The statement with `$1`, `$2`... in order of appearance, and the values for them. */
  compile(): { text: string; params: unknown[] } {
    const params: unknown[] = [];
    const text = this.render((value) => {
      params.push(value);
      return `$${params.length}`;
    });
    return { text, params };
  }

  /** The same fragment with every value (in nested fragments too) passed through `replace`. */
  map(replace: (value: unknown) => unknown): SqlFragment {
    return new SqlFragment(
      this.strings,
      this.values.map((value) => (value instanceof SqlFragment ? value.map(replace) : replace(value))),
    );
  }

  private render(placeholder: (value: unknown) => string): string {
    let text = this.strings[0];
    this.values.forEach((value, index) => {
      text += value instanceof SqlFragment ? value.render(placeholder) : placeholder(value);
      text += this.strings[index + 1];
    });
    return text;
  }
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlFragment {
  return new SqlFragment([...strings], values);
}

/** Fragments joined by `separator` (a comma by default). */
export function join(fragments: readonly SqlFragment[], separator = ', '): SqlFragment {
  if (fragments.length === 0) return new SqlFragment([''], []);
  return new SqlFragment(['', ...fragments.slice(1).map(() => separator), ''], fragments);
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** A table or column name of the project's own schema, checked, as statement text. */
export function identifier(name: string): SqlFragment {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a plain SQL identifier: ${name}`);
  return new SqlFragment([name], []);
}

/** Trusted statement text written in the code (never user input): a keyword, a whole clause. */
export function unsafeRaw(text: string): SqlFragment {
  return new SqlFragment([text], []);
}

/** `(a, b, c)` for a row's columns, and the matching values. */
export function columnsAndValues(row: Record<string, unknown>): { columns: SqlFragment; values: SqlFragment } {
  const names = Object.keys(row);
  return {
    columns: join(names.map(identifier)),
    values: join(names.map((name) => sql`${row[name]}`)),
  };
}
