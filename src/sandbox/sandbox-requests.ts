import type { IncomingMessage } from 'node:http';
import type { ModalAnswers, OptionInput } from '../emulator';
import { RATING_RANGE } from '../modules/admin/domain/rating-range';
import { isPracticeBehaviour } from './practice/practice-behaviour';
import type { PracticeChoices } from './practice/practice-choices';
import type { PracticeRequest } from './practice/practice-opponent';
import type { ComponentAction } from './sandbox-actions';

/** A request the page should never send: its body is not what the route reads. */
export class BadRequest extends Error {}

const MAX_BODY_BYTES = 16 * 1024;
const COMMAND_NAME = /^[\w-]{1,32}( [\w-]{1,32}){0,2}$/;

type Body = Record<string, unknown>;

function text(body: Body, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '') throw new BadRequest(`${name} must be a non-empty string`);
  return value;
}

function strings(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw new BadRequest(`${name} must be a list of strings`);
  return value;
}

function commandOptions(value: unknown): Record<string, OptionInput> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BadRequest('options must be an object of option values');
  for (const [name, input] of Object.entries(value)) {
    const isId = typeof input === 'object' && input !== null && typeof (input as { id?: unknown }).id === 'string';
    if (!['string', 'number', 'boolean'].includes(typeof input) && !isId) throw new BadRequest(`option ${name} must be a string, a number, a boolean or {"id": …}`);
  }
  return value as Record<string, OptionInput>;
}

function commandName(body: Body): string {
  const name = text(body, 'name');
  if (!COMMAND_NAME.test(name)) throw new BadRequest('name must be a command name');
  return name;
}

export function componentAction(body: Body): ComponentAction {
  return { as: text(body, 'as'), messageId: text(body, 'messageId'), customId: text(body, 'customId'), ...(body.values !== undefined && { values: strings(body.values, 'values') }) };
}

export function commandRequest(body: Body): { as: string; name: string; options: Record<string, OptionInput> } {
  return { as: text(body, 'as'), name: commandName(body), options: commandOptions(body.options) };
}

export function autocompleteRequest(body: Body): { as: string; name: string; option: string; typed: string; options: Record<string, OptionInput> } {
  if (typeof body.typed !== 'string') throw new BadRequest('typed must be a string');
  return { as: text(body, 'as'), name: commandName(body), option: text(body, 'option'), typed: body.typed, options: commandOptions(body.options) };
}

export function modalRequest(body: Body): { as: string; answers: ModalAnswers } {
  const { answers } = body;
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) throw new BadRequest('answers must be an object of field answers');
  for (const [field, answer] of Object.entries(answers)) if (typeof answer !== 'string') strings(answer, `answer ${field}`);
  return { as: text(body, 'as'), answers: answers as ModalAnswers };
}

/** A Discord username: 2 to 32 lowercase letters, digits, dots and underscores. */
export function newUserRequest(body: Body): { username: string } {
  const username = text(body, 'username');
  if (!/^[a-z0-9_.]{2,32}$/.test(username)) throw new BadRequest('username must be 2 to 32 lowercase letters, digits, dots or underscores');
  return { username };
}

/** A practice opponent the page asks for: a race and a region the ladder has, a behaviour, and a rating or none. */
export function practiceRequest(body: Body, choices: PracticeChoices): PracticeRequest {
  const race = choices.races.find((candidate) => candidate.code === body.race);
  if (!race) throw new BadRequest(`race must be one of ${choices.races.map((candidate) => candidate.code).join(', ')}`);
  if (!choices.regions.some((region) => region.code === body.region)) throw new BadRequest(`region must be one of ${choices.regions.map((region) => region.code).join(', ')}`);
  const behaviour = text(body, 'behaviour');
  if (!isPracticeBehaviour(behaviour)) throw new BadRequest(`behaviour must be one of ${choices.behaviours.map((choice) => choice.code).join(', ')}`);
  const { rating } = body;
  if (rating !== null && (!Number.isInteger(rating) || (rating as number) < RATING_RANGE.min || (rating as number) > RATING_RANGE.max)) {
    throw new BadRequest(`rating must be a whole number from ${RATING_RANGE.min} to ${RATING_RANGE.max}, or null for the starting rating`);
  }
  return { race, rating: rating as number | null, region: body.region as string, behaviour };
}

export async function readJson(request: IncomingMessage): Promise<Body> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BadRequest('the request body is too large');
    chunks.push(chunk);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BadRequest('the request body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new BadRequest('the request body must be a JSON object');
  return parsed as Body;
}
