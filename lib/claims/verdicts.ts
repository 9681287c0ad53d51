/**
 * The verdict scale: keys, labels, colours and schema.org ClaimReview rating numbers.
 * One module, so that a workspace can later bring its own scale.
 */
import type { ClaimStatus, Verdict } from '@/db/enums';

/** One step of a verdict scale. */
export interface VerdictSpec {
  key: Verdict;
  label: string;
  /** ClaimReview ratingValue (1 = worst … 5 = best); null when the verdict has no rating. */
  rating: number | null;
  /** Highlight colour (also used for badges). */
  color: string;
}

/** The default scale, in the order reviewers pick from. */
export const DEFAULT_VERDICT_SCALE: readonly VerdictSpec[] = [
  { key: 'true', label: 'True', rating: 5, color: '#2a9d8f' },
  { key: 'mostly_true', label: 'Mostly true', rating: 4, color: '#6bb38a' },
  { key: 'half_true', label: 'Half true', rating: 3, color: '#e9c46a' },
  { key: 'mostly_false', label: 'Mostly false', rating: 2, color: '#f4a261' },
  { key: 'false', label: 'False', rating: 1, color: '#e76f51' },
  { key: 'misleading', label: 'Misleading', rating: 2, color: '#d1495b' },
  { key: 'needs_context', label: 'Needs context', rating: 3, color: '#8e7dbe' },
  { key: 'unverifiable', label: 'Unverifiable', rating: null, color: '#8d99ae' },
  { key: 'not_a_claim', label: 'Not a factual claim', rating: null, color: '#adb5bd' },
];

/** How claim statuses read in the interface. */
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  proposed: 'Proposed',
  approved: 'Approved',
  dismissed: 'Dismissed',
};

/** The best and worst ratings of the scale (ClaimReview bestRating / worstRating). */
export const RATING_BOUNDS = { best: 5, worst: 1 } as const;

/** Colour of a claim that has no verdict yet. */
export const OPEN_CLAIM_COLOR = '#f2b84b';

const BY_KEY = new Map(DEFAULT_VERDICT_SCALE.map((v) => [v.key, v]));

/** The spec of a verdict key. */
export function verdictSpec(key: Verdict): VerdictSpec {
  return BY_KEY.get(key)!;
}

/** The label of a verdict, or "No verdict yet". */
export function verdictLabel(key: Verdict | null | undefined): string {
  return key ? verdictSpec(key).label : 'No verdict yet';
}
