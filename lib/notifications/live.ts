/**
 * Wakes a user's open notification streams when something new is stored for them: in this
 * process, and on PostgreSQL in every other one (LISTEN/NOTIFY, lib/collab/bus.ts). Streams
 * also poll the database, so on SQLite notifications stored by another process arrive too.
 */
import { afterCommit } from '@/db';
import { busActive, handlers, relayWake } from '../collab/bus';

type Listener = () => void;
const globalForLive = globalThis as unknown as { factdeskInboxListeners?: Map<string, Set<Listener>> };
const listeners = (globalForLive.factdeskInboxListeners ??= new Map<string, Set<Listener>>());

/** Listens for a user's new notifications; returns the function that stops listening. */
export function onNotification(userId: string, listener: Listener): () => void {
  busActive(); // on PostgreSQL: this process hears of other processes' notifications from now on
  let set = listeners.get(userId);
  if (!set) listeners.set(userId, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (!set.size) listeners.delete(userId);
  };
}

/**
 * Wakes the streams of these users once the current transaction has committed (never after
 * a rollback); at once outside a transaction.
 */
export function wakeUsers(userIds: string[]): void {
  if (!userIds.length) return;
  afterCommit(() => {
    wakeHere(userIds);
    relayWake(userIds);
  });
}

function wakeHere(userIds: string[]): void {
  for (const id of userIds) for (const listener of listeners.get(id) ?? []) listener();
}

handlers.wake = wakeHere;
