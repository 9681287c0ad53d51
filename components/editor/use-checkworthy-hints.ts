'use client';

/**
 * The check-worthiness hints of the open document, computed in the browser from the editor's
 * own text (so they sit on the right words while people type) with the same model and
 * function as GET /api/documents/:id/checkworthy, a moment after the text or the claims
 * change. Sentences a claim covers and hints dismissed for the document (kept on the server,
 * shared by the desk) are left out.
 */
import { useTranslations } from 'next-intl';
import type { EditorState, Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Weights } from '@/lib/checkworthy/model';
import { checkworthySentences, sentenceKey, type CheckworthySentence } from '@/lib/checkworthy/sentences';
import weights from '@/lib/checkworthy/weights.json';
import { claimsKey, getClaimsState } from '@/lib/editor/claims-plugin';
import { checkworthyKey } from '@/lib/editor/checkworthy-plugin';
import { sendJson } from '../claims/api';

const SETTLE_MS = 700;

export interface CheckworthyHint extends CheckworthySentence {
  key: string;
}

export function useCheckworthyHints(opts: { documentId: string; language: string; view: EditorView | null; enabled: boolean }) {
  const { documentId, language, view, enabled } = opts;
  const t = useTranslations('checkworthy');
  const [hints, setHints] = useState<CheckworthyHint[]>([]);
  const [dismissed, setDismissed] = useState<Set<string> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // The desk's dismissals for this document.
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    sendJson<{ dismissed: string[] }>('GET', `/api/documents/${documentId}/checkworthy`)
      .then((body) => live && setDismissed(new Set(body.dismissed)))
      .catch(() => live && setDismissed(new Set()));
    return () => {
      live = false;
    };
  }, [documentId, enabled]);

  const compute = useCallback(
    (state: EditorState) => {
      if (!view || !dismissed || !enabled) return;
      const claimed = [...getClaimsState(state).claims.values()].filter((c) => !c.anchor.orphaned).map((c) => c.anchor);
      const found = checkworthySentences(state.doc, language, weights as unknown as Weights, { claimed, dismissed }).map((s) => ({ ...s, key: sentenceKey(s.text) }));
      setHints(found);
      const label = (h: CheckworthyHint) => `${t('likely')}: ${h.reasons.map((r) => t(`reason.${r}`)).join(', ')}`;
      view.dispatch(view.state.tr.setMeta(checkworthyKey, found.map((h) => ({ from: h.from, to: h.to, key: h.key, label: label(h) }))).setMeta('addToHistory', false));
    },
    [view, dismissed, language, t, enabled],
  );

  // Once ready, and again a moment after each change of the text or the claims.
  useEffect(() => {
    if (!enabled || !view || !dismissed) {
      if (view && !enabled) view.dispatch(view.state.tr.setMeta(checkworthyKey, []).setMeta('addToHistory', false));
      return;
    }
    const id = setTimeout(() => compute(view.state), 0);
    return () => clearTimeout(id);
  }, [enabled, view, dismissed, compute]);
  const onTransaction = useCallback(
    (v: EditorView, tr: Transaction) => {
      if (!enabled || tr.getMeta(checkworthyKey)) return;
      if (!tr.docChanged && !tr.getMeta(claimsKey)) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => compute(v.state), SETTLE_MS);
    },
    [enabled, compute],
  );
  useEffect(() => {
    if (!enabled && timer.current) clearTimeout(timer.current);
  }, [enabled]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const dismiss = useCallback(
    async (hint: CheckworthyHint) => {
      await sendJson('POST', `/api/documents/${documentId}/checkworthy/dismissals`, { key: hint.key });
      setDismissed((d) => new Set(d).add(hint.key));
    },
    [documentId],
  );

  return { hints, dismiss, onTransaction };
}
