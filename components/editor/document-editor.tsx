'use client';

/**
 * The ProseMirror editor of one document. Local edits become steps that the
 * CollabConnection sends to the authority; viewers get a read-only view.
 */
import { collab } from 'prosemirror-collab';
import { history } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useEffect, useRef, useState } from 'react';
import { baseKeymap, buildKeymap } from '@/lib/editor/commands';
import { schema } from '@/lib/editor/schema';
import { CollabConnection, type SaveState } from './collab-connection';
import { EditorToolbar } from './editor-toolbar';
import { SaveIndicator } from './save-indicator';

interface Props {
  documentId: string;
  doc: unknown;
  version: number;
  language: string;
  editable: boolean;
  title: string;
}

/** A fresh client id per editor instance: prosemirror-collab tells own steps from others' by it. */
function newClientID(): string {
  return crypto.randomUUID();
}

export function DocumentEditor({ documentId, doc, version, language, editable, title }: Props) {
  const mountRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<EditorView | null>(null);
  const [, setTick] = useState(0);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' });
  // The editor is built once per document from the first props; later changes arrive as steps.
  const initial = useRef({ doc, version, language, editable, title });

  useEffect(() => {
    const mount = mountRef.current;
    if (!mount) return;
    let connection: CollabConnection | null = null;
    const { doc, version, language, editable, title } = initial.current;
    const state = EditorState.create({
      doc: schema.nodeFromJSON(doc),
      plugins: [
        collab({ version, clientID: newClientID() }),
        history(),
        keymap(buildKeymap()),
        keymap(baseKeymap),
      ],
    });
    const editorView: EditorView = new EditorView(mount, {
      state,
      editable: () => editable,
      attributes: {
        class: 'article-body',
        lang: language,
        'aria-label': `Article text: ${title}`,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-readonly': String(!editable),
        spellcheck: 'true',
      },
      dispatchTransaction(tr) {
        editorView.updateState(editorView.state.apply(tr));
        if (tr.docChanged) connection?.schedule();
        setTick((t) => t + 1);
      },
    });
    connection = new CollabConnection({
      documentId,
      getState: () => editorView.state,
      dispatch: (tr) => editorView.dispatch(tr),
      onSaveState: setSaveState,
    });
    const warnIfUnsent = (event: BeforeUnloadEvent) => {
      if (connection && connection.unsentCount() > 0) event.preventDefault();
    };
    window.addEventListener('beforeunload', warnIfUnsent);
    setView(editorView);
    return () => {
      window.removeEventListener('beforeunload', warnIfUnsent);
      connection?.stop();
      editorView.destroy();
      setView(null);
    };
  }, [documentId]);

  return (
    <div className="editor-shell">
      <div className="editor-bar">
        {editable && view ? <EditorToolbar view={view} /> : <p className="read-only-note">Read only — viewers can read and export, not edit.</p>}
        <SaveIndicator state={saveState} />
      </div>
      <div ref={mountRef} className="editor-mount" />
    </div>
  );
}
