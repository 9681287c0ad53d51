/**
 * Fan-out across processes on PostgreSQL, with LISTEN/NOTIFY. A process that commits steps, a
 * claim, a comment, a document status or a presence change sends a small notification on the
 * channel `factdesk` (ids and versions, never content: far below the 8,000-byte limit); every
 * process listens on a connection of its own and turns each notification into the same hub
 * event its own streams would get, reading what changed from the tables. So any process serves
 * any document: no sticky sessions.
 *
 * Presence lives in the `presence` table (db/queries/presence.ts): each process vouches for its
 * open streams every 10 s, rows nobody vouched for in 30 s expire (a killed process's carets
 * vanish within 30–40 s).
 *
 * On SQLite none of this runs: the in-process hub and the streams' one-second version poll do
 * the work (other processes on the same file reach clients through that poll).
 */
import { randomUUID } from 'node:crypto';
import { getEngine } from '@/db';
import type { PgEngine } from '@/db/pg-engine';
import { getClaimWithSources } from '@/db/queries/claims';
import { getDocumentCollabState, getStepsSince } from '@/db/queries/documents';
import { enterPresence, expirePresence, leavePresence, movePresence, presenceInDocument, touchPresence, type PresenceRow, type PresenceSession } from '@/db/queries/presence';
import { serializeClaim } from '../claims/serialize';
import type { HubEvent } from './hub';

export const CHANNEL = 'factdesk';
const HEARTBEAT_MS = 10_000;
/** Payloads stay below this (PostgreSQL refuses 8,000 bytes and more). */
const MAX_PAYLOAD = 7000;

/** What travels between processes. `o` is the sending process (it has delivered the event already). */
type Notice =
  /** Steps from version `f` to version `v` were stored. */
  | { t: 'steps'; d: string; f: number; v: number }
  | { t: 'claim'; d: string; id: string; m: boolean }
  | { t: 'claim-deleted'; d: string; id: string }
  | { t: 'document'; d: string }
  | { t: 'comments'; d: string; id: string }
  | { t: 'suggestion'; d: string; id: string }
  | { t: 'presence'; d: string }
  | { t: 'inbox'; u: string[] };

/** What the hub and the inbox give the bus, to deliver in this process. */
export interface BusHandlers {
  deliver?: (documentId: string, event: HubEvent) => void;
  /** Documents with open streams here. */
  documents?: () => string[];
  /** Sessions with open streams here. */
  sessions?: () => PresenceSession[];
  wake?: (userIds: string[]) => void;
}

interface BusState {
  engine: PgEngine;
  origin: string;
  stop: () => void;
  heartbeat: NodeJS.Timeout;
  /** Presence reads in flight, per document, and whether another was asked for meanwhile. */
  refreshing: Map<string, { again: boolean }>;
}

const g = globalThis as unknown as { factdeskBus?: BusState; factdeskBusHandlers?: BusHandlers };
export const handlers: BusHandlers = (g.factdeskBusHandlers ??= {});

/** The PostgreSQL engine with this process listening on it, or null on SQLite. */
function bus(): BusState | null {
  const engine = getEngine();
  if (engine.dialect !== 'postgresql') return null;
  if (g.factdeskBus?.engine === engine) return g.factdeskBus;
  g.factdeskBus?.stop();
  if (g.factdeskBus) clearInterval(g.factdeskBus.heartbeat);
  const state: BusState = {
    engine,
    origin: randomUUID(),
    stop: () => undefined,
    heartbeat: setInterval(() => void heartbeat(state), HEARTBEAT_MS),
    refreshing: new Map(),
  };
  state.heartbeat.unref();
  state.stop = engine.listen(CHANNEL, (payload) => void receive(state, payload), () => caughtUp(state));
  g.factdeskBus = state;
  return state;
}

/** Whether this process runs on PostgreSQL (and listens there). */
export function busActive(): boolean {
  return bus() !== null;
}

function send(state: BusState, notice: Notice): void {
  state.engine.notify(CHANNEL, JSON.stringify({ ...notice, o: state.origin })).catch((e: unknown) => console.error('[factdesk] notify failed', e));
}

/** Tells the other processes about an event this process has delivered to its own streams. */
export function relay(documentId: string, event: HubEvent): void {
  const state = bus();
  if (!state) return;
  const notice = noticeOf(documentId, event);
  if (notice) send(state, notice);
}

function noticeOf(d: string, event: HubEvent): Notice | null {
  switch (event.type) {
    case 'steps':
      return { t: 'steps', d, f: event.from ?? 0, v: (event.from ?? 0) + (event.steps?.length ?? 0) };
    case 'claim':
      return { t: 'claim', d, id: (event.claim as { id: string }).id, m: event.moved };
    case 'claim-deleted':
      return { t: 'claim-deleted', d, id: event.id };
    case 'document':
      return { t: 'document', d };
    case 'comments':
      return { t: 'comments', d, id: event.claimId };
    case 'suggestion':
      return { t: 'suggestion', d, id: event.suggestionId };
    case 'presence':
      return null; // presence writes notify in their own statement
  }
}

/** Wakes these users' inbox streams in the other processes. */
export function relayWake(userIds: string[]): void {
  const state = bus();
  if (!state || !userIds.length) return;
  let batch: string[] = [];
  let size = 0;
  for (const id of userIds) {
    if (size + id.length + 3 > MAX_PAYLOAD - 100 && batch.length) {
      send(state, { t: 'inbox', u: batch });
      batch = [];
      size = 0;
    }
    batch.push(id);
    size += id.length + 3;
  }
  send(state, { t: 'inbox', u: batch });
}

async function receive(state: BusState, payload: string): Promise<void> {
  let notice: Notice & { o?: string };
  try {
    notice = JSON.parse(payload) as Notice & { o?: string };
  } catch {
    return;
  }
  try {
    if (notice.t === 'inbox') {
      if (notice.o !== state.origin) handlers.wake?.(notice.u);
      return;
    }
    if (!handlers.documents?.().includes(notice.d)) return;
    if (notice.t === 'presence') return await refreshPresence(state, notice.d);
    if (notice.o === state.origin) return;
    const deliver = (event: HubEvent) => handlers.deliver?.(notice.d, event);
    if (notice.t === 'steps') deliver(await stepsEvent(notice.d, notice.f, notice.v));
    else if (notice.t === 'claim-deleted') deliver({ type: 'claim-deleted', id: notice.id });
    else if (notice.t === 'comments') deliver({ type: 'comments', claimId: notice.id });
    else if (notice.t === 'suggestion') deliver({ type: 'suggestion', suggestionId: notice.id });
    else if (notice.t === 'claim') {
      const [claim, document] = await Promise.all([getClaimWithSources(notice.id), getDocumentCollabState(notice.d)]);
      if (claim && document && claim.documentId === notice.d) deliver({ type: 'claim', claim: serializeClaim(claim), version: document.version, moved: notice.m });
    } else if (notice.t === 'document') {
      const document = await getDocumentCollabState(notice.d);
      if (document) deliver({ type: 'document', status: document.status, revision: document.revision });
    }
  } catch (e) {
    console.error('[factdesk] could not pass on a notification from another process', e);
  }
}

/**
 * The steps another process stored, read once for all of this process's streams of the
 * document: those at version `from` send them as they are, without a read of their own (the
 * others read what they miss, in order, as always).
 */
async function stepsEvent(documentId: string, from: number, to: number): Promise<HubEvent> {
  if (!(to > from) || to - from > 1000) return { type: 'steps' };
  const rows = (await getStepsSince(documentId, from)).filter((r) => r.version <= to);
  if (rows.length !== to - from) return { type: 'steps' };
  return { type: 'steps', from, steps: rows.map((r) => r.step), clientIDs: rows.map((r) => r.clientId) };
}

/** After (re)connecting: what was sent meanwhile is read from the tables. */
function caughtUp(state: BusState): void {
  for (const d of handlers.documents?.() ?? []) {
    handlers.deliver?.(d, { type: 'steps' });
    void refreshPresence(state, d);
  }
}

/** Reads a document's presence and delivers it here; one read at a time per document. */
async function refreshPresence(state: BusState, documentId: string): Promise<void> {
  const running = state.refreshing.get(documentId);
  if (running) {
    running.again = true;
    return;
  }
  const mark = { again: true };
  state.refreshing.set(documentId, mark);
  try {
    while (mark.again) {
      mark.again = false;
      const entries = await presenceInDocument(state.engine, documentId);
      handlers.deliver?.(documentId, { type: 'presence', entries });
    }
  } catch (e) {
    console.error('[factdesk] could not read presence', e);
  } finally {
    state.refreshing.delete(documentId);
  }
}

async function heartbeat(state: BusState): Promise<void> {
  try {
    await touchPresence(state.engine, handlers.sessions?.() ?? []);
    for (const d of await expirePresence(state.engine)) send(state, { t: 'presence', d });
  } catch (e) {
    console.error('[factdesk] presence heartbeat failed', e);
  }
}

/** A stream's session enters the document (PostgreSQL); false when the id is someone else's. */
export async function enter(documentId: string, entry: Omit<PresenceRow, 'lastSeen' | 'selection'>): Promise<boolean> {
  const state = bus()!;
  return enterPresence(state.engine, { documentId, ...entry }, CHANNEL, JSON.stringify({ t: 'presence', d: documentId, o: state.origin }));
}

/** Moves the caret of the user's own session (PostgreSQL); false when it has no open stream. */
export async function move(documentId: string, userId: string, sessionId: string, selection: PresenceRow['selection']): Promise<boolean> {
  const state = bus()!;
  return movePresence(state.engine, { documentId, sessionId, userId }, selection, CHANNEL, JSON.stringify({ t: 'presence', d: documentId, o: state.origin }));
}

/** The session's stream closed (PostgreSQL). */
export async function leaveDocument(documentId: string, sessionId: string): Promise<void> {
  const state = bus()!;
  await leavePresence(state.engine, documentId, sessionId, CHANNEL, JSON.stringify({ t: 'presence', d: documentId, o: state.origin }));
}

/** The people in a document (PostgreSQL). */
export async function people(documentId: string): Promise<PresenceRow[]> {
  return presenceInDocument(bus()!.engine, documentId);
}
