import { createParamDecorator } from '@nestjs/common';
import { currentInteraction } from '../context/current-interaction';

/**
 * The interaction's intent key (`<route>:<message id>:<user>` for a click, `<route>:<interaction id>`
 * for a command): the idempotency key of what the handler writes.
 */
export const IntentKey = createParamDecorator(() => currentInteraction()?.intentKey);
