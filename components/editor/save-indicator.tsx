'use client';

import type { SaveState } from './collab-connection';

/** Tells the user whether their edits are stored. */
export function SaveIndicator({ state }: { state: SaveState }) {
  const text =
    state.kind === 'saved'
      ? 'All changes saved'
      : state.kind === 'saving'
        ? 'Saving…'
        : state.kind === 'offline'
          ? `Offline — ${state.unsent} unsent ${state.unsent === 1 ? 'change' : 'changes'}, retrying`
          : state.message;
  return (
    <p className={`save-indicator save-${state.kind}`} role="status" aria-live="polite" data-testid="save-state">
      <span className="dot" aria-hidden="true" />
      {text}
    </p>
  );
}
