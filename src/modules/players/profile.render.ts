import { APIEmbed, EmbedBuilder, time, TimestampStyles } from 'discord.js';
import { ProfileSummary, Record3 } from './domain/profile-summary';

export interface ProfileLabels {
  raceName(code: string): string;
  country(code: string): { name: string; flag?: string } | undefined;
  regionName(code: string): string | undefined;
}

const wld = (record: Record3) => `${record.wins}-${record.losses}-${record.draws}`;

export function renderProfile(summary: ProfileSummary, labels: ProfileLabels): APIEmbed {
  const country = summary.country ? labels.country(summary.country) : undefined;
  const region = summary.region ? labels.regionName(summary.region) : undefined;
  const overall = summary.overall.winRate === null ? 'No games yet' : `${wld(summary.overall)} (W-L-D), ${Math.round(summary.overall.winRate * 100)}% won`;
  const races = summary.races.map(
    (line) =>
      `**${labels.raceName(line.race)}** ${line.rating} · ${line.rank ? `rank ${line.rank.letter} (#${line.rank.position} of ${line.rank.of})` : 'unranked'} · ${wld(line.record)}${line.lastPlayedAt ? ` · last played ${time(line.lastPlayedAt, TimestampStyles.RelativeTime)}` : ''}\n` +
      line.periods.map((period) => `${period.days} days: ${period.games} (${wld(period.record)})`).join(' · '),
  );
  const status = [
    summary.termsVersion ? `Terms accepted (version ${summary.termsVersion})` : 'Terms not accepted',
    summary.setupCompletedAt ? `Set up ${time(summary.setupCompletedAt, TimestampStyles.ShortDate)}` : 'Setup not completed',
    `Aborts left this month: ${summary.abortsLeft} of ${summary.abortsPerMonth}`,
  ];
  return new EmbedBuilder()
    .setTitle(`${country?.flag ? `${country.flag} ` : ''}${summary.name}`)
    .setDescription(`Discord: ${summary.discordUsername}`)
    .addFields(
      { name: 'BattleTag', value: summary.battletag ?? '—', inline: true },
      { name: 'Alts', value: summary.alts.join(', ') || '—', inline: true },
      { name: 'Country', value: country ? `${country.flag ?? ''} ${country.name}`.trim() : '—', inline: true },
      { name: 'Region', value: region ?? '—', inline: true },
      { name: 'Overall', value: overall },
      { name: 'Ratings by race', value: races.join('\n') || 'No rated games yet' },
      { name: 'Account', value: status.join('\n') },
    )
    .toJSON();
}
