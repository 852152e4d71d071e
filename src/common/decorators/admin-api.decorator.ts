import { applyDecorators, Controller, UseGuards, UseInterceptors } from '@nestjs/common';
import { AdminTokenGuard } from '../guards/admin-token.guard';
import { JsonBodyInterceptor } from '../interceptors/json-body.interceptor';

/** A controller of the admin HTTP API under /admin: the token is checked first, and only then a body read. */
export function AdminApi(): ClassDecorator {
  return applyDecorators(Controller('admin'), UseGuards(AdminTokenGuard), UseInterceptors(JsonBodyInterceptor));
}
