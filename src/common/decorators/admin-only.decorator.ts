import { applyDecorators, UseGuards } from '@nestjs/common';
import { AdminGuard } from '../guards/admin.guard';

/** Only the ladder admins (ADMIN_DISCORD_IDS) may use this command or component. */
export const AdminOnly = () => applyDecorators(UseGuards(AdminGuard));
