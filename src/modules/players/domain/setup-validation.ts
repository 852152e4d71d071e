import { quoted } from '../../../common/text/quoted';

export const SETUP_FIELDS = ['Player name', 'BattleTag', 'Alt name 1', 'Alt name 2'] as const;
export type SetupField = (typeof SETUP_FIELDS)[number];

export interface SetupInput {
  userId: string;
  battletag: string;
  alt1: string;
  alt2: string;
}

export interface SetupIdentity {
  playerName: string;
  battletag: string;
  altPlayerName1: string | null;
  altPlayerName2: string | null;
}

export interface FieldError {
  field: SetupField;
  message: string;
}

export type SetupValidation = { ok: true; identity: SetupIdentity } | { ok: false; errors: FieldError[] };

const ASCII_NAME = /^[A-Za-z]{3,12}$/;
/** Letters, marks and digits of any script; no spaces or punctuation. */
const ANY_SCRIPT_NAME = /^[\p{L}\p{M}\p{N}]+$/u;
const BATTLETAG = /^([^#]+)#([0-9]+)$/;

/** Length as a person counts it: characters, not UTF-16 units (앨리스 is 3). */
function length(text: string): number {
  return [...text].length;
}

function checkUserId(value: string): string | undefined {
  if (value === '') return 'is required';
  if (!ASCII_NAME.test(value)) return `must be 3 to 12 letters A-Z, nothing else (got ${quoted(value)})`;
  return undefined;
}

function checkBattletag(value: string): string | undefined {
  if (value === '') return 'is required';
  const hashes = value.split('#').length - 1;
  if (hashes !== 1) return `must be name#digits with exactly one # (got ${quoted(value)})`;
  const match = BATTLETAG.exec(value);
  if (!match) return `must be name#digits, e.g. Alice#1234 (got ${quoted(value)})`;
  const [, name, digits] = match;
  if (length(name) > 12 || !ANY_SCRIPT_NAME.test(name)) return `name before # must be 1 to 12 letters or digits (got ${quoted(name)})`;
  if (digits.length < 3 || digits.length > 12) return `must end in 3 to 12 digits after # (got ${quoted(digits)})`;
  return undefined;
}

function checkAlt(value: string): string | undefined {
  if (value === '') return undefined;
  if (length(value) < 3 || length(value) > 12 || !ANY_SCRIPT_NAME.test(value)) {
    return `must be 3 to 12 letters or digits of any script, or empty (got ${quoted(value)})`;
  }
  return undefined;
}

/** The LADDER.md setup rules; each failure names its field and the rule it broke. */
export function validateSetup(input: SetupInput): SetupValidation {
  const values = { userId: input.userId.trim(), battletag: input.battletag.trim(), alt1: input.alt1.trim(), alt2: input.alt2.trim() };
  const errors: FieldError[] = [];
  const add = (field: SetupField, message: string | undefined) => message && errors.push({ field, message });
  add('Player name', checkUserId(values.userId));
  add('BattleTag', checkBattletag(values.battletag));
  add('Alt name 1', checkAlt(values.alt1));
  add('Alt name 2', checkAlt(values.alt2));

  const names: Array<[SetupField, string]> = [
    ['Player name', values.userId],
    ['Alt name 1', values.alt1],
    ['Alt name 2', values.alt2],
  ];
  for (const [index, [field, name]] of names.entries()) {
    if (name === '' || errors.some((error) => error.field === field)) continue;
    const earlier = names.slice(0, index).find(([, other]) => other !== '' && other.toLocaleLowerCase() === name.toLocaleLowerCase());
    if (earlier) errors.push({ field, message: `must differ from ${earlier[0]} (both are ${quoted(name)})` });
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    identity: { playerName: values.userId, battletag: values.battletag, altPlayerName1: values.alt1 || null, altPlayerName2: values.alt2 || null },
  };
}
