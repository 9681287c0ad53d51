/**
 * The editor's collab connection (components/editor/collab-connection.ts) against the real
 * step authority on a real SQLite file: fetch is answered by the functions the steps route
 * calls, so batching, chunking, 409 and rebase, refusals and back-off run as in a browser.
 */
import { collab, getVersion, receiveTransaction, sendableSteps } from 'prosemirror-collab';
import { EditorState, type Transaction } from 'prosemirror-state';
import { Step } from 'prosemirror-transform';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CollabConnection, type SaveState } from '@/components/editor/collab-connection';
import { currentDocument, receiveSteps, stepsSince } from '@/lib/collab/authority';
import { MAX_STEPS_PER_REQUEST } from '@/lib/collab/limits';
import { createDocument } from '@/lib/documents/commands';
import { AppError } from '@/lib/errors';
import { textToDoc } from '@/lib/editor/import';
import { schema } from '@/lib/editor/schema';
import { demoReviewer } from '../support/demo-reviewer';

let userId: string;
let workspaceId: string;

beforeAll(async () => {
  ({ userId, workspaceId } = await demoReviewer());
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** The steps route over the authority: what a browser's fetch would get. */
function server(opts: { down?: () => boolean; beforeCommit?: () => void; loseResponse?: () => boolean } = {}) {
  const requests: number[] = [];
  const fetchStub = async (url: string, init?: RequestInit) => {
    if (opts.down?.()) throw new TypeError('fetch failed');
    const u = new URL(url, 'http://localhost');
    const id = u.pathname.split('/')[3]!;
    if (init?.method === 'POST' && u.pathname.endsWith('/steps')) {
      const body = JSON.parse(String(init.body));
      requests.push(body.steps.length);
      opts.beforeCommit?.();
      try {
        const result = await receiveSteps({ documentId: id, userId, version: body.version, clientID: body.clientID, steps: body.steps });
        // The server committed, but the answer never arrives (the connection dropped).
        if (opts.loseResponse?.()) throw new TypeError('network connection was lost');
        return Response.json(result);
      } catch (e) {
        if (e instanceof AppError) return Response.json({ error: { code: e.code, message: e.message, ...e.details } }, { status: e.status });
        throw e;
      }
    }
    if (u.pathname.endsWith('/steps')) return Response.json(await stepsSince(id, Number(u.searchParams.get('since'))));
    if (u.pathname.endsWith('/presence')) return new Response(null, { status: 204 });
    throw new Error(`unexpected request ${url}`);
  };
  vi.stubGlobal('fetch', fetchStub);
  return { requests };
}

async function editor(documentId: string) {
  const { doc, version } = await currentDocument(documentId);
  let state = EditorState.create({ doc: schema.nodeFromJSON(doc), plugins: [collab({ version, clientID: `c-${Math.random()}` })] });
  const saves: SaveState[] = [];
  const connection = new CollabConnection({
    documentId,
    live: false,
    getState: () => state,
    dispatch: (tr: Transaction) => void (state = state.apply(tr)),
    onSaveState: (s) => saves.push(s),
  });
  return {
    connection,
    saves,
    get state() {
      return state;
    },
    type(text: string, at?: number) {
      for (const ch of text) {
        const pos = at ?? state.doc.content.size - 1;
        state = state.apply(state.tr.insertText(ch, pos));
        if (at !== undefined) at += ch.length;
      }
    },
  };
}

async function newDocument(text: string) {
  return (await createDocument({ userId, workspaceId, title: 'Connection', language: 'de', format: 'text', article: { doc: textToDoc(text), meta: {}, comments: [] } })).id;
}

describe('CollabConnection', () => {
  it('sends 1,234 steps typed offline in requests the server accepts, in order, until all are saved', async () => {
    const id = await newDocument('Anfang.');
    const { requests } = server();
    const e = await editor(id);
    e.type('x'.repeat(1234));
    expect(sendableSteps(e.state)!.steps).toHaveLength(1234);
    await e.connection.flush();
    expect(requests).toEqual([MAX_STEPS_PER_REQUEST, MAX_STEPS_PER_REQUEST, 234]);
    expect(sendableSteps(e.state)).toBeNull();
    expect((await currentDocument(id)).doc).toEqual(e.state.doc.toJSON());
    expect(e.saves.at(-1)).toEqual({ kind: 'saved' });
  });

  it('answers a 409 by fetching the newer steps, rebasing and resending', async () => {
    const id = await newDocument('Die NATO antwortet.');
    const { requests } = server();
    const a = await editor(id);
    const b = await editor(id);
    b.type('Eilmeldung: ', 1);
    await b.connection.flush();
    a.type(' Heute.');
    await a.connection.flush();
    // B receives what A saved, as its stream would bring it.
    const since = await stepsSince(id, getVersion(b.state));
    b.connection.history.confirm(getVersion(b.state), since.steps.map((j) => Step.fromJSON(schema, j)));
    const rebased = receiveTransaction(b.state, since.steps.map((j) => Step.fromJSON(schema, j)), since.clientIDs);
    const bState = b.state.apply(rebased);
    expect(a.state.doc.textContent).toBe('Eilmeldung: Die NATO antwortet. Heute.');
    // B's twelve steps, then A's seven twice: refused as behind (409), then sent again rebased.
    expect(requests).toEqual([12, 7, 7]);
    expect(bState.doc.eq(a.state.doc)).toBe(true);
    expect((await currentDocument(id)).doc).toEqual(a.state.doc.toJSON());
  });

  it('stops and says what to do when the server refuses a step; nothing more is sent', async () => {
    const id = await newDocument('Text.');
    const { requests } = server();
    const e = await editor(id);
    e.type('a');
    // The server refuses the step (as it refuses any step its schema does not allow).
    vi.stubGlobal('fetch', async () => Response.json({ error: { code: 'invalid:step', message: 'Step 1 does not apply' } }, { status: 400 }));
    await expect(e.connection.flush()).rejects.toThrow(/could not be saved/);
    expect(e.saves.at(-1)).toMatchObject({ kind: 'error' });
    e.type('b');
    e.connection.schedule();
    expect(requests).toHaveLength(0);
  });

  it('backs off while the network is down and saves everything once it is back', async () => {
    vi.useFakeTimers();
    const id = await newDocument('Offline.');
    let down = true;
    server({ down: () => down });
    const e = await editor(id);
    e.type('abc');
    e.connection.schedule();
    await vi.advanceTimersByTimeAsync(0);
    const offline = e.saves.filter((s) => s.kind === 'offline');
    expect(offline.length).toBeGreaterThan(0);
    // Three keystrokes in one place: one change waiting, not three.
    expect(offline[0]).toMatchObject({ unsent: 1 });
    await vi.advanceTimersByTimeAsync(5_000);
    const retries = e.saves.filter((s) => s.kind === 'offline').map((s) => (s as { retryInMs: number }).retryInMs);
    // Each wait is longer than the one before (exponential, with jitter of ±25 %).
    expect(retries.length).toBeGreaterThan(1);
    expect(retries[1]!).toBeGreaterThan(retries[0]! * 0.9);
    down = false;
    e.type('def');
    await vi.advanceTimersByTimeAsync(31_000);
    expect(sendableSteps(e.state)).toBeNull();
    expect((await currentDocument(id)).doc).toEqual(e.state.doc.toJSON());
    expect(e.state.doc.textContent).toBe('Offline.abcdef');
  });

  it('never scrambles text when the connection drops after the server committed a request', async () => {
    const id = await newDocument('Satz.');
    let lose = true;
    server({ loseResponse: () => lose });
    const e = await editor(id);
    e.type('E');
    e.connection.schedule();
    await new Promise((r) => setTimeout(r, 0));
    // The answer was lost; the user goes on typing while the retry waits.
    lose = false;
    e.type('in neuer Absatz.');
    await e.connection.flush(60_000).catch(() => undefined);
    // The retry timer may still be waiting: let it run.
    for (let i = 0; i < 50 && sendableSteps(e.state); i++) await new Promise((r) => setTimeout(r, 100));
    expect(sendableSteps(e.state)).toBeNull();
    expect(e.state.doc.textContent).toBe('Satz.Ein neuer Absatz.');
    expect((await currentDocument(id)).doc).toEqual(e.state.doc.toJSON());
  }, 20_000);
});
