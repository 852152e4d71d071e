/** Discord caps a custom id at 100 characters. */
export const MAX_CUSTOM_ID_LENGTH = 100;

type ParamRules<Name extends string> = Record<Name, RegExp>;
type Params<Name extends string> = Record<Name, string>;

type ParamNames<Pattern extends string> = Pattern extends `${string}:${infer Param}/${infer Rest}`
  ? Param | ParamNames<Rest>
  : Pattern extends `${string}:${infer Param}`
    ? Param
    : never;

/**
 * A custom id as a route (`report/:matchId/:result`): built and parsed in one place, each parameter
 * checked by its rule, so a forged or stale id is refused rather than half-understood.
 */
export class CustomIdRoute<Pattern extends string> {
  private readonly segments: readonly string[];

  constructor(
    readonly pattern: Pattern,
    private readonly rules: ParamRules<ParamNames<Pattern>>,
  ) {
    this.segments = pattern.split('/');
  }

  build(params: Params<ParamNames<Pattern>>): string {
    const id = this.segments
      .map((segment) => {
        if (!segment.startsWith(':')) return segment;
        const name = segment.slice(1) as ParamNames<Pattern>;
        const value = params[name];
        if (!this.rules[name].test(value)) throw new Error(`Invalid ${name} "${value}" for custom id ${this.pattern}`);
        return value;
      })
      .join('/');
    if (id.length > MAX_CUSTOM_ID_LENGTH) throw new Error(`Custom id longer than ${MAX_CUSTOM_ID_LENGTH} characters: ${id}`);
    return id;
  }

  /** The parameters of `customId`, or undefined when it is not a well-formed id of this route. */
  parse(customId: string): Params<ParamNames<Pattern>> | undefined {
    const parts = customId.split('/');
    if (parts.length !== this.segments.length || customId.length > MAX_CUSTOM_ID_LENGTH) return undefined;
    const params = {} as Params<ParamNames<Pattern>>;
    for (const [index, segment] of this.segments.entries()) {
      const part = parts[index];
      if (!segment.startsWith(':')) {
        if (part !== segment) return undefined;
        continue;
      }
      const name = segment.slice(1) as ParamNames<Pattern>;
      if (!this.rules[name].test(part)) return undefined;
      params[name] = part;
    }
    return params;
  }
}

const registry = new Map<string, CustomIdRoute<string>>();

/** Declares a route; every declared route is known by its pattern, so the pipeline can check ids against it. */
export function defineRoute<Pattern extends string>(pattern: Pattern, rules: ParamRules<ParamNames<Pattern>>): CustomIdRoute<Pattern> {
  const route = new CustomIdRoute(pattern, rules);
  registry.set(pattern, route as unknown as CustomIdRoute<string>);
  return route;
}

export function declaredRoute(pattern: string): CustomIdRoute<string> | undefined {
  return registry.get(pattern);
}
