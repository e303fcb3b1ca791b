/**
 * Campaigns multiply the stamps of a purchase inside a time window, e.g. double stamps
 * from 14 to 16 h on weekdays. Hours and weekdays are store-local.
 */
import { localTime } from './local-time';
import { programDefaults, type Campaign, type ProgramRules } from './program-schema';

export function campaignIsActive(campaign: Campaign, nowMs: number, timeZone: string): boolean {
  if (campaign.startsAt !== undefined && nowMs < Date.parse(campaign.startsAt)) return false;
  if (campaign.endsAt !== undefined && nowMs >= Date.parse(campaign.endsAt)) return false;
  if (campaign.weekdays === undefined && campaign.fromHour === undefined) return true;
  const local = localTime(nowMs, timeZone);
  if (campaign.weekdays !== undefined && !campaign.weekdays.includes(local.weekday)) return false;
  if (campaign.fromHour !== undefined && campaign.toHour !== undefined) {
    return local.hour >= campaign.fromHour && local.hour < campaign.toHour;
  }
  return true;
}

/** The best active campaign at `nowMs`, if any: campaigns do not stack. */
export function activeCampaign(rules: ProgramRules, nowMs: number): Campaign | undefined {
  const timeZone = rules.timeZone ?? programDefaults.timeZone;
  let best: Campaign | undefined;
  for (const campaign of rules.campaigns ?? []) {
    if (
      campaignIsActive(campaign, nowMs, timeZone) &&
      campaign.multiplier > (best?.multiplier ?? 1)
    ) {
      best = campaign;
    }
  }
  return best;
}
