'use client';

import type { LinkState, SaveState } from './collab-connection';

/** Tells the user whether their edits are stored and whether the live connection is up. */
export function SaveIndicator({ state, link }: { state: SaveState; link: LinkState }) {
  const unsent = state.kind === 'saving' || state.kind === 'offline' ? state.unsent : 0;
  const changes = `${unsent} unsent ${unsent === 1 ? 'change' : 'changes'}`;
  let kind: string = state.kind;
  let text: string;
  if (state.kind === 'error') text = state.message;
  else if (link === 'offline' || state.kind === 'offline') {
    kind = 'offline';
    text = unsent ? `Offline — ${changes}, kept here and sent when the connection is back` : 'Offline — reconnecting';
  } else if (link === 'reconnecting') {
    kind = 'offline';
    text = unsent ? `Reconnecting… ${changes}` : 'Reconnecting…';
  } else text = state.kind === 'saving' ? 'Saving…' : link === 'connecting' ? 'Connecting…' : 'All changes saved';
  return (
    <p className={`save-indicator save-${kind}`} role="status" aria-live="polite" data-testid="save-state" data-link={link}>
      <span className="dot" aria-hidden="true" />
      {text}
    </p>
  );
}
