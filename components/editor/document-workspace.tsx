'use client';

/**
 * The document page's editor and claims sidebar, put together from hooks with one job
 * each: the collaborative editor (use-collab-editor.ts), the claims and their highlights
 * (use-claim-marks.ts), keyboard navigation between claims (use-claim-navigation.ts). This
 * component keeps which claim is selected, the cards, the floating Add claim button and
 * the actions on claims (add, undo add, re-attach).
 */
import { useCheckedBefore } from '../claims/use-checked-before';
import { hintRange } from '@/lib/editor/checkworthy-plugin';
import { useCheckworthyHints, type CheckworthyHint } from './use-checkworthy-hints';
import { useTranslations } from 'next-intl';
import { getVersion } from 'prosemirror-collab';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentStatus, Role } from '@/db/enums';
import { COMMENTS_CHANGED_EVENT, ReviewContext, type Member } from '../review/review-context';
import { SignoffPanel, type SignoffJSON } from '../review/signoff-panel';
import type { CommentJSON } from '@/lib/comments/commands';
import { countComments, type CommentCount } from '@/lib/comments/counts';
import type { ClaimJSON } from '@/lib/claims/serialize';
import { textOf } from '@/lib/claims/anchor';
import { claimAt, claimsConfirmKey, claimsKey, getClaimsState, initialClaimMark, type ClaimMark } from '@/lib/editor/claims-plugin';
import { shortcutLabel } from '@/lib/editor/commands';
import { schema } from '@/lib/editor/schema';
import { ApiError, sendJson } from '../claims/api';
import { ClaimCard } from '../claims/claim-card';
import { ClaimSidebar, type ClaimListItem } from '../claims/claim-sidebar';
import type { ClaimEvent } from './collab-connection';
import { PresenceBar } from './presence-bar';
import { EditorToolbar } from './editor-toolbar';
import { SaveIndicator } from './save-indicator';
import { anchorOf, useClaimMarks } from './use-claim-marks';
import { useClaimNavigation } from './use-claim-navigation';
import { useCollabEditor, type EditorMode } from './use-collab-editor';
import { MODE_SHORTCUTS, ModeSwitch } from './mode-switch';
import { SuggestionPanel } from '../suggestions/suggestion-panel';
import { collectSuggestions, type DocSuggestion } from '@/lib/suggestions/model';

export type { Member } from '../review/review-context';

interface Props {
  documentId: string;
  doc: unknown;
  version: number;
  language: string;
  title: string;
  canEditText: boolean;
  canEditClaims: boolean;
  /** Shown instead of the toolbar when the text cannot be edited. */
  readOnlyReason: string;
  initialClaims: ClaimJSON[];
  members: Member[];
  currentUserId: string;
  role: Role;
  documentStatus: DocumentStatus;
  revision: number;
  signoffs: SignoffJSON[];
  /** A claim to open when the page loads (links from "My claims"). */
  initialClaimId?: string | null;
  /** Comments per claim: all, and threads still open. */
  initialCommentCounts: Record<string, CommentCount>;
  /** The workspace's settings for suggested corrections. */
  reviewersSuggestOnly: boolean;
  suggestionsFourEyes: boolean;
}

export const ADD_CLAIM_SHORTCUT = 'Mod-Shift-m';


/** A claim loaded with the page: its range is in the document the page was loaded with. */
function toMark(c: ClaimJSON): ClaimMark {
  return initialClaimMark({ id: c.id, verdict: c.verdict, anchor: anchorOf(c) });
}

/** Sidebar rows (live text and position of every claim), recomputed when the text settles. */
function listItems(state: EditorState): ClaimListItem[] {
  const items: ClaimListItem[] = [];
  for (const mark of getClaimsState(state).claims.values()) {
    const { from, to, orphaned, quote } = mark.anchor;
    items.push({ id: mark.id, from, to, orphaned, text: orphaned ? quote.exact : textOf(state.doc, from, to) });
  }
  return items.sort((a, b) => a.from - b.from || b.to - a.to);
}

export function DocumentWorkspace(props: Props) {
  const t = useTranslations('editor');
  const { documentId, canEditClaims, members, currentUserId, role, documentStatus } = props;
  const router = useRouter();
  const review = useMemo(() => ({ documentId, documentStatus, role, currentUserId, members }), [documentId, documentStatus, role, currentUserId, members]);
  const shellRef = useRef<HTMLDivElement>(null);
  const [, setTick] = useState(0);
  const [commentCounts, setCommentCounts] = useState(() => new Map(Object.entries(props.initialCommentCounts)));
  // Until the editor's first transaction, the sidebar lists the claims as loaded (their quotes are the text).
  const [items, setItems] = useState<ClaimListItem[]>(() =>
    props.initialClaims
      .map((c) => ({ id: c.id, from: c.from, to: c.to, orphaned: c.orphaned, text: c.quote.exact }))
      .sort((a, b) => a.from - b.from || b.to - a.to),
  );
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [hover, setHover] = useState<{ id: string; rect: DOMRect } | null>(null);
  // The claim under the caret when the keyboard moves into a highlight (not while typing).
  const [caretCard, setCaretCard] = useState<{ id: string; rect: DOMRect } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Where the floating "Add claim" button goes: just below the end of a non-empty selection.
  const [selectionEnd, setSelectionEnd] = useState<{ top: number; left: number } | null>(null);
  // The claim just added, while nothing else happened in the text: Ctrl+Z removes it.
  const lastAddedRef = useRef<{ id: string; doc: unknown } | null>(null);
  const settleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [initialMarks] = useState(() => props.initialClaims.map(toMark));
  // Editing, Suggesting or Viewing: reviewers who may only suggest start (and stay) in Suggesting.
  const allowedModes: EditorMode[] = !props.canEditText ? ['viewing'] : role === 'reviewer' && props.reviewersSuggestOnly ? ['suggesting', 'viewing'] : ['editing', 'suggesting', 'viewing'];
  // Until the user picks one, the mode follows what is allowed now: a document reopened while
  // open here becomes editable again (it was Viewing only while signed off).
  const [chosenMode, setMode] = useState<EditorMode | null>(null);
  const mode = chosenMode && allowedModes.includes(chosenMode) ? chosenMode : allowedModes[0]!;
  const switchMode = (m: EditorMode) => (allowedModes.includes(m) ? (setMode(m), true) : false);
  const [suggestionTick, setSuggestionTick] = useState(0);
  const [suggestions, setSuggestions] = useState<DocSuggestion[]>(() => collectSuggestions(schema.nodeFromJSON(props.doc)));

  const refreshCommentCount = useCallback(async (claimId: string) => {
    const body = await sendJson<{ comments: CommentJSON[] }>('GET', `/api/claims/${claimId}/comments`).catch(() => null);
    if (body) setCommentCounts((prev) => new Map(prev).set(claimId, countComments(body.comments)));
  }, []);

  // The editor and its connection; the claim handlers below reach them through refs.
  const handlers = useRef<{
    onTransaction: (view: EditorView, tr: Transaction) => void;
    onClaimEvent: (event: ClaimEvent) => void;
    addClaim: () => void;
    undoAddClaim: () => boolean;
    switchMode: (mode: EditorMode) => boolean;
  }>({ onTransaction: () => {}, onClaimEvent: () => {}, addClaim: () => {}, undoAddClaim: () => false, switchMode: () => false });
  const editor = useCollabEditor({
    documentId,
    doc: props.doc,
    version: props.version,
    language: props.language,
    title: props.title,
    initialMarks,
    canEditText: props.canEditText,
    mode,
    userId: currentUserId,
    keys: {
      [ADD_CLAIM_SHORTCUT]: () => (handlers.current.addClaim(), true),
      'Mod-z': () => handlers.current.undoAddClaim(),
      [MODE_SHORTCUTS.editing]: () => handlers.current.switchMode('editing'),
      [MODE_SHORTCUTS.suggesting]: () => handlers.current.switchMode('suggesting'),
      [MODE_SHORTCUTS.viewing]: () => handlers.current.switchMode('viewing'),
    },
    onTransaction: (view, tr) => handlers.current.onTransaction(view, tr),
    onClaimEvent: (event) => handlers.current.onClaimEvent(event),
    // Another reviewer submitted, signed off or reopened: fetch the page's new state.
    onDocumentEvent: () => router.refresh(),
    // A suggestion's note or thread changed (here or in another browser): its card fetches it again.
    onSuggestionEvent: () => setSuggestionTick((n) => n + 1),
    onBlockChangeRefused: () => setNotice(t('blockChangeNotSuggestable')),
    onCommentsEvent: (claimId) => {
      window.dispatchEvent(new CustomEvent(COMMENTS_CHANGED_EVENT, { detail: claimId }));
      void refreshCommentCount(claimId);
    },
  });
  const { view, viewRef, connectionRef, mountRef, people, saveState, linkState } = editor;

  const onRemoved = useCallback((id: string) => setSelectedId((s) => (s === id ? null : s)), []);
  const { claims, upsertClaim, removeClaim, retryPending, onClaimEvent } = useClaimMarks({ documentId, initialClaims: props.initialClaims, viewRef, connectionRef, onRemoved });

  const checkworthy = useCheckworthyHints({ documentId, language: props.language, view, enabled: canEditClaims });
  const hintsOnTransaction = checkworthy.onTransaction;
  const checkedBefore = useCheckedBefore(documentId, claims);
  const [focusHint, setFocusHint] = useState<{ key: string; at: number } | null>(null);

  // What the page follows on every transaction: the sidebar, the caret's card, the floating button, the hints.
  const onTransaction = useCallback(
    (v: EditorView, tr: Transaction) => {
      hintsOnTransaction(v, tr);
      if (tr.docChanged) {
        // The sidebar follows the text once typing pauses, not on every keystroke.
        if (settleTimer.current) clearTimeout(settleTimer.current);
        settleTimer.current = setTimeout(() => {
          setItems(listItems(v.state));
          setSuggestions(collectSuggestions(v.state.doc));
        }, 150);
      }
      if (tr.getMeta(claimsKey)) setItems(listItems(v.state));
      // Claim events that refer to steps this editor had not received yet can be placed now.
      if (tr.getMeta(claimsConfirmKey)) retryPending();
      const sel = v.state.selection;
      if (tr.docChanged || !sel.empty) setCaretCard(null);
      else if (tr.selectionSet) {
        const under = claimAt(v.state, sel.head);
        const rect = under ? rectOfClaim(v, under.id) : null;
        setCaretCard(under && rect ? { id: under.id, rect } : null);
      }
      if (sel.empty || !shellRef.current) setSelectionEnd(null);
      else {
        const shell = shellRef.current.getBoundingClientRect();
        const end = v.coordsAtPos(sel.to);
        setSelectionEnd({ top: end.bottom - shell.top + 6, left: Math.min(end.left - shell.left, shell.width - 140) });
      }
      setTick((t) => t + 1);
    },
    [retryPending, hintsOnTransaction],
  );
  useEffect(
    () => () => {
      if (settleTimer.current) clearTimeout(settleTimer.current);
    },
    [],
  );

  const selectClaim = useCallback(
    (id: string | null, opts: { scrollText?: boolean } = {}) => {
      setSelectedId(id);
      const v = viewRef.current;
      if (!v) return;
      v.dispatch(v.state.tr.setMeta(claimsKey, { type: 'activate', id }));
      if (id && opts.scrollText) {
        const el = v.dom.querySelector(`[data-claim-id="${CSS.escape(id)}"]`);
        el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      }
    },
    [viewRef],
  );

  // Open the claim named in the link once the editor is there.
  const initialClaimId = useRef(props.initialClaimId);
  useEffect(() => {
    const id = initialClaimId.current;
    if (!view || !id) return;
    initialClaimId.current = null;
    if (getClaimsState(view.state).claims.has(id)) selectClaim(id, { scrollText: true });
  }, [view, selectClaim]);

  /** The current selection as a range of the confirmed document, after unsent edits are saved. */
  const confirmedSelection = useCallback(async () => {
    const v = viewRef.current;
    if (!v || v.state.selection.empty) throw new Error(t('selectFirst'));
    await connectionRef.current?.flush();
    const { from, to } = v.state.selection;
    return { from, to, version: getVersion(v.state) };
  }, [viewRef, connectionRef, t]);

  const addClaim = useCallback(async () => {
    if (!canEditClaims) return;
    setNotice(null);
    try {
      const range = await confirmedSelection();
      const body = await sendJson<{ claim: ClaimJSON }>('POST', `/api/documents/${documentId}/claims`, range);
      upsertClaim(body.claim, { version: range.version });
      selectClaim(body.claim.id);
      lastAddedRef.current = { id: body.claim.id, doc: viewRef.current?.state.doc ?? null };
      // Collapse the selection to the claim's end, so the floating button goes away.
      const v = viewRef.current;
      if (v && !v.state.selection.empty) v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, v.state.selection.to)));
    } catch (e) {
      setNotice((e as Error).message);
    }
  }, [canEditClaims, confirmedSelection, documentId, selectClaim, upsertClaim, viewRef]);

  /** Ctrl+Z right after Add claim removes the claim; once the text changed, it undoes the text as usual. */
  const undoAddClaim = useCallback(() => {
    const last = lastAddedRef.current;
    const v = viewRef.current;
    lastAddedRef.current = null;
    if (!last || !v || v.state.doc !== last.doc) return false;
    sendJson('DELETE', `/api/claims/${last.id}`)
      .catch((e: ApiError) => {
        if (e.status !== 404) throw e;
      })
      .then(() => {
        removeClaim(last.id);
        setNotice(t('claimRemovedUndo'));
      })
      .catch((e: Error) => setNotice(e.message));
    return true;
  }, [removeClaim, viewRef, t]);

  useEffect(() => {
    handlers.current = { onTransaction, onClaimEvent, addClaim: () => void addClaim(), undoAddClaim, switchMode };
  });

  const reattachClaim = useCallback(
    async (claim: ClaimJSON) => {
      const range = await confirmedSelection();
      const body = await sendJson<{ claim: ClaimJSON }>('PATCH', `/api/claims/${claim.id}`, { rowVersion: claim.rowVersion, ...range });
      upsertClaim(body.claim, { version: range.version });
      selectClaim(body.claim.id, { scrollText: true });
    },
    [confirmedSelection, selectClaim, upsertClaim],
  );

  // Stable callbacks keep the (memoised) sidebar from re-rendering on every keystroke.
  const selectFromSidebar = useCallback((id: string) => selectClaim(id, { scrollText: true }), [selectClaim]);
  const saveFromSidebar = useCallback((claim: ClaimJSON) => upsertClaim(claim), [upsertClaim]);
  const closeClaim = useCallback(() => setSelectedId(null), []);
  const setVisibleOrder = useClaimNavigation(selectedId, selectFromSidebar);

  /** A suggestion's card was chosen: select its text and bring it into view. */
  const selectSuggestion = useCallback(
    (id: string) => {
      const v = viewRef.current;
      const s = v && collectSuggestions(v.state.doc).find((x) => x.id === id);
      if (!v || !s) return;
      v.dispatch(v.state.tr.setSelection(TextSelection.between(v.state.doc.resolve(s.from), v.state.doc.resolve(s.to))).scrollIntoView());
      v.focus();
    },
    [viewRef],
  );

  const onEditorMouseOver = (e: React.MouseEvent) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-claim-id]');
    setHover(el ? { id: el.dataset.claimId!, rect: el.getBoundingClientRect() } : null);
  };
  const onEditorClick = (e: React.MouseEvent) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-claim-id]');
    if (el) return selectClaim(el.dataset.claimId!);
    // A hinted sentence: its entry in the review bar, with Mark as claim and Dismiss.
    const hint = (e.target as HTMLElement).closest<HTMLElement>('[data-cw-key]');
    if (hint) setFocusHint({ key: hint.dataset.cwKey!, at: Date.now() });
  };

  /** A hint becomes a claim: its sentence (where it is now, after any edits) is selected and marked, as Add claim would. */
  const markHint = useCallback(
    (hint: CheckworthyHint) => {
      const v = viewRef.current;
      const range = v && hintRange(v.state, hint.key);
      if (!v || !range) return;
      v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, range.from, range.to)));
      void addClaim();
    },
    [viewRef, addClaim],
  );
  const showHint = useCallback(
    (hint: CheckworthyHint) => {
      const v = viewRef.current;
      const range = v && hintRange(v.state, hint.key);
      if (!v || !range) return;
      v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, range.from, range.to)).scrollIntoView());
      v.focus();
    },
    [viewRef],
  );

  // The card follows the pointer, or the caret when the keyboard is inside a highlight.
  const state = view?.state;
  const card = hover ?? caretCard;
  const cardClaim = card ? claims.get(card.id) : undefined;
  const cardRect = card?.rect ?? null;

  const selectionButton = canEditClaims ? selectionEnd : null;

  return (
    <ReviewContext.Provider value={review}>
    <SignoffPanel
      revision={props.revision}
      claims={claims}
      signoffs={props.signoffs}
      onSelectClaim={selectFromSidebar}
      suggestions={suggestions}
      authorName={(id) => members.find((m) => m.id === id)?.name ?? id}
      onSelectSuggestion={selectSuggestion}
      hints={canEditClaims ? { list: checkworthy.hints, focus: focusHint, onMark: markHint, onShow: showHint, onDismiss: checkworthy.dismiss } : null}
    />
    <div className="workspace">
      <div className="editor-shell" ref={shellRef}>
        <div className="editor-bar">
          {props.canEditText && <ModeSwitch mode={mode} allowed={allowedModes} onChange={(m) => (switchMode(m), view?.focus())} />}
          {props.canEditText && view && mode !== 'viewing' ? (
            <EditorToolbar view={view} suggesting={mode === 'suggesting'} />
          ) : (
            !props.canEditText && <p className="read-only-note">{props.readOnlyReason}</p>
          )}
          {canEditClaims && (
            <button
              type="button"
              className="button primary small"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => void addClaim()}
              disabled={!state || state.selection.empty}
              title={t('addClaimTitle', { shortcut: shortcutLabel(ADD_CLAIM_SHORTCUT.replace('Mod-Shift-m', 'Mod-Shift-M')) })}
            >
              {t('addClaim')}
            </button>
          )}
          <PresenceBar people={people} />
          <SaveIndicator state={saveState} link={linkState} />
        </div>
        {notice && (
          <p className="notice" role="alert">
            {notice}
            <button type="button" className="link-button" onClick={() => setNotice(null)} aria-label={t('dismissMessage')}>
              ×
            </button>
          </p>
        )}
        <div ref={mountRef} className="editor-mount" onMouseOver={onEditorMouseOver} onMouseLeave={() => setHover(null)} onClick={onEditorClick} />
        {selectionButton && (
          <button
            type="button"
            className="button primary small floating-add"
            style={{ top: selectionButton.top, left: selectionButton.left }}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void addClaim()}
            aria-label={t('addClaimForSelection')}
          >
            {t('addClaimFloating')}
          </button>
        )}
      </div>
      <div className="side-column">
      <SuggestionPanel
        documentId={documentId}
        live={suggestions}
        members={members}
        currentUserId={currentUserId}
        canDecide={(role === 'editor' || role === 'admin') && documentStatus !== 'signed_off'}
        fourEyes={props.suggestionsFourEyes}
        canEdit={props.canEditText}
        changed={suggestionTick}
        onSelect={selectSuggestion}
        onNotice={setNotice}
      />
      {cardClaim && cardRect && <ClaimCard claim={cardClaim} rect={cardRect} checkedBefore={checkedBefore.has(cardClaim.id)} />}
      <ClaimSidebar
        items={items}
        claims={claims}
        selectedId={selectedId}
        onSelect={selectFromSidebar}
        onClose={closeClaim}
        onSaved={saveFromSidebar}
        onDeleted={removeClaim}
        onReattach={reattachClaim}
        onVisibleOrder={setVisibleOrder}
        members={members}
        currentUserId={currentUserId}
        canEdit={canEditClaims}
        commentCounts={commentCounts}
        checkedBefore={checkedBefore}
      />
      </div>
    </div>
    </ReviewContext.Provider>
  );
}

function rectOfClaim(view: EditorView, id: string): DOMRect | null {
  const el = view.dom.querySelector(`[data-claim-id="${CSS.escape(id)}"]`);
  return el ? el.getBoundingClientRect() : null;
}
