import { ExecutionContext } from '@nestjs/common';
import { BaseInteraction } from 'discord.js';
import { NecordExecutionContext } from 'necord';

/** The Discord interaction a necord handler was called for, or undefined outside one (HTTP, gateway events). */
export function interactionOf(context: ExecutionContext): BaseInteraction | undefined {
  if (context.getType<string>() !== 'necord') return undefined;
  const [first] = NecordExecutionContext.create(context).getContext<unknown[]>();
  return first instanceof BaseInteraction ? first : undefined;
}
