import { CacheModule } from '@nestjs/cache-manager';
import { Module } from '@nestjs/common';
import { PLAYER_STATUS } from '../../common/player-status/player-status';
import { TERMS_PROMPT } from '../../common/player-status/terms-prompt';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { StaticDataModule } from '../static-data/static-data.module';
import { CountryAutocomplete, CountryCommands } from './country.commands';
import { CountryComponents } from './country.components';
import { CountryService } from './country.service';
import { PlayerDirectory } from './player-directory';
import { PlayerUpdates } from './player-updates';
import { PlayersRepository } from './players.repository';
import { HistoryCommands } from './history.commands';
import { HistoryComponents } from './history.components';
import { ProfileCommands } from './profile.commands';
import { ProfileViews } from './profile-views';
import { SetupCommands } from './setup.commands';
import { SetupComponents } from './setup.components';
import { SetupService } from './setup.service';
import { TermsCommands } from './terms.commands';
import { TermsComponents } from './terms.components';
import { TermsPrompt } from './terms-prompt';
import { TermsService } from './terms.service';

@Module({
  imports: [
    StaticDataModule,
    CacheModule.registerAsync({ inject: [APP_CONFIG], useFactory: (config: AppConfig) => ({ ttl: config.viewCacheSeconds * 1000 }) }),
  ],
  providers: [
    PlayersRepository,
    PlayerDirectory,
    { provide: PLAYER_STATUS, useExisting: PlayerDirectory },
    ProfileViews,
    PlayerUpdates,
    TermsService,
    { provide: TERMS_PROMPT, useClass: TermsPrompt },
    SetupService,
    CountryService,
    CountryAutocomplete,
    TermsCommands,
    TermsComponents,
    SetupCommands,
    SetupComponents,
    CountryCommands,
    CountryComponents,
    ProfileCommands,
    HistoryCommands,
    HistoryComponents,
  ],
  exports: [PlayerDirectory, PlayerUpdates, ProfileViews, PLAYER_STATUS, TERMS_PROMPT],
})
export class PlayersModule {}
