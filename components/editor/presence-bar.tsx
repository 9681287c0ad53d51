'use client';

import type { PresenceEntry } from '@/lib/collab/hub';
import { useTranslations } from 'next-intl';
import { initials } from '@/lib/format';

/** The other people in the document: initials in their colour, name on hover. */
export function PresenceBar({ people }: { people: PresenceEntry[] }) {
  // One avatar per person, even with several tabs open.
  const t = useTranslations('editor');
  const byUser = new Map(people.map((p) => [p.userId, p]));
  if (byUser.size === 0) return null;
  return (
    <ul className="presence-bar" aria-label={t('people')}>
      {[...byUser.values()].map((p) => (
        <li key={p.userId} className="avatar presence" style={{ background: p.color }} title={p.name} aria-label={p.name}>
          {initials(p.name)}
        </li>
      ))}
    </ul>
  );
}
