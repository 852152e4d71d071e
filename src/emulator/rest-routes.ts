import {
  APIApplication,
  APIInteractionResponse,
  ApplicationFlags,
  MessageFlags,
  RESTJSONErrorCodes,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { ApiError, cannotMessageUser, unknownChannel, unknownMessage } from './api-error';
import { CommandRegistry, validateCommands } from './commands';
import { guildPayload } from './guild';
import type { Interactions } from './interactions';
import type { MessageBody } from './messages';
import type { RestRequest, RestResponse, RestRouter } from './rest-router';
import { validateMessageBody } from './rules';
import type { EmulatorState } from './state';

export interface RouteContext {
  state: EmulatorState;
  commands: CommandRegistry;
  interactions: Interactions;
  gatewayUrl(): string;
}

const ok = (body: unknown): RestResponse => ({ status: 200, body });
const noContent: RestResponse = { status: 204 };

export function registerRoutes(router: RestRouter, ctx: RouteContext): void {
  const { state, commands, interactions } = ctx;
  const applicationId = state.bot.id;

  const application = (): APIApplication => ({
    id: applicationId,
    name: state.bot.username,
    icon: null,
    description: '',
    summary: '',
    bot_public: true,
    bot_require_code_grant: false,
    bot: state.bot,
    verify_key: '0'.repeat(64),
    team: null,
    flags: 0 as ApplicationFlags,
    flags_new: '0',
  });

  const requireApplication = (id: string): void => {
    if (id !== applicationId) throw new ApiError(404, RESTJSONErrorCodes.UnknownApplication, 'Unknown Application');
  };

  const requireGuild = (id: string): void => {
    if (id !== state.guildId) throw new ApiError(404, RESTJSONErrorCodes.UnknownGuild, 'Unknown Guild');
  };

  const putCommands = ({ params, body, checkBody }: RestRequest, guildId?: string): RestResponse => {
    requireApplication(params.applicationId);
    checkBody(validateCommands(body));
    return ok(commands.put(body as RESTPostAPIApplicationCommandsJSONBody[], guildId));
  };

  router.add('GET', '/gateway', () => ok({ url: ctx.gatewayUrl() }), false);
  router.add('GET', '/gateway/bot', () =>
    ok({
      url: ctx.gatewayUrl(),
      shards: 1,
      session_start_limit: { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: 1 },
    }),
  );
  router.add('GET', '/applications/@me', () => ok(application()));
  router.add('GET', '/applications/:applicationId/commands', ({ params }) => {
    requireApplication(params.applicationId);
    return ok(commands.list());
  });
  router.add('PUT', '/applications/:applicationId/commands', (req) => putCommands(req));
  router.add('GET', '/applications/:applicationId/guilds/:guildId/commands', ({ params }) => {
    requireApplication(params.applicationId);
    requireGuild(params.guildId);
    return ok(commands.list(params.guildId));
  });
  router.add('PUT', '/applications/:applicationId/guilds/:guildId/commands', (req) => {
    requireGuild(req.params.guildId);
    return putCommands(req, req.params.guildId);
  });

  router.add('GET', '/users/@me', () => ok(state.bot));
  router.add('POST', '/users/@me/channels', ({ body, checkBody }) => {
    checkBody();
    const recipientId = objectBody<{ recipient_id?: string }>(body).recipient_id ?? '';
    if (!state.users.has(recipientId)) throw new ApiError(404, RESTJSONErrorCodes.UnknownUser, 'Unknown User');
    return ok(state.dmChannel(recipientId).channel);
  });
  router.add('GET', '/users/:userId', ({ params }) => {
    const user = state.userObject(params.userId);
    if (!user) throw new ApiError(404, RESTJSONErrorCodes.UnknownUser, 'Unknown User');
    return ok(user);
  });

  router.add('GET', '/guilds/:guildId', ({ params }) => {
    requireGuild(params.guildId);
    return ok(guildPayload(state));
  });
  router.add('GET', '/guilds/:guildId/members/:userId', ({ params }) => {
    requireGuild(params.guildId);
    const member = state.member(params.userId);
    if (!member) throw new ApiError(404, RESTJSONErrorCodes.UnknownMember, 'Unknown Member');
    return ok(member);
  });

  router.add('GET', '/channels/:channelId', ({ params }) => ok(state.channelPayload(params.channelId) ?? throwError(unknownChannel())));
  router.add('GET', '/channels/:channelId/messages', ({ params, query }) => {
    const channel = state.channels.get(params.channelId) ?? throwError(unknownChannel());
    const limit = Math.min(Math.max(Number(query.get('limit') ?? 50), 1), 100);
    const visible = channel.messages.filter((m) => !m.deleted && !m.visibleTo);
    return ok(visible.slice(-limit).reverse().map((m) => m.message));
  });
  router.add('POST', '/channels/:channelId/messages', ({ params, body, checkBody }) => {
    const channel = state.channels.get(params.channelId) ?? throwError(unknownChannel());
    if (channel.recipientId && state.requireUser(channel.recipientId).dmsClosed) throw cannotMessageUser();
    const message = objectBody<MessageBody>(body);
    checkBody(validateMessageBody(message, true));
    const flags = (message.flags ?? 0) & ~MessageFlags.Ephemeral;
    return ok(state.createMessage({ channelId: params.channelId, author: state.bot, body: { ...message, flags } }).message);
  });
  router.add('GET', '/channels/:channelId/messages/:messageId', ({ params }) =>
    ok((state.channelMessage(params.channelId, params.messageId) ?? throwError(unknownMessage())).message),
  );
  router.add('PATCH', '/channels/:channelId/messages/:messageId', ({ params, body, checkBody }) => {
    const stored = state.channelMessage(params.channelId, params.messageId) ?? throwError(unknownMessage());
    if (stored.message.author.id !== state.bot.id) {
      const code = RESTJSONErrorCodes.CannotEditMessageAuthoredByAnotherUser;
      throw new ApiError(403, code, 'Cannot edit a message authored by another user');
    }
    const edit = objectBody<MessageBody>(body);
    checkBody(validateMessageBody(edit, false));
    return ok(state.editMessage(stored, edit).message);
  });
  router.add('DELETE', '/channels/:channelId/messages/:messageId', ({ params }) => {
    state.deleteMessage(state.channelMessage(params.channelId, params.messageId) ?? throwError(unknownMessage()));
    return noContent;
  });

  router.add(
    'POST',
    '/interactions/:interactionId/:token/callback',
    ({ params, query, body, checkBody }) => {
      const response = objectBody<APIInteractionResponse>(body);
      return interactions.callback(params.interactionId, params.token, response, query.get('with_response') === 'true', checkBody);
    },
    false,
  );
  router.add(
    'POST',
    '/webhooks/:applicationId/:token',
    ({ params, query, body, checkBody }) =>
      interactions.followUp(params.applicationId, params.token, objectBody<MessageBody>(body), query.get('wait') === 'true', checkBody),
    false,
  );
  router.add(
    'GET',
    '/webhooks/:applicationId/:token/messages/:messageId',
    ({ params }) => interactions.getMessage(params.applicationId, params.token, params.messageId),
    false,
  );
  router.add(
    'PATCH',
    '/webhooks/:applicationId/:token/messages/:messageId',
    ({ params, body, checkBody }) =>
      interactions.editMessage(params.applicationId, params.token, params.messageId, objectBody<MessageBody>(body), checkBody),
    false,
  );
  router.add(
    'DELETE',
    '/webhooks/:applicationId/:token/messages/:messageId',
    ({ params }) => interactions.deleteMessage(params.applicationId, params.token, params.messageId),
    false,
  );
}

function throwError(error: ApiError): never {
  throw error;
}

function objectBody<T>(body: unknown): T {
  if (typeof body !== 'object' || body === null) {
    throw new ApiError(400, RESTJSONErrorCodes.InvalidFormBodyOrContentType, 'Invalid Form Body');
  }
  return body as T;
}
