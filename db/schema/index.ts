/**
 * The schema every query imports. Two files describe one data model: db/schema/sqlite.ts
 * (the embedded default, whose types every query is written against) and db/schema/pg.ts
 * (PostgreSQL: the same tables, columns, keys and indexes with PostgreSQL's own types and the
 * same JavaScript types; tests/unit/schema-parity.test.ts keeps them in step). A process
 * runs on one engine, chosen by `DATABASE_URL` (postgres://…) as in db/index.ts: its tables
 * are the ones exported here, typed as SQLite's.
 */
import * as pg from './pg';
import * as sqlite from './sqlite';

export * from '../enums';
export type { ClaimRow, CommentRow, DocumentRow, EventRow, Invitation, Membership, NotificationRow, Publication, SignoffRow, SourceRow, StepRow, SuggestionRow, User, Workspace } from './sqlite';

/** Whether this process runs on PostgreSQL. */
export const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

const tables = (onPostgres ? pg : sqlite) as unknown as typeof sqlite;
export const {
  users,
  sessions,
  workspaces,
  memberships,
  invitations,
  documents,
  documentSnapshots,
  steps,
  events,
  claims,
  sources,
  comments,
  signoffs,
  publications,
  notifications,
  verdictLabels,
  checkworthyDismissals,
  claimLinks,
  suggestions,
  suggestionComments,
} = tables;
