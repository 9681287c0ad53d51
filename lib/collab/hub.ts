/**
 * The fan-out of live document events to this process's streams. The database stays the
 * authority: a "steps" notice only tells streams to read the new steps from the database, and
 * every stream also polls the stored version once a second.
 *
 * On PostgreSQL every event is also relayed to the other processes (LISTEN/NOTIFY, ./bus.ts)
 * and presence lives in a table, so any process serves any document. On SQLite events and
 * presence stay in this process (steps from another process on the same file arrive through
 * the poll).
 */
import type { PresenceRow } from '@/db/queries/presence';
import { busActive, enter, handlers, leaveDocument, move, people, relay } from './bus';

/** A person's place in a document, as other people see it (on PostgreSQL a row of the presence table). */
export type PresenceEntry = PresenceRow;

/** What streams hear about a document. */
export type HubEvent =
  /** Steps were accepted; `from` and the steps themselves let streams skip the database read. */
  | { type: 'steps'; from?: number; steps?: unknown[]; clientIDs?: string[] }
  | { type: 'claim'; claim: unknown; version: number; moved: boolean }
  | { type: 'claim-deleted'; id: string }
  /** The document's review status changed (submitted, signed off, reopened). */
  | { type: 'document'; status: string; revision: number }
  /** A claim's comments changed: clients showing them fetch them again. */
  | { type: 'comments'; claimId: string }
  /** A suggested correction's note or comment thread changed: cards showing it fetch it again. */
  | { type: 'suggestion'; suggestionId: string }
  | { type: 'presence'; entries: PresenceEntry[] };

type Listener = (event: HubEvent) => void;

interface Room {
  listeners: Set<Listener>;
  /** SQLite: everyone in the document. PostgreSQL: the sessions whose streams are open here (the table has everyone). */
  presence: Map<string, PresenceEntry>;
}

const globalForHub = globalThis as unknown as { factdeskRooms?: Map<string, Room>; factdeskStreams?: Map<string, number> };
const rooms = (globalForHub.factdeskRooms ??= new Map<string, Room>());
const streamsByUser = (globalForHub.factdeskStreams ??= new Map<string, number>());

/** Most event streams one user may hold open in one process (tabs, devices). */
export const MAX_STREAMS_PER_USER = 12;

export { colorFor } from './colors';

function room(documentId: string): Room {
  let r = rooms.get(documentId);
  if (!r) rooms.set(documentId, (r = { listeners: new Set(), presence: new Map() }));
  return r;
}

/** Tells every stream of the document in this process about an event. */
function deliver(documentId: string, event: HubEvent): void {
  for (const listener of rooms.get(documentId)?.listeners ?? []) listener(event);
}

/** Tells every stream of the document about an event (after the change is committed), in every process. */
export function publish(documentId: string, event: HubEvent): void {
  deliver(documentId, event);
  relay(documentId, event);
}

// What the bus delivers from other processes, and what it vouches for.
handlers.deliver = deliver;
handlers.documents = () => [...rooms].filter(([, r]) => r.listeners.size > 0).map(([id]) => id);
handlers.sessions = () => [...rooms].flatMap(([documentId, r]) => [...r.presence.values()].map((e) => ({ documentId, sessionId: e.sessionId, userId: e.userId, name: e.name, color: e.color })));

/** Listens to a document's events; returns the function that stops listening. */
export function subscribe(documentId: string, listener: Listener): () => void {
  busActive(); // on PostgreSQL: this process listens for the others' events from now on
  const r = room(documentId);
  r.listeners.add(listener);
  return () => {
    r.listeners.delete(listener);
    if (r.listeners.size === 0 && r.presence.size === 0) rooms.delete(documentId);
  };
}

/** Counts a user's open stream; false when the user already has too many. */
export function acquireStream(userId: string): boolean {
  const n = streamsByUser.get(userId) ?? 0;
  if (n >= MAX_STREAMS_PER_USER) return false;
  streamsByUser.set(userId, n + 1);
  return true;
}

/** Releases a stream counted by acquireStream. */
export function releaseStream(userId: string): void {
  const n = (streamsByUser.get(userId) ?? 1) - 1;
  if (n <= 0) streamsByUser.delete(userId);
  else streamsByUser.set(userId, n);
}

/** The people in a document. */
export async function presenceOf(documentId: string): Promise<PresenceEntry[]> {
  if (busActive()) return people(documentId);
  return localPresence(documentId);
}

function localPresence(documentId: string): PresenceEntry[] {
  return [...(rooms.get(documentId)?.presence.values() ?? [])];
}

/**
 * A stream's session enters the document (with no caret yet) and everyone is told; false
 * (nothing changed) when the session id is already another user's.
 */
export async function enterDocument(documentId: string, entry: Omit<PresenceEntry, 'lastSeen' | 'selection'>): Promise<boolean> {
  const r = room(documentId);
  const mine = r.presence.get(entry.sessionId);
  if (mine && mine.userId !== entry.userId) return false;
  const fresh: PresenceEntry = { ...entry, selection: null, lastSeen: Date.now() };
  if (busActive()) {
    if (!(await enter(documentId, entry))) return false;
    r.presence.set(entry.sessionId, fresh);
    return true;
  }
  r.presence.set(entry.sessionId, fresh);
  deliver(documentId, { type: 'presence', entries: localPresence(documentId) });
  return true;
}

/**
 * Moves the caret of a session that has an open stream of this user in this document;
 * false (nothing changed) for any other session: nobody can post presence for someone
 * else's session, and entries exist only while their stream is open (no growth without
 * bound, at most MAX_STREAMS_PER_USER per user).
 */
export async function moveOwnCaret(documentId: string, userId: string, sessionId: string, selection: PresenceEntry['selection']): Promise<boolean> {
  // On PostgreSQL the stream may be open in another process: the table knows.
  if (busActive()) return move(documentId, userId, sessionId, selection);
  const r = rooms.get(documentId);
  const entry = r?.presence.get(sessionId);
  if (!r || !entry || entry.userId !== userId) return false;
  r.presence.set(sessionId, { ...entry, selection, lastSeen: Date.now() });
  deliver(documentId, { type: 'presence', entries: localPresence(documentId) });
  return true;
}

/** Removes a session's presence (its stream closed) and tells everyone. */
export async function leave(documentId: string, sessionId: string): Promise<void> {
  const r = rooms.get(documentId);
  if (!r?.presence.delete(sessionId)) return;
  if (r.listeners.size === 0 && r.presence.size === 0) rooms.delete(documentId);
  if (busActive()) await leaveDocument(documentId, sessionId);
  else deliver(documentId, { type: 'presence', entries: localPresence(documentId) });
}
