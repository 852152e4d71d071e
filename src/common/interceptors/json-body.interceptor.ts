import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  HttpException,
  Injectable,
  Logger,
  NestInterceptor,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { Request } from 'express';
import { from, Observable, switchMap } from 'rxjs';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';

/**
 * Reads a JSON request body into `request.body`, after the guards have run (Nest's own parser is off:
 * see HTTP_OPTIONS), so an unauthorised request never has its body read. An oversized, malformed or
 * non-JSON body is refused with 413 / 400 / 415 and one warning line, no stack trace.
 */
@Injectable()
export class JsonBodyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('HttpRequests');
  private readonly limit: number;

  constructor(@InjectConfig() config: AppConfig) {
    this.limit = config.http.bodyLimitBytes;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    return from(this.read(request)).pipe(switchMap(() => next.handle()));
  }

  private async read(request: Request): Promise<void> {
    try {
      request.body = await this.parse(request);
    } catch (error) {
      if (error instanceof HttpException) this.logger.warn(`Refused ${request.method} ${request.path}: ${error.message}`);
      throw error;
    }
  }

  private async parse(request: Request): Promise<unknown> {
    if (request.readableEnded) return request.body as unknown;
    const declared = request.headers['content-length'];
    if (declared === undefined && request.headers['transfer-encoding'] === undefined) return undefined;
    if (Number(declared) > this.limit) {
      request.resume();
      throw new PayloadTooLargeException(`The body (${declared} bytes) is over the ${this.limit}-byte limit`);
    }
    const text = await this.text(request);
    if (text.length === 0) return undefined;
    if (!request.is('application/json')) throw new UnsupportedMediaTypeException('The body must be JSON, sent as Content-Type: application/json');
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new BadRequestException(`The body is not valid JSON: ${(error as Error).message}`);
    }
  }

  /** The body as text, stopping at the limit; the rest is read and dropped so the answer still reaches the client. */
  private text(request: Request): Promise<string> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size <= this.limit) return void chunks.push(chunk);
        request.off('data', onData).off('end', onEnd).resume();
        reject(new PayloadTooLargeException(`The body is over the ${this.limit}-byte limit`));
      };
      const onEnd = () => resolve(Buffer.concat(chunks).toString('utf8'));
      request.on('data', onData).on('end', onEnd).on('error', reject);
    });
  }
}
