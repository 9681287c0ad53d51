'use client';

/**
 * The document page's editor and claims sidebar. Owns the ProseMirror view, the claims
 * (details from the API, anchors in the claims plugin) and which claim is selected.
 */
import { textDirection } from '@/lib/languages';
import { collab, getVersion } from 'prosemirror-collab';
import { history } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentStatus, Role } from '@/db/enums';
import { COMMENTS_CHANGED_EVENT, ReviewContext, type Member } from '../review/review-context';
import { SignoffPanel, type SignoffJSON } from '../review/signoff-panel';
import type { CommentJSON } from '@/lib/comments/commands';
import { countComments, type CommentCount } from '@/lib/comments/counts';
import type { ClaimJSON } from '@/lib/claims/serialize';
import { textOf, type Anchor } from '@/lib/claims/anchor';
import { claimAt, claimsConfirmKey, claimsKey, claimsPlugin, getClaimsState, initialClaimMark, type ClaimMark } from '@/lib/editor/claims-plugin';
import { baseKeymap, buildKeymap, shortcutLabel } from '@/lib/editor/commands';
import { schema } from '@/lib/editor/schema';
import { ClaimCard } from '../claims/claim-card';
import { ClaimSidebar, type ClaimListItem } from '../claims/claim-sidebar';
import { CollabConnection, type ClaimEvent, type LinkState, type SaveState } from './collab-connection';
import { PresenceBar } from './presence-bar';
import { presenceKey, presencePlugin, type RemoteCursor } from '@/lib/editor/presence-plugin';
import type { PresenceEntry } from '@/lib/collab/hub';
import { EditorToolbar } from './editor-toolbar';
import { SaveIndicator } from './save-indicator';

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
}

export const ADD_CLAIM_SHORTCUT = 'Mod-Shift-m';


function anchorOf(c: ClaimJSON): Anchor {
  return { from: c.from, to: c.to, orphaned: c.orphaned, quote: c.quote };
}

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
  const { documentId, canEditClaims, members, currentUserId, role, documentStatus } = props;
  const router = useRouter();
  // The editor is built once per document; its stream handlers reach the router through a ref.
  const routerRef = useRef(router);
  useEffect(() => {
    routerRef.current = router;
  }, [router]);
  const review = useMemo(() => ({ documentId, documentStatus, role, currentUserId, members }), [documentId, documentStatus, role, currentUserId, members]);
  // The text's editability follows the document's status live (signed off = locked).
  const canEditTextRef = useRef(props.canEditText);
  const mountRef = useRef<HTMLDivElement>(null);
  const shellRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const connectionRef = useRef<CollabConnection | null>(null);
  const initial = useRef(props);
  const [view, setView] = useState<EditorView | null>(null);
  const [, setTick] = useState(0);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' });
  const [linkState, setLinkState] = useState<LinkState>('connecting');
  const [people, setPeople] = useState<PresenceEntry[]>([]);
  const onClaimEventRef = useRef<(event: ClaimEvent) => void>(() => {});
  const retryPendingRef = useRef<() => void>(() => {});
  const [claims, setClaims] = useState(() => new Map(props.initialClaims.map((c) => [c.id, c])));
  const [commentCounts, setCommentCounts] = useState(() => new Map(Object.entries(props.initialCommentCounts)));
  const refreshCommentCount = useCallback(async (claimId: string) => {
    const res = await fetch(`/api/claims/${claimId}/comments`).catch(() => null);
    if (!res?.ok) return;
    const { comments } = (await res.json()) as { comments: CommentJSON[] };
    setCommentCounts((prev) => new Map(prev).set(claimId, countComments(comments)));
  }, []);
  const refreshCommentCountRef = useRef(refreshCommentCount);
  const [items, setItems] = useState<ClaimListItem[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [hover, setHover] = useState<{ id: string; rect: DOMRect } | null>(null);
  // The claim under the caret when the keyboard moves into a highlight (not while typing).
  const [caretCard, setCaretCard] = useState<{ id: string; rect: DOMRect } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Where the floating "Add claim" button goes: just below the end of a non-empty selection.
  const [selectionEnd, setSelectionEnd] = useState<{ top: number; left: number } | null>(null);
  const addClaimRef = useRef<() => void>(() => {});
  // The claim just added, while nothing else happened in the text: Ctrl+Z removes it.
  const lastAddedRef = useRef<{ id: string; doc: unknown } | null>(null);
  const undoAddClaimRef = useRef<() => boolean>(() => false);

  // Build the editor once per document.
  useEffect(() => {
    const mount = mountRef.current;
    if (!mount) return;
    const { doc, version, language, title, initialClaims } = initial.current;
    let settleTimer: ReturnType<typeof setTimeout> | null = null;
    const state = EditorState.create({
      doc: schema.nodeFromJSON(doc),
      plugins: [
        collab({ version, clientID: crypto.randomUUID() }),
        history(),
        claimsPlugin(initialClaims.map(toMark)),
        presencePlugin(),
        keymap({ [ADD_CLAIM_SHORTCUT]: () => (addClaimRef.current(), true), 'Mod-z': () => undoAddClaimRef.current() }),
        keymap(buildKeymap()),
        keymap(baseKeymap),
      ],
    });
    const editorView: EditorView = new EditorView(mount, {
      state,
      editable: () => canEditTextRef.current,
      attributes: {
        class: 'article-body',
        lang: language,
        dir: textDirection(language),
        'aria-label': `Article text: ${title}`,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-readonly': String(!canEditTextRef.current),
        spellcheck: 'true',
      },
      dispatchTransaction(tr) {
        const before = editorView.state;
        editorView.updateState(before.apply(tr));
        if (tr.selectionSet || tr.docChanged) connectionRef.current?.schedulePresence();
        if (tr.docChanged) {
          connectionRef.current?.schedule();
          // The sidebar follows the text once typing pauses, not on every keystroke.
          if (settleTimer) clearTimeout(settleTimer);
          settleTimer = setTimeout(() => setItems(listItems(editorView.state)), 150);
        }
        if (tr.getMeta(claimsKey)) setItems(listItems(editorView.state));
        // Claim events that refer to steps this editor had not received yet can be placed now.
        if (tr.getMeta(claimsConfirmKey)) retryPendingRef.current();
        const sel = editorView.state.selection;
        if (tr.docChanged || !sel.empty) setCaretCard(null);
        else if (tr.selectionSet) {
          const under = claimAt(editorView.state, sel.head);
          const rect = under ? rectOfClaim(editorView, under.id) : null;
          setCaretCard(under && rect ? { id: under.id, rect } : null);
        }
        if (sel.empty || !shellRef.current) setSelectionEnd(null);
        else {
          const shell = shellRef.current.getBoundingClientRect();
          const end = editorView.coordsAtPos(sel.to);
          setSelectionEnd({ top: end.bottom - shell.top + 6, left: Math.min(end.left - shell.left, shell.width - 140) });
        }
        setTick((t) => t + 1);
      },
    });
    const connection = new CollabConnection({
      documentId,
      getState: () => editorView.state,
      dispatch: (tr) => editorView.dispatch(tr),
      onSaveState: setSaveState,
      onLinkState: setLinkState,
      onPresence: (entries) => {
        setPeople(entries);
        // Other people's carets, brought from their version to this editor's document.
        const cursors: RemoteCursor[] = [];
        for (const e of entries) {
          if (!e.selection) continue;
          const anchor = connection.history.mapToCurrent(e.selection.anchor, e.selection.version, editorView.state);
          const head = connection.history.mapToCurrent(e.selection.head, e.selection.version, editorView.state);
          if (anchor !== null && head !== null) cursors.push({ sessionId: e.sessionId, name: e.name, color: e.color, anchor, head });
        }
        editorView.dispatch(editorView.state.tr.setMeta(presenceKey, cursors));
      },
      onClaimEvent: (event) => onClaimEventRef.current(event),
      // Another reviewer submitted, signed off or reopened: fetch the page's new state.
      onDocumentEvent: () => routerRef.current.refresh(),
      onCommentsEvent: (claimId) => {
        window.dispatchEvent(new CustomEvent(COMMENTS_CHANGED_EVENT, { detail: claimId }));
        void refreshCommentCountRef.current(claimId);
      },
      onReload: () => window.location.reload(),
    });
    connectionRef.current = connection;
    const warnIfUnsent = (event: BeforeUnloadEvent) => {
      if (connectionRef.current && connectionRef.current.unsentCount() > 0) event.preventDefault();
    };
    window.addEventListener('beforeunload', warnIfUnsent);
    viewRef.current = editorView;
    setView(editorView);
    setItems(listItems(editorView.state));
    return () => {
      if (settleTimer) clearTimeout(settleTimer);
      window.removeEventListener('beforeunload', warnIfUnsent);
      connectionRef.current?.stop();
      editorView.destroy();
      viewRef.current = null;
      setView(null);
    };
  }, [documentId]);

  useEffect(() => {
    canEditTextRef.current = props.canEditText;
    const v = viewRef.current;
    if (!v) return;
    v.setProps({ attributes: { ...(v.props.attributes as Record<string, string>), 'aria-readonly': String(!props.canEditText) } });
  }, [props.canEditText]);

  const selectClaim = useCallback((id: string | null, opts: { scrollText?: boolean } = {}) => {
    setSelectedId(id);
    const v = viewRef.current;
    if (!v) return;
    v.dispatch(v.state.tr.setMeta(claimsKey, { type: 'activate', id }));
    if (id && opts.scrollText) {
      const el = v.dom.querySelector(`[data-claim-id="${CSS.escape(id)}"]`);
      el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }
  }, []);

  // Open the claim named in the link once the editor is there.
  const initialClaimId = useRef(props.initialClaimId);
  useEffect(() => {
    const id = initialClaimId.current;
    if (!view || !id) return;
    initialClaimId.current = null;
    if (getClaimsState(view.state).claims.has(id)) selectClaim(id, { scrollText: true });
  }, [view, selectClaim]);

  /**
   * Shows a claim's fields; its highlight moves only when the claim comes with a range the
   * server stated at a version (`at`): that range is brought to this editor's document
   * through the confirmed steps since and the unconfirmed ones, as the server maps anchors.
   * Until the editor has those steps the placement waits in a queue, retried after every
   * confirmation (not on a timer that gives up).
   */
  const pendingPlacements = useRef(new Map<string, { claim: ClaimJSON; version: number }>());
  const upsertClaim = useCallback((claim: ClaimJSON, at?: { version: number }) => {
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
      if (at.version > connection.history.confirmedVersion) pendingPlacements.current.set(claim.id, { claim, version: at.version });
      // Older than the steps this editor keeps: ask the server where the claim is now.
      else void refetchClaimRef.current(claim.id);
      return;
    }
    pendingPlacements.current.delete(claim.id);
    v.dispatch(v.state.tr.setMeta(claimsKey, { type: 'upsert', claim: { id: claim.id, verdict: claim.verdict, ...placed } }));
  }, []);
  const refetchClaimRef = useRef(async (id: string) => {
    const res = await fetch(`/api/documents/${documentId}/claims`).catch(() => null);
    if (!res?.ok) return;
    const body = (await res.json()) as { version: number; claims: ClaimJSON[] };
    const claim = body.claims.find((c) => c.id === id);
    if (claim) pendingPlacements.current.set(id, { claim, version: body.version });
    retryPendingRef.current();
  });
  useEffect(() => {
    retryPendingRef.current = () => {
      for (const { claim, version } of [...pendingPlacements.current.values()]) {
        const connection = connectionRef.current;
        if (connection && version <= connection.history.confirmedVersion) upsertClaim(claim, { version });
      }
    };
  }, [upsertClaim]);

  const removeClaim = useCallback((id: string) => {
    setClaims((prev) => {
      const next = new Map(prev);
      next.delete(id);
      return next;
    });
    setSelectedId((s) => (s === id ? null : s));
    const v = viewRef.current;
    v?.dispatch(v.state.tr.setMeta(claimsKey, { type: 'remove', id }));
  }, []);

  // Claims created, changed or deleted by other people.
  useEffect(() => {
    onClaimEventRef.current = function apply(event: ClaimEvent) {
      if (event.type === 'claim-deleted') return removeClaim(event.id);
      const v = viewRef.current;
      if (!v) return;
      const known = getClaimsState(v.state).claims.has(event.claim.id);
      upsertClaim(event.claim, known && !event.moved ? undefined : { version: event.version });
    };
  }, [removeClaim, upsertClaim]);

  /** The current selection as a range of the confirmed document, after unsent edits are saved. */
  const confirmedSelection = useCallback(async () => {
    const v = viewRef.current;
    if (!v || v.state.selection.empty) throw new Error('Select the words of the claim in the article first.');
    await connectionRef.current?.flush();
    const { from, to } = v.state.selection;
    return { from, to, version: getVersion(v.state) };
  }, []);

  const addClaim = useCallback(async () => {
    if (!canEditClaims) return;
    setNotice(null);
    try {
      const range = await confirmedSelection();
      const res = await fetch(`/api/documents/${documentId}/claims`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(range),
      });
      const body = await res.json().catch(() => null);
      if (!res.ok) throw new Error(body?.error?.message ?? `The claim could not be added (${res.status}).`);
      upsertClaim(body.claim, { version: range.version });
      selectClaim(body.claim.id);
      lastAddedRef.current = { id: body.claim.id, doc: viewRef.current?.state.doc ?? null };
      // Collapse the selection to the claim's end, so the floating button goes away.
      const v = viewRef.current;
      if (v && !v.state.selection.empty) v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, v.state.selection.to)));
    } catch (e) {
      setNotice((e as Error).message);
    }
  }, [canEditClaims, confirmedSelection, documentId, selectClaim, upsertClaim]);
  useEffect(() => {
    addClaimRef.current = addClaim;
  }, [addClaim]);
  useEffect(() => {
    undoAddClaimRef.current = () => {
      const last = lastAddedRef.current;
      const v = viewRef.current;
      lastAddedRef.current = null;
      // Only right after Add claim: once the text changed, Ctrl+Z undoes the text as usual.
      if (!last || !v || v.state.doc !== last.doc) return false;
      void fetch(`/api/claims/${last.id}`, { method: 'DELETE' }).then(async (res) => {
        if (res.ok || res.status === 404) {
          removeClaim(last.id);
          setNotice('Claim removed (Add claim undone).');
        } else {
          const body = await res.json().catch(() => null);
          setNotice(body?.error?.message ?? 'The claim could not be removed.');
        }
      });
      return true;
    };
  }, [removeClaim]);

  const reattachClaim = useCallback(
    async (claim: ClaimJSON) => {
      const range = await confirmedSelection();
      const res = await fetch(`/api/claims/${claim.id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ rowVersion: claim.rowVersion, ...range }),
      });
      const body = await res.json().catch(() => null);
      if (!res.ok) throw new Error(body?.error?.message ?? `The claim could not be re-attached (${res.status}).`);
      upsertClaim(body.claim, { version: range.version });
      selectClaim(body.claim.id, { scrollText: true });
    },
    [confirmedSelection, selectClaim, upsertClaim],
  );

  // Stable callbacks keep the (memoised) sidebar from re-rendering on every keystroke.
  const selectFromSidebar = useCallback((id: string) => selectClaim(id, { scrollText: true }), [selectClaim]);
  const saveFromSidebar = useCallback((claim: ClaimJSON) => upsertClaim(claim), [upsertClaim]);

  // Alt-↑ / Alt-↓ move between claims from anywhere on the page.
  const visibleOrder = useRef<string[]>([]);
  const setVisibleOrder = useCallback((ids: string[]) => {
    visibleOrder.current = ids;
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
      const order = visibleOrder.current;
      if (!order.length) return;
      e.preventDefault();
      const i = selectedId ? order.indexOf(selectedId) : -1;
      const next = e.key === 'ArrowDown' ? order[Math.min(order.length - 1, i + 1)] : order[Math.max(0, i < 0 ? 0 : i - 1)];
      if (next) selectClaim(next, { scrollText: true });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selectClaim, selectedId]);

  const onEditorMouseOver = (e: React.MouseEvent) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-claim-id]');
    setHover(el ? { id: el.dataset.claimId!, rect: el.getBoundingClientRect() } : null);
  };
  const onEditorClick = (e: React.MouseEvent) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-claim-id]');
    if (el) selectClaim(el.dataset.claimId!);
  };

  // The card follows the pointer, or the caret when the keyboard is inside a highlight.
  const state = view?.state;
  const card = hover ?? caretCard;
  const cardClaim = card ? claims.get(card.id) : undefined;
  const cardRect = card?.rect ?? null;

  const selectionButton = canEditClaims ? selectionEnd : null;

  return (
    <ReviewContext.Provider value={review}>
    <SignoffPanel revision={props.revision} claims={claims} signoffs={props.signoffs} onSelectClaim={selectFromSidebar} />
    <div className="workspace">
      <div className="editor-shell" ref={shellRef}>
        <div className="editor-bar">
          {props.canEditText && view ? (
            <EditorToolbar view={view} />
          ) : (
            <p className="read-only-note">{props.readOnlyReason}</p>
          )}
          {canEditClaims && (
            <button
              type="button"
              className="button primary small"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => void addClaim()}
              disabled={!state || state.selection.empty}
              title={`Add claim (${shortcutLabel(ADD_CLAIM_SHORTCUT.replace('Mod-Shift-m', 'Mod-Shift-M'))})`}
            >
              Add claim
            </button>
          )}
          <PresenceBar people={people} />
          <SaveIndicator state={saveState} link={linkState} />
        </div>
        {notice && (
          <p className="notice" role="alert">
            {notice}
            <button type="button" className="link-button" onClick={() => setNotice(null)} aria-label="Dismiss message">
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
            aria-label="Add claim for the selected text"
          >
            + Add claim
          </button>
        )}
      </div>
      {cardClaim && cardRect && <ClaimCard claim={cardClaim} rect={cardRect} />}
      <ClaimSidebar
        items={items}
        claims={claims}
        selectedId={selectedId}
        onSelect={selectFromSidebar}
        onSaved={saveFromSidebar}
        onDeleted={removeClaim}
        onReattach={reattachClaim}
        onVisibleOrder={setVisibleOrder}
        members={members}
        currentUserId={currentUserId}
        canEdit={canEditClaims}
        commentCounts={commentCounts}
      />
    </div>
    </ReviewContext.Provider>
  );
}

function rectOfClaim(view: EditorView, id: string): DOMRect | null {
  const el = view.dom.querySelector(`[data-claim-id="${CSS.escape(id)}"]`);
  return el ? el.getBoundingClientRect() : null;
}
