/** How a practice opponent answers its match, as the page offers it. */
export const PRACTICE_BEHAVIOURS = {
  reports_loss: 'Confirms, then reports a loss',
  reports_win: 'Confirms, then reports a win',
  reports_draw: 'Confirms, then reports a draw',
  conflicts: 'Confirms, then contradicts your report',
  never_confirms: 'Never confirms',
  aborts: 'Aborts the match',
} as const;

export type PracticeBehaviour = keyof typeof PRACTICE_BEHAVIOURS;

export type Report = 'won' | 'lost' | 'draw';

export const REPORT_BUTTONS: Record<Report, string> = { won: 'I won', lost: 'I lost', draw: 'Draw' };

export function isPracticeBehaviour(value: string): value is PracticeBehaviour {
  return Object.hasOwn(PRACTICE_BEHAVIOURS, value);
}

/** A button on the match message as its reader sees it. */
export interface SeenButton {
  label: string;
  disabled: boolean;
}

/** The practice opponent's match message, read as a person reads it: its title, its text and its buttons. */
export interface SeenMatchMessage {
  title: string;
  text: string;
  buttons: SeenButton[];
}

/** Where the match stands for the practice opponent, from its own match message. */
export type MatchMoment =
  | { kind: 'found'; matchId: number; confirmed: boolean; confirmingAbort: boolean; abortButton: string | null }
  | { kind: 'card'; matchId: number; reported: Report | null; choosing: Report | null; opponentReported: boolean }
  | { kind: 'conflict'; matchId: number }
  | { kind: 'over'; matchId: number }
  | { kind: 'other' };

const REPORT_BY_LABEL = new Map(Object.entries(REPORT_BUTTONS).map(([report, label]) => [label, report as Report]));

function reportIn(text: string, pattern: RegExp): Report | null {
  const label = pattern.exec(text)?.[1];
  return (label && REPORT_BY_LABEL.get(label)) || null;
}

export function readMatchMessage(message: SeenMatchMessage): MatchMoment {
  const found = /^Match found: #(\d+)$/.exec(message.title);
  const labels = message.buttons.map((button) => button.label);
  if (found) {
    const abort = message.buttons.find((button) => /^Abort\b/.test(button.label) && !button.disabled);
    return { kind: 'found', matchId: Number(found[1]), confirmed: !labels.includes('Confirm'), confirmingAbort: labels.includes('Confirm abort'), abortButton: abort?.label ?? null };
  }
  const card = /^Match #(\d+): both confirmed, play!$/.exec(message.title);
  if (card) {
    const choosing = message.buttons.map((button) => /^Confirm: (.+)$/.exec(button.label)?.[1]).find(Boolean);
    return {
      kind: 'card',
      matchId: Number(card[1]),
      reported: reportIn(message.text, /You reported "([^"]+)"/),
      choosing: (choosing && REPORT_BY_LABEL.get(choosing)) || null,
      opponentReported: /\bhas reported\./.test(message.text),
    };
  }
  const conflict = /^Match #(\d+): the reports conflict$/.exec(message.title);
  if (conflict) return { kind: 'conflict', matchId: Number(conflict[1]) };
  const over = /^Match #(\d+)(?:: result| aborted| cancelled| abandoned)$/.exec(message.title);
  return over ? { kind: 'over', matchId: Number(over[1]) } : { kind: 'other' };
}

/** What the practice opponent does next; `theirReport` is the other player's report, once they made one. */
export type PracticeMove =
  | { do: 'click'; label: string }
  | { do: 'wait' }
  | { do: 'finish' };

/** The report that disagrees with theirs: both claim the win, both admit the loss, or a win against their draw. */
export function contradicting(theirs: Report): Report {
  return theirs === 'lost' ? 'lost' : 'won';
}

const PLAIN_REPORT: Partial<Record<PracticeBehaviour, Report>> = { reports_loss: 'lost', reports_win: 'won', reports_draw: 'draw' };

function reportWanted(behaviour: PracticeBehaviour, theirReport: Report | null): Report | null {
  if (behaviour === 'conflicts') return theirReport && contradicting(theirReport);
  return PLAIN_REPORT[behaviour] ?? null;
}

export function nextMove(behaviour: PracticeBehaviour, moment: MatchMoment, theirReport: Report | null): PracticeMove {
  switch (moment.kind) {
    case 'found':
      if (moment.confirmingAbort) return behaviour === 'aborts' ? { do: 'click', label: 'Confirm abort' } : { do: 'click', label: 'Back' };
      if (behaviour === 'aborts') return moment.abortButton ? { do: 'click', label: moment.abortButton } : { do: 'wait' };
      if (behaviour === 'never_confirms' || moment.confirmed) return { do: 'wait' };
      return { do: 'click', label: 'Confirm' };
    case 'card': {
      const wanted = reportWanted(behaviour, theirReport);
      if (!wanted || moment.reported === wanted) return { do: 'wait' };
      if (moment.choosing === wanted) return { do: 'click', label: `Confirm: ${REPORT_BUTTONS[wanted]}` };
      if (moment.choosing) return { do: 'click', label: 'Back' };
      return { do: 'click', label: REPORT_BUTTONS[wanted] };
    }
    case 'over':
      return { do: 'finish' };
    case 'conflict':
    case 'other':
      return { do: 'wait' };
  }
}
