import type { DiscordDriver, DriverUser } from '../../emulator';
import type { Pause } from './join-ladder';
import type { PracticeChoices } from './practice-choices';
import { PracticeOpponent, PracticeOpponentView, PracticeRequest } from './practice-opponent';

/** The letters after "Practice" in the n-th opponent's name (A, B, … Z, AA, AB, …): player names are letters only. */
function lettersOf(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

export function practiceName(index: number): string {
  return `Practice${lettersOf(index)}`;
}

/** The sandbox's practice opponents: each added from the page, playing on its own, listed with what it is doing. */
export class PracticeOpponents {
  private readonly opponents: PracticeOpponent[] = [];
  private readonly listeners = new Set<(opponents: PracticeOpponentView[]) => void>();
  private created = 0;

  constructor(
    private readonly driver: DiscordDriver,
    private readonly admin: DriverUser,
    readonly choices: PracticeChoices,
    private readonly delayMs: number,
  ) {}

  views(): PracticeOpponentView[] {
    return this.opponents.map((opponent) => opponent.view);
  }

  onChange(listener: (opponents: PracticeOpponentView[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A new opponent, who starts on the ladder at once; the page learns each step through onChange. */
  add(request: PracticeRequest): PracticeOpponentView {
    const { user, name } = this.newUser();
    const opponent = new PracticeOpponent(this.driver, user, this.admin, name, request, this.pause, () => this.changed());
    this.opponents.push(opponent);
    void opponent.start();
    this.changed();
    return opponent.view;
  }

  dispose(): void {
    this.opponents.forEach((opponent) => opponent.dispose());
    this.listeners.clear();
  }

  /** Someone may already have taken practice_a from the page: the next free name is used. */
  private newUser(): { user: DriverUser; name: string } {
    let name: string;
    do name = practiceName(this.created++);
    while (this.driver.hasUser(name.toLowerCase()));
    return { user: this.driver.createUser(name.toLowerCase()), name };
  }

  /** Between one and two times the configured delay, so two opponents do not move in lockstep. */
  private readonly pause: Pause = () => new Promise((resolve) => setTimeout(resolve, this.delayMs * (1 + Math.random())));

  private changed(): void {
    const views = this.views();
    this.listeners.forEach((listener) => listener(views));
  }
}
