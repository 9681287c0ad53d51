'use client';

import { useTranslations } from 'next-intl';
import type { LinkState, SaveState } from './collab-connection';

/**
 * Tells the user whether their edits are stored and whether the live connection is up. The
 * line stays one short line (the full sentence is its tooltip), so that going offline never
 * moves the article down.
 */
export function SaveIndicator({ state, link }: { state: SaveState; link: LinkState }) {
  const t = useTranslations('editor');
  const unsent = state.kind === 'saving' || state.kind === 'offline' ? state.unsent : 0;
  let kind: string = state.kind;
  let text: string;
  if (state.kind === 'error') text = state.message;
  else if (link === 'offline' || state.kind === 'offline') {
    kind = 'offline';
    text = unsent ? t('offlineUnsent', { count: unsent }) : t('offline');
  } else if (link === 'reconnecting') {
    kind = 'offline';
    text = unsent ? t('reconnectingUnsent', { count: unsent }) : t('reconnecting');
  } else text = state.kind === 'saving' ? t('saving') : link === 'connecting' ? t('connecting') : t('saved');
  return (
    <p className={`save-indicator save-${kind}`} role="status" aria-live="polite" data-testid="save-state" data-link={link} title={text}>
      <span className="dot" aria-hidden="true" />
      <span className="save-text">{text}</span>
    </p>
  );
}
