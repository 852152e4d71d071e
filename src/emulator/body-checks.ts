import { invalidFormBody } from './api-error';
import { specOperationsFor } from './openapi-routes';
import { BodyValidator, bodyValidator } from './openapi-validator';
import type { Breach, ViolationLog } from './violations';

/** One request's body against Discord's OpenAPI spec, checked at most once. */
export interface BodyCheck {
  /**
   * Records and refuses with 400 Invalid Form Body the route's own rule breaches when there are any, so
   * those keep naming the limits they know, and otherwise the spec's verdict on the body.
   */
  enforce(ruleBreaches?: Breach[]): void;
  /** Checks a body nothing checked yet, recording a violation without refusing: the request was answered otherwise. */
  settle(): void;
}

export type RouteBodyCheck = (requestPath: string, params: Record<string, string>, body: unknown) => BodyCheck;

const TAKES_BODY = new Set(['POST', 'PUT', 'PATCH']);
const NOTHING_TO_CHECK: BodyCheck = { enforce: () => undefined, settle: () => undefined };

interface CompiledOperation {
  name: string;
  covers(requestPath: string): boolean;
  validate: BodyValidator;
}

/** Every JSON body the bot sends, checked against the spec operation its route serves, and counted. */
export class BodyChecks {
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly violations: ViolationLog,
    /** the interaction a callback or webhook request belongs to, to attribute its violation */
    private readonly interactionOf: (params: Record<string, string>) => string | undefined,
  ) {}

  /** Compiles an emulator route's operations now; a route that takes a body the spec does not describe is an error. */
  forRoute(method: string, pattern: string): RouteBodyCheck {
    const operations: CompiledOperation[] = specOperationsFor(method, pattern).map((op) => ({
      name: `${op.method} ${op.path}`,
      covers: op.covers,
      validate: bodyValidator(op.method, op.path) as BodyValidator,
    }));
    if (operations.length === 0 && TAKES_BODY.has(method)) {
      throw new Error(`Discord's OpenAPI spec has no JSON body for ${method} ${pattern}`);
    }
    if (operations.length === 0) return () => NOTHING_TO_CHECK;
    return (requestPath, params, body) => {
      if (body === undefined) return NOTHING_TO_CHECK;
      let done = false;
      const verdict = (ruleBreaches: Breach[]): Breach[] => {
        if (done) return [];
        done = true;
        const breach = ruleBreaches.length > 0 ? undefined : this.check(operations, requestPath, body);
        const breaches = breach ? [breach] : ruleBreaches;
        this.violations.recordBreaches(breaches, this.interactionOf(params));
        return breaches;
      };
      return {
        enforce: (ruleBreaches = []) => {
          const breaches = verdict(ruleBreaches);
          if (breaches.length > 0) throw invalidFormBody(breaches);
        },
        settle: () => void verdict([]),
      };
    };
  }

  /** How many bodies were checked, by spec operation. */
  counted(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  private check(operations: CompiledOperation[], requestPath: string, body: unknown): Breach | undefined {
    const operation = operations.find((op) => op.covers(requestPath));
    if (!operation) {
      return { rule: 'openapi-schema', path: '', detail: `Discord's OpenAPI spec has no JSON body for ${requestPath}` };
    }
    this.counts.set(operation.name, (this.counts.get(operation.name) ?? 0) + 1);
    const error = operation.validate(body);
    return error && { rule: 'openapi-schema', path: error.path, detail: `${error.message} (Discord's OpenAPI spec, ${operation.name})` };
  }
}
