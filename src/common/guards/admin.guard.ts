import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { InjectConfig } from '../../config/inject-config.decorator';
import { InteractionRefusal } from '../errors/interaction-refusal';
import { interactionOf } from './interaction-of';

@Injectable()
export class AdminGuard implements CanActivate {
  constructor(@InjectConfig() private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const interaction = interactionOf(context);
    if (interaction && this.config.admin.discordIds.includes(interaction.user.id)) return true;
    throw new InteractionRefusal('Admins only', 'This is for the ladder admins.');
  }
}
