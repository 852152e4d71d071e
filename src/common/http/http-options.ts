import { NestApplicationOptions } from '@nestjs/common';

/**
 * How the bot's HTTP application is created, by main and the tests alike. Nest's own body parser is
 * off: it would read a body before any guard ran. JsonBodyInterceptor reads it after the guards.
 */
export const HTTP_OPTIONS: NestApplicationOptions = { bodyParser: false };
