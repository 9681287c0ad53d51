'use client';

/**
 * The collaborative editor of a document page: one ProseMirror view with the collab,
 * history, claims and presence plugins, and its CollabConnection. Built once per document;
 * the callbacks are read through a ref, so they may change on every render.
 */
import { checkworthyPlugin } from '@/lib/editor/checkworthy-plugin';
import { suggestChanges, transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import { useTranslations } from 'next-intl';
import { collab } from 'prosemirror-collab';
import { history } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import { AttrStep, ReplaceAroundStep } from 'prosemirror-transform';
import { EditorView } from 'prosemirror-view';
import { useEffect, useRef, useState } from 'react';
import type { PresenceEntry } from '@/lib/collab/hub';
import { claimsPlugin, type ClaimMark } from '@/lib/editor/claims-plugin';
import { baseKeymap, buildKeymap } from '@/lib/editor/commands';
import { presenceKey, presencePlugin, type RemoteCursor } from '@/lib/editor/presence-plugin';
import { schema } from '@/lib/editor/schema';
import { textDirection } from '@/lib/languages';
import { CollabConnection, type ClaimEvent, type LinkState, type SaveState } from './collab-connection';

export interface CollabEditorOptions {
  documentId: string;
  /** The document as loaded with the page, its version, language and title. */
  doc: unknown;
  version: number;
  language: string;
  title: string;
  initialMarks: ClaimMark[];
  /** Whether the text may be edited now (follows the document's status live). */
  canEditText: boolean;
  /** Editing changes the text; Suggesting turns every change into a suggested correction; Viewing reads. */
  mode: EditorMode;
  /** The user's id: suggestions made here carry it. */
  userId: string;
  /** Keys handled before the editing keymap (Add claim and its undo). */
  keys: Record<string, () => boolean>;
  /** After every transaction, with the view in its new state. */
  onTransaction: (view: EditorView, tr: Transaction) => void;
  onClaimEvent: (event: ClaimEvent) => void;
  onDocumentEvent: () => void;
  onCommentsEvent: (claimId: string) => void;
  onSuggestionEvent: (suggestionId: string) => void;
  /** In Suggesting, a change of a block's type or structure was refused (it cannot be suggested). */
  onBlockChangeRefused: () => void;
}

export type EditorMode = 'editing' | 'suggesting' | 'viewing';

/** A new suggestion's id: the author's user id and a random part (lib/editor/schema.ts SUGGESTION_ID). */
function suggestionId(userId: string): string {
  return `${userId}:${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

export function useCollabEditor(options: CollabEditorOptions) {
  const t = useTranslations('editor');
  const latest = useRef({ ...options, articleLabel: t('articleLabel', { title: options.title }) });
  useEffect(() => {
    latest.current = { ...options, articleLabel: t('articleLabel', { title: options.title }) };
  });
  const mountRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const connectionRef = useRef<CollabConnection | null>(null);
  const [view, setView] = useState<EditorView | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' });
  const [linkState, setLinkState] = useState<LinkState>('connecting');
  const [people, setPeople] = useState<PresenceEntry[]>([]);
  const { documentId } = options;

  useEffect(() => {
    const mount = mountRef.current;
    if (!mount) return;
    const { doc, version, language, articleLabel, initialMarks, keys } = latest.current;
    const state = EditorState.create({
      doc: schema.nodeFromJSON(doc),
      plugins: [
        collab({ version, clientID: crypto.randomUUID() }),
        history(),
        claimsPlugin(initialMarks),
        presencePlugin(),
        checkworthyPlugin(),
        // Skips the zero-width markers of suggestions with the arrow keys; pilcrows for suggested paragraph breaks.
        suggestChanges(),
        keymap(Object.fromEntries(Object.keys(keys).map((key) => [key, () => latest.current.keys[key]?.() ?? false]))),
        keymap(buildKeymap()),
        keymap(baseKeymap),
      ],
    });
    const editorView: EditorView = new EditorView(mount, {
      state,
      editable: () => latest.current.canEditText && latest.current.mode !== 'viewing',
      attributes: {
        class: 'article-body',
        lang: language,
        dir: textDirection(language),
        'aria-label': articleLabel,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-readonly': String(!latest.current.canEditText),
        spellcheck: 'true',
      },
      // Chrome sometimes reports the caret *before* the first character typed into an empty
      // paragraph (the DOM selection stays at the paragraph's start); ProseMirror would put
      // the caret there and the next keystrokes would land before that character
      // ("in neuer Absatz…E"). Text typed at the caret leaves the caret after it.
      handleTextInput(view, from, to, text, deflt) {
        if (view.composing || from !== to || !text) return false;
        const tr = deflt();
        if (!tr.selection.empty || tr.selection.head !== from) return false;
        view.dispatch(tr.setSelection(TextSelection.create(tr.doc, from + text.length)));
        return true;
      },
      dispatchTransaction(original) {
        // In Suggesting, the user's own changes become suggestions; steps of others (collab$) and
        // undo/redo (history$, which take back one's own suggestions) stay as they are.
        const suggesting = latest.current.mode === 'suggesting' && original.docChanged && !original.getMeta('collab$') && !original.getMeta('history$');
        // Headings, lists and quotes change in Editing: the library's suggestions of block
        // changes do not accept and reject reliably, and the server refuses them from reviewers.
        if (suggesting && original.steps.some((s) => s instanceof ReplaceAroundStep || s instanceof AttrStep)) {
          latest.current.onBlockChangeRefused();
          return;
        }
        const tr = suggesting ? transformToSuggestionTransaction(original, editorView.state, () => suggestionId(latest.current.userId)) : original;
        editorView.updateState(editorView.state.apply(tr));
        if (tr.selectionSet || tr.docChanged) connectionRef.current?.schedulePresence();
        if (tr.docChanged) connectionRef.current?.schedule();
        latest.current.onTransaction(editorView, tr);
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
      onClaimEvent: (event) => latest.current.onClaimEvent(event),
      onDocumentEvent: () => latest.current.onDocumentEvent(),
      onCommentsEvent: (claimId) => latest.current.onCommentsEvent(claimId),
      onSuggestionEvent: (suggestionId) => latest.current.onSuggestionEvent(suggestionId),
      // A deleted document (or one no longer open to this member) has nothing to reload into:
      // go to the list. A reload raced the deleting user's own navigation there, and brought
      // them back to a page that is gone.
      onReload: (reason) => (reason === 'deleted' || reason === 'removed' ? window.location.replace('/documents') : window.location.reload()),
    });
    connectionRef.current = connection;
    const warnIfUnsent = (event: BeforeUnloadEvent) => {
      if (connection.unsentCount() > 0) event.preventDefault();
    };
    window.addEventListener('beforeunload', warnIfUnsent);
    viewRef.current = editorView;
    setView(editorView);
    return () => {
      window.removeEventListener('beforeunload', warnIfUnsent);
      connection.stop();
      editorView.destroy();
      viewRef.current = null;
      connectionRef.current = null;
      setView(null);
    };
  }, [documentId]);

  // The text's editability follows the document's status (signed off = locked) and the mode.
  const readOnly = !options.canEditText || options.mode === 'viewing';
  useEffect(() => {
    const v = viewRef.current;
    if (!v) return;
    v.setProps({ attributes: { ...(v.props.attributes as Record<string, string>), 'aria-readonly': String(readOnly) } });
  }, [readOnly]);

  return { mountRef, view, viewRef, connectionRef, saveState, linkState, people };
}
