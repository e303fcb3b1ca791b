/**
 * A member's own view of their cards: per program, the stamp card, how far to the next
 * reward, and their tier. Read-only, and only the first name: the screen faces the shop.
 */
import { tierAt } from '../../shared/rules/tiers';
import { useI18n } from '../i18n/i18n';
import type { ProgramRow } from '../storage/rows';
import type { MemberDetails } from '../terminal/member-reads';
import { StampCard } from '../ui/StampCard';

const firstName = (name: string | undefined) => name?.trim().split(/\s+/u)[0];

export function CustomerCard(props: {
  details: MemberDetails;
  programs: readonly ProgramRow[];
  nowMs: number;
}) {
  const { t } = useI18n();
  const { details, programs, nowMs } = props;
  const name = firstName(details.member.name);
  return (
    <section aria-labelledby="customer-hello" className="customer-card">
      <h1 id="customer-hello">{name ? t.kiosk.hello(name) : t.kiosk.helloAnonymous}</h1>
      {programs.map((program) => {
        const balance = details.balances.find((b) => b.program === program.id);
        const have = balance?.balance ?? 0;
        const next =
          [...program.rules.rewards]
            .sort((a, b) => a.cost - b.cost)
            .find((reward) => reward.cost > have) ??
          [...program.rules.rewards].sort((a, b) => b.cost - a.cost)[0];
        const tier = balance ? tierAt(balance.earnings, program.rules.tiers, nowMs) : undefined;
        return (
          <div key={program.id} className="customer-program">
            <StampCard balance={have} size={next?.cost ?? 10} programName={program.name} />
            <p className="customer-progress" data-testid={`progress-${program.id}`}>
              {have < 0
                ? t.kiosk.owes(-have)
                : next
                  ? t.kiosk.toNext(Math.max(0, next.cost - have), next.name)
                  : t.kiosk.stamps(have)}
            </p>
            {tier && <p className="tier">{t.kiosk.tier(tier)}</p>}
          </div>
        );
      })}
    </section>
  );
}
