import { INestApplicationContext } from '@nestjs/common';
import { InteractionOutcome } from '../../src/common/context/interaction-context';
import { InteractionRecorder } from '../../src/common/context/interaction-recorder';

/** Every interaction outcome the app records from now on, as the metrics and the log line see it. */
export function recordedOutcomes(app: INestApplicationContext): InteractionOutcome[] {
  const outcomes: InteractionOutcome[] = [];
  app.get(InteractionRecorder).onRecord((outcome) => outcomes.push(outcome));
  return outcomes;
}
