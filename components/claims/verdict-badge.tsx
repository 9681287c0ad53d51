'use client';

import type { Verdict } from '@/db/enums';
import { OPEN_CLAIM_COLOR, verdictSpec } from '@/lib/claims/verdicts';
import { useVerdictLabel } from './labels';

/** A claim's verdict as a coloured badge ("No verdict yet" while open). */
export function VerdictBadge({ verdict }: { verdict: Verdict | null }) {
  const label = useVerdictLabel();
  const color = verdict ? verdictSpec(verdict).color : OPEN_CLAIM_COLOR;
  return (
    <span className="verdict-badge" style={{ ['--verdict' as string]: color }}>
      {label(verdict)}
    </span>
  );
}
