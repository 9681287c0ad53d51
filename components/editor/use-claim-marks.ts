'use client';

/**
 * The claims of a document page: their details (from the API) and their highlights (in the
 * claims plugin). A claim that comes with a range the server stated at a version is placed
 * through the confirmed steps since and the editor's unconfirmed ones, as the server maps
 * anchors; until the editor has those steps the placement waits in a queue, retried after
 * every confirmation.
 */
import type { EditorView } from 'prosemirror-view';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Anchor } from '@/lib/claims/anchor';
import type { ClaimJSON } from '@/lib/claims/serialize';
import { claimsKey, getClaimsState } from '@/lib/editor/claims-plugin';
import { sendJson } from '../claims/api';
import type { ClaimEvent, CollabConnection } from './collab-connection';

export function anchorOf(c: ClaimJSON): Anchor {
  return { from: c.from, to: c.to, orphaned: c.orphaned, quote: c.quote };
}

export function useClaimMarks(options: {
  documentId: string;
  initialClaims: ClaimJSON[];
  viewRef: RefObject<EditorView | null>;
  connectionRef: RefObject<CollabConnection | null>;
  onRemoved: (id: string) => void;
}) {
  const { documentId, viewRef, connectionRef, onRemoved } = options;
  const [claims, setClaims] = useState(() => new Map(options.initialClaims.map((c) => [c.id, c])));
  const pending = useRef(new Map<string, { claim: ClaimJSON; version: number }>());
  const refetchRef = useRef<(id: string) => void>(() => {});

  /** Shows a claim's fields; with `at`, also moves its highlight to the range the server stated at that version. */
  const upsertClaim = useCallback(
    (claim: ClaimJSON, at?: { version: number }) => {
      setClaims((prev) => new Map(prev).set(claim.id, claim));
      const v = viewRef.current;
      const connection = connectionRef.current;
      if (!v || !connection) return;
      const existing = getClaimsState(v.state).claims.get(claim.id);
      if (!at) {
        if (existing) v.dispatch(v.state.tr.setMeta(claimsKey, { type: 'upsert', claim: { ...existing, verdict: claim.verdict } }));
        return;
      }
      const placed = connection.history.placeAnchor(anchorOf(claim), at.version, v.state);
      if (!placed) {
        if (at.version > connection.history.confirmedVersion) pending.current.set(claim.id, { claim, version: at.version });
        // Older than the steps this editor keeps: ask the server where the claim is now.
        else refetchRef.current(claim.id);
        return;
      }
      pending.current.delete(claim.id);
      // The server states no trail (what undo may bring back): where it agrees with this
      // editor, keep this editor's, so an undo here restores the claim as the server will.
      const same = existing && existing.confirmed.from === placed.confirmed.from && existing.confirmed.to === placed.confirmed.to && existing.confirmed.orphaned === placed.confirmed.orphaned;
      v.dispatch(v.state.tr.setMeta(claimsKey, { type: 'upsert', claim: { id: claim.id, verdict: claim.verdict, ...(same ? { confirmed: existing.confirmed, anchor: existing.anchor } : placed) } }));
    },
    [viewRef, connectionRef],
  );

  /** Places the claims that were waiting for steps the editor now has. */
  const retryPending = useCallback(() => {
    const connection = connectionRef.current;
    if (!connection) return;
    for (const { claim, version } of [...pending.current.values()]) {
      if (version <= connection.history.confirmedVersion) upsertClaim(claim, { version });
    }
  }, [connectionRef, upsertClaim]);

  useEffect(() => {
    refetchRef.current = (id: string) => {
      void sendJson<{ version: number; claims: ClaimJSON[] }>('GET', `/api/documents/${documentId}/claims`)
        .then((body) => {
          const claim = body.claims.find((c) => c.id === id);
          if (claim) pending.current.set(id, { claim, version: body.version });
          retryPending();
        })
        .catch(() => undefined);
    };
  }, [documentId, retryPending]);

  const removeClaim = useCallback(
    (id: string) => {
      setClaims((prev) => {
        const next = new Map(prev);
        next.delete(id);
        return next;
      });
      pending.current.delete(id);
      onRemoved(id);
      const v = viewRef.current;
      v?.dispatch(v.state.tr.setMeta(claimsKey, { type: 'remove', id }));
    },
    [viewRef, onRemoved],
  );

  /** Claims created, changed or deleted by other people. */
  const onClaimEvent = useCallback(
    (event: ClaimEvent) => {
      if (event.type === 'claim-deleted') return removeClaim(event.id);
      const v = viewRef.current;
      if (!v) return;
      const known = getClaimsState(v.state).claims.has(event.claim.id);
      upsertClaim(event.claim, known && !event.moved ? undefined : { version: event.version });
    },
    [viewRef, removeClaim, upsertClaim],
  );

  return { claims, upsertClaim, removeClaim, retryPending, onClaimEvent };
}
