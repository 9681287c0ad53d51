/**
 * The documents' full-text index (`documents_search`, FTS5): title and plain text. Rows are
 * written with the document (db/queries/documents.ts: created, renamed, deleted), and the
 * text again a moment after it changes: steps arrive many times a second, so the text is
 * read from the authority's current document once typing pauses, in the process that
 * accepted them.
 */
import 'server-only';
import type { Node as PMNode } from 'prosemirror-model';
import { writeTransaction } from '@/db';
import { getDocumentCollabState, getDocumentIdsWithoutSearchText, setSearchText } from '@/db/queries/documents';
import { textOf } from '../claims/anchor';
import { loadCurrent } from '../collab/authority';

/** How long after the last accepted edit a document's text is indexed again. */
const REINDEX_DELAY_MS = 2000;

const timers = new Map<string, ReturnType<typeof setTimeout>>();

/** Stores a document's current text in the index now. */
export async function reindexText(documentId: string, doc: PMNode) {
  const text = textOf(doc, 0, doc.content.size);
  await writeTransaction((tx) => setSearchText(documentId, text, tx));
}

/** Indexes the text of documents that have none in the index yet (from before it existed); returns how many. */
export async function indexMissingText(): Promise<number> {
  let n = 0;
  for (const id of await getDocumentIdsWithoutSearchText()) {
    const state = await getDocumentCollabState(id);
    if (!state) continue;
    const doc = await loadCurrent(id, state.version);
    if (doc.textContent) {
      await reindexText(id, doc);
      n++;
    }
  }
  return n;
}

/** Indexes a document's text again once edits pause (see REINDEX_DELAY_MS). */
export function scheduleReindex(documentId: string, load: (version: number) => Promise<PMNode>) {
  const pending = timers.get(documentId);
  if (pending) clearTimeout(pending);
  const timer = setTimeout(async () => {
    timers.delete(documentId);
    try {
      const state = await getDocumentCollabState(documentId);
      if (state && !state.deletedAt) await reindexText(documentId, await load(state.version));
    } catch (e) {
      console.error('[factdesk] could not index the text of document', documentId, e);
    }
  }, REINDEX_DELAY_MS);
  timer.unref?.();
  timers.set(documentId, timer);
}
