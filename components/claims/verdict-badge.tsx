import type { Verdict } from '@/db/enums';
import { OPEN_CLAIM_COLOR, verdictLabel, verdictSpec } from '@/lib/claims/verdicts';

/** A claim's verdict as a coloured badge ("No verdict yet" while open). */
export function VerdictBadge({ verdict }: { verdict: Verdict | null }) {
  const color = verdict ? verdictSpec(verdict).color : OPEN_CLAIM_COLOR;
  return (
    <span className="verdict-badge" style={{ ['--verdict' as string]: color }}>
      {verdictLabel(verdict)}
    </span>
  );
}
