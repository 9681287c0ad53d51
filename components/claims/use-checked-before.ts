'use client';

/** Which claims of the open document the desk checked before elsewhere (for the "checked before" marker), asked again a moment after the claims change. */
import { useEffect, useState } from 'react';
import type { ClaimJSON } from '@/lib/claims/serialize';
import { sendJson } from './api';

export function useCheckedBefore(documentId: string, claims: Map<string, ClaimJSON>): Set<string> {
  const [ids, setIds] = useState<Set<string>>(new Set());
  // What matters is the claims' statements, not their positions.
  const key = [...claims.values()].map((c) => `${c.id}:${c.statement}`).join('|');
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      sendJson<{ claims: Record<string, number> }>('GET', `/api/documents/${documentId}/checked-before`)
        .then((body) => live && setIds(new Set(Object.keys(body.claims))))
        .catch(() => undefined);
    }, 1200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [documentId, key]);
  return ids;
}
