/**
 * Presence across processes, on PostgreSQL only (on SQLite it lives in the process's memory,
 * lib/collab/hub.ts): the `presence` table of db/migrations/pg/0004_presence.sql. Each write
 * sends its notification in the same statement, so every process hears of it once it is stored.
 * Raw SQL on the engine's pool: the table is PostgreSQL's own, not part of the shared schema.
 */
import type { PgEngine } from '../pg-engine';

/** A row nobody has vouched for in this long is gone (its process died or lost its database). */
export const PRESENCE_TTL_SECONDS = 30;

/** A person's place in a document, as other people see it. */
export interface PresenceRow {
  sessionId: string;
  userId: string;
  name: string;
  color: string;
  /** Selection at `version` (anchor = head for a caret); null before the first report. */
  selection: { anchor: number; head: number; version: number } | null;
  lastSeen: number;
}

/** A stream's session in a document, without its caret. */
export interface PresenceSession {
  documentId: string;
  sessionId: string;
  userId: string;
  name: string;
  color: string;
}

/**
 * Runs one change of the presence table (a data-modifying statement that RETURNs a row per
 * row changed, with its parameters from $3 on) and, in the same statement, notifies `channel`
 * with `payload` when it changed anything; whether it did.
 */
async function changeAndNotify(engine: PgEngine, change: string, params: unknown[], channel: string, payload: string): Promise<boolean> {
  await engine.ready;
  const r = await engine.pool.query(`WITH changed AS (${change}) SELECT pg_notify($1, $2) FROM changed`, [channel, payload, ...params]);
  return (r.rowCount ?? 0) > 0;
}

/**
 * Adds a stream's session to a document, or takes it over again after a reconnect; refused
 * (false) when the session id belongs to another user or another document.
 */
export function enterPresence(engine: PgEngine, entry: PresenceSession, channel: string, payload: string): Promise<boolean> {
  return changeAndNotify(
    engine,
    `INSERT INTO presence (session_id, document_id, user_id, name, color, selection, seen_at)
     VALUES ($3, $4, $5, $6, $7, NULL, now())
     ON CONFLICT (session_id) DO UPDATE SET name = excluded.name, color = excluded.color, selection = NULL, seen_at = now()
       WHERE presence.user_id = excluded.user_id AND presence.document_id = excluded.document_id
     RETURNING 1`,
    [entry.sessionId, entry.documentId, entry.userId, entry.name, entry.color],
    channel,
    payload,
  );
}

/** Moves the caret of the user's own session in the document; false when there is none. */
export function movePresence(engine: PgEngine, where: Omit<PresenceSession, 'name' | 'color'>, selection: PresenceRow['selection'], channel: string, payload: string): Promise<boolean> {
  return changeAndNotify(
    engine,
    'UPDATE presence SET selection = $6::jsonb, seen_at = now() WHERE session_id = $3 AND document_id = $4 AND user_id = $5 RETURNING 1',
    [where.sessionId, where.documentId, where.userId, selection ? JSON.stringify(selection) : null],
    channel,
    payload,
  );
}

/** Removes a session (its stream closed). */
export async function leavePresence(engine: PgEngine, documentId: string, sessionId: string, channel: string, payload: string): Promise<void> {
  await changeAndNotify(engine, 'DELETE FROM presence WHERE session_id = $3 AND document_id = $4 RETURNING 1', [sessionId, documentId], channel, payload);
}

/** The people in a document whose process vouched for them in the last PRESENCE_TTL_SECONDS. */
export async function presenceInDocument(engine: PgEngine, documentId: string): Promise<PresenceRow[]> {
  await engine.ready;
  const r = await engine.pool.query<{ session_id: string; user_id: string; name: string; color: string; selection: PresenceRow['selection']; seen: number }>(
    `SELECT session_id, user_id, name, color, selection, (extract(epoch FROM seen_at) * 1000)::float8 AS seen
     FROM presence WHERE document_id = $1 AND seen_at > now() - make_interval(secs => $2) ORDER BY seen_at, session_id`,
    [documentId, PRESENCE_TTL_SECONDS],
  );
  return r.rows.map((row) => ({ sessionId: row.session_id, userId: row.user_id, name: row.name, color: row.color, selection: row.selection, lastSeen: Number(row.seen) }));
}

/**
 * This process still holds these sessions' streams open: their rows are vouched for, and put
 * back (without a caret) where a stream of the same session closing elsewhere removed them.
 */
export async function touchPresence(engine: PgEngine, sessions: PresenceSession[]): Promise<void> {
  if (!sessions.length) return;
  await engine.ready;
  await engine.pool.query(
    `INSERT INTO presence (session_id, document_id, user_id, name, color, seen_at)
     SELECT * , now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
     ON CONFLICT (session_id) DO UPDATE SET seen_at = now()
       WHERE presence.user_id = excluded.user_id AND presence.document_id = excluded.document_id`,
    [sessions.map((s) => s.sessionId), sessions.map((s) => s.documentId), sessions.map((s) => s.userId), sessions.map((s) => s.name), sessions.map((s) => s.color)],
  );
}

/** Deletes the sessions nobody vouched for; returns the documents that lost someone. */
export async function expirePresence(engine: PgEngine): Promise<string[]> {
  await engine.ready;
  const r = await engine.pool.query<{ document_id: string }>(
    'DELETE FROM presence WHERE seen_at <= now() - make_interval(secs => $1) RETURNING document_id',
    [PRESENCE_TTL_SECONDS],
  );
  return [...new Set(r.rows.map((row) => row.document_id))];
}
