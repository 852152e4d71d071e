import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { badParameter } from './bad-parameter';

/** A Discord id (a snowflake: 17 to 20 digits) from a route or query parameter. */
@Injectable()
export class DiscordIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown, metadata: ArgumentMetadata): string {
    if (typeof value !== 'string' || !/^\d{17,20}$/.test(value)) throw badParameter(metadata.data, 'a Discord id (17 to 20 digits)');
    return value;
  }
}
