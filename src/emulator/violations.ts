export type RuleName =
  | 'late-initial-response'
  | 'not-acknowledged'
  | 'double-acknowledgement'
  | 'invalid-callback-type'
  | 'token-expired'
  | 'no-response-message'
  | 'empty-message'
  | 'content-length'
  | 'embed-limit'
  | 'component-limit'
  | 'custom-id-length'
  | 'duplicate-custom-id'
  | 'select-limit'
  | 'modal-limit'
  | 'autocomplete-limit'
  | 'command-definition'
  | 'disabled-component-click'
  | 'openapi-schema';

export interface Violation {
  rule: RuleName;
  interactionId?: string;
  detail: string;
}

/** A rule the bot broke, found while validating one request; `path` follows Discord's form-error paths ('' for the body itself). */
export interface Breach {
  rule: RuleName;
  path: string;
  detail: string;
}

export class ViolationLog {
  private readonly entries: Violation[] = [];

  constructor(private readonly onRecord: (violation: Violation) => void) {}

  record(rule: RuleName, detail: string, interactionId?: string): void {
    const violation: Violation = interactionId ? { rule, interactionId, detail } : { rule, detail };
    this.entries.push(violation);
    this.onRecord(violation);
  }

  recordBreaches(breaches: Breach[], interactionId?: string): void {
    for (const b of breaches) this.record(b.rule, b.path ? `${b.path}: ${b.detail}` : b.detail, interactionId);
  }

  list(): Violation[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries.length = 0;
  }
}
