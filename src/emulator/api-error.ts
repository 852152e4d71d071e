import { RESTJSONErrorCodes } from 'discord.js';
import type { Breach } from './violations';

/** An error answered in Discord's shape: {message, code, errors?}. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: Record<string, unknown>,
  ) {
    super(message);
  }

  body(): Record<string, unknown> {
    return { message: this.message, code: this.code, ...(this.errors ? { errors: this.errors } : {}) };
  }
}

export const unknownInteraction = (): ApiError =>
  new ApiError(404, RESTJSONErrorCodes.UnknownInteraction, 'Unknown interaction');

export const alreadyAcknowledged = (): ApiError =>
  new ApiError(400, RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged, 'Interaction has already been acknowledged.');

export const unknownMessage = (): ApiError => new ApiError(404, RESTJSONErrorCodes.UnknownMessage, 'Unknown Message');

export const unknownChannel = (): ApiError => new ApiError(404, RESTJSONErrorCodes.UnknownChannel, 'Unknown Channel');

export const unknownWebhook = (): ApiError => new ApiError(404, RESTJSONErrorCodes.UnknownWebhook, 'Unknown Webhook');

export const invalidWebhookToken = (): ApiError =>
  new ApiError(401, RESTJSONErrorCodes.InvalidWebhookToken, 'Invalid Webhook Token');

export const cannotMessageUser = (): ApiError =>
  new ApiError(403, RESTJSONErrorCodes.CannotSendMessagesToThisUser, 'Cannot send messages to this user');

/** 400 Invalid Form Body, with the breaches nested by path as Discord nests them. */
export function invalidFormBody(breaches: Breach[]): ApiError {
  const errors: Record<string, unknown> = {};
  for (const { rule, path, detail } of breaches) {
    let node = errors;
    for (const key of path ? path.split('.') : []) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    const list = (node._errors ??= []) as { code: string; message: string }[];
    list.push({ code: rule, message: detail });
  }
  return new ApiError(400, RESTJSONErrorCodes.InvalidFormBodyOrContentType, 'Invalid Form Body', errors);
}
