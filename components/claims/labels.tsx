'use client';

/**
 * Verdict and status names in the reader's language. A workspace may rename verdicts per
 * language (Members → Verdict names); the page that knows the workspace provides its names.
 */
import { useTranslations } from 'next-intl';
import { createContext, useCallback, useContext } from 'react';
import type { ClaimStatus, Verdict } from '@/db/enums';

/** The workspace's own verdict names in the current language (verdict → name). */
export const VerdictNamesContext = createContext<Partial<Record<Verdict, string>>>({});

export function VerdictNamesProvider({ names, children }: { names: Partial<Record<Verdict, string>>; children: React.ReactNode }) {
  return <VerdictNamesContext.Provider value={names}>{children}</VerdictNamesContext.Provider>;
}

/** (verdict or null) → its name ("No verdict yet" for null). */
export function useVerdictLabel() {
  const t = useTranslations('verdicts');
  const names = useContext(VerdictNamesContext);
  return useCallback((v: Verdict | null | undefined) => (v ? (names[v] ?? t(v)) : t('none')), [names, t]);
}

/** A claim status's name. */
export function useClaimStatusLabel() {
  const t = useTranslations('claimStatus');
  return useCallback((s: ClaimStatus) => t(s), [t]);
}
