import { RATING_RANGE } from '../../modules/admin/domain/rating-range';
import type { PracticeChoice, PracticeChoices } from '../practice/practice-choices';
import type { PracticeOpponentView } from '../practice/practice-opponent';

export interface PracticeOrder {
  race: string;
  rating: number | null;
  region: string;
  behaviour: string;
}

function field(caption: string, input: HTMLElement): HTMLLabelElement {
  const label = document.createElement('label');
  const text = document.createElement('span');
  text.textContent = caption;
  label.append(text, input);
  return label;
}

function select(name: string, choices: PracticeChoice[], chosen?: string): HTMLSelectElement {
  const element = document.createElement('select');
  element.name = name;
  element.append(...choices.map((choice) => new Option(choice.name, choice.code, false, choice.code === chosen)));
  return element;
}

/**
 * The form that adds a practice opponent: its race, a rating (empty for the ladder's starting one), its
 * region and how it answers its match. Drawn once: the choices come with the first snapshot.
 */
export function drawPracticeForm(form: HTMLFormElement, choices: PracticeChoices, add: (order: PracticeOrder) => Promise<boolean>): void {
  if (form.childElementCount > 0) return;
  const race = select('race', choices.races, choices.races.find((candidate) => candidate.game === 'sc2')?.code);
  const rating = document.createElement('input');
  rating.type = 'number';
  rating.name = 'rating';
  rating.min = String(RATING_RANGE.min);
  rating.max = String(RATING_RANGE.max);
  rating.step = '1';
  rating.placeholder = 'starting rating';
  const region = select('region', choices.regions);
  const behaviour = select('behaviour', choices.behaviours);
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.textContent = 'Add practice opponent';
  form.append(field('Race', race), field('Rating', rating), field('Region', region), field('Behaviour', behaviour), submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    const order = { race: race.value, rating: rating.value === '' ? null : Number(rating.value), region: region.value, behaviour: behaviour.value };
    void add(order).finally(() => (submit.disabled = false));
  });
}

/** Each practice opponent, what it plays and what it is doing now. */
export function drawPracticeList(list: HTMLElement, opponents: PracticeOpponentView[]): void {
  list.replaceChildren(
    ...opponents.map((opponent) => {
      const item = document.createElement('li');
      const name = document.createElement('strong');
      name.textContent = opponent.name;
      const plays = document.createElement('span');
      plays.textContent = ` ${opponent.race}${opponent.rating === null ? '' : ` ${opponent.rating}`}, ${opponent.behaviour.replaceAll('_', ' ')}`;
      const status = document.createElement('div');
      status.className = 'practice-status';
      status.textContent = opponent.busy ? `${opponent.status} …` : opponent.status;
      item.append(name, plays, status);
      return item;
    }),
  );
}
