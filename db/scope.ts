/**
 * The open transaction of the current async context, shared by both engines (db/index.ts on
 * SQLite, db/pg-engine.ts on PostgreSQL): afterCommit hooks, the nested-transaction guard and
 * `lockForUpdate` read it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface TxState {
  hooks: (() => void)[];
  open: boolean;
  dialect: 'sqlite' | 'postgresql';
}
// On globalThis: Next bundles route handlers and pages separately, and a module copied into
// two bundles must still see the one transaction that is open.
const globalForTx = globalThis as unknown as { factdeskTx?: AsyncLocalStorage<TxState> };
export const transactionScope = (globalForTx.factdeskTx ??= new AsyncLocalStorage<TxState>());
