/**
 * The PostgreSQL schema: the same tables, columns, keys and indexes as db/schema/sqlite.ts,
 * with PostgreSQL's own types (timestamptz for times, boolean, json, identity columns), and
 * the same JavaScript types for every column, so that one query serves both engines.
 * tests/unit/schema-parity.test.ts keeps the two in step. Migrations in db/migrations/pg are
 * generated from this file by `npm run db:generate`.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, json, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { CLAIM_STATUSES, DOCUMENT_STATUSES, EMAIL_MODES, NOTIFICATION_KINDS, ROLES, SOURCE_KINDS, SOURCE_STANCES, SUGGESTION_KINDS, SUGGESTION_STATUSES, VERDICTS } from '../enums';


const id = () =>
  text('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 })
    .notNull()
    .defaultNow()
    .$defaultFn(() => new Date());


export const users = pgTable('users', {
  id: id(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** Set when an admin reset the password: the user must choose a new one before anything else. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  /** The interface language the user chose (en, de, es); null: the browser's. */
  locale: text('locale'),
  /** The user's IANA time zone; null: the browser's. */
  timeZone: text('time_zone'),
  /** E-mail about notifications: each at once, one daily digest, or none. */
  emailNotifications: text('email_notifications', { enum: EMAIL_MODES }).notNull().default('instant'),
  /** When the last daily digest went out. */
  digestSentAt: timestamp('digest_sent_at', { withTimezone: true, mode: 'date', precision: 3 }),
  createdAt: createdAt(),
});

/**
 * Signed-in sessions: the session cookie (a next-auth JWT) names one row, and a request is
 * signed in only while that row exists, is not revoked and has not expired. Sign-out,
 * a password change or reset revoke rows; streams check theirs every second.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date', precision: 3 }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const workspaces = pgTable('workspaces', {
  id: id(),
  name: text('name').notNull(),
  /** The organisation that publishes this desk's fact checks (ClaimReview author). */
  organisation: text('organisation').notNull(),
  /** Reviewers' edits of the text become suggestions (on for new workspaces; lib/suggestions). */
  reviewersSuggestOnly: boolean('reviewers_suggest_only').notNull().default(false),
  /** Nobody accepts their own suggested correction (on for new workspaces). */
  suggestionsFourEyes: boolean('suggestions_four_eyes').notNull().default(false),
  createdAt: createdAt(),
});

export const memberships = pgTable(
  'memberships',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.workspaceId] }), index('memberships_workspace_idx').on(t.workspaceId)],
);

/**
 * Invitations to a workspace, waiting for the invited person to accept after signing in.
 * Adding a member always makes one, whether or not the e-mail has an account, so the
 * answer never tells an admin who has an account (nor their name).
 */
export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    /** The name the admin typed (shown until the person joins under their own). */
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('invitations_workspace_email_idx').on(t.workspaceId, t.email), index('invitations_email_idx').on(t.email)],
);

export const documents = pgTable(
  'documents',
  {
    id: id(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** BCP 47 language tag of the article, e.g. `de`. */
    language: text('language').notNull(),
    sourceUrl: text('source_url'),
    /** Who wrote the article, as its source names them ("By Priya Raman"), when known. */
    byline: text('byline'),
    /** When the article was published (YYYY-MM-DD), when known. */
    publishedAt: text('published_at'),
    status: text('status', { enum: DOCUMENT_STATUSES }).notNull().default('draft'),
    /** Collaboration version: the number of steps applied since creation. */
    version: integer('version').notNull().default(0),
    revision: integer('revision').notNull().default(1),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    /** Set when a document is deleted: the row and its history are kept, the document is hidden. */
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date', precision: 3 }),
    /** Set when a document is archived: out of the list (unless asked for), still readable. */
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date', precision: 3 }),
  },
  (t) => [index('documents_workspace_idx').on(t.workspaceId, t.deletedAt), index('documents_workspace_updated_idx').on(t.workspaceId, t.updatedAt)],
);

/**
 * A snapshot of a document's content (ProseMirror JSON) at `version`. The current document
 * is this snapshot plus the steps after it (lib/collab/authority.ts loadCurrent); the
 * authority refreshes it every SNAPSHOT_INTERVAL versions. Kept out of `documents` so that
 * storing a new version rewrites a small row, not the whole article.
 */
export const documentSnapshots = pgTable('document_snapshots', {
  documentId: text('document_id')
    .primaryKey()
    .references(() => documents.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  doc: json('doc').notNull(),
});

/**
 * One row per accepted ProseMirror step. `version` is the document version the step
 * produced (1 for the first step). The primary key (document, version) is the authority:
 * two writers, even in two processes, can never both store version N+1.
 */
export const steps = pgTable(
  'steps',
  {
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    step: json('step').notNull(),
    clientId: text('client_id').notNull(),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.version] })],
);

/** Append-only audit log. A trigger (migration 0001) refuses UPDATE and DELETE. */
export const events = pgTable(
  'events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    workspaceId: text('workspace_id').notNull(),
    documentId: text('document_id'),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    before: json('before'),
    after: json('after'),
    createdAt: createdAt(),
  },
  (t) => [index('events_document_idx').on(t.documentId, t.id), index('events_subject_idx').on(t.subjectType, t.subjectId)],
);

/** Failed sign-in attempts, for rate limiting per email and per IP address. */


/**
 * A claim marked in a document. `from`/`to` are ProseMirror positions kept current by the
 * step authority in the same transaction as the steps; when all its text is deleted the
 * claim is `orphaned` (from = to = where the text was) and keeps its last quote.
 * `rowVersion` counts edits of the user-editable fields (not anchor moves).
 */
export const claims = pgTable(
  'claims',
  {
    id: id(),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    from: integer('from').notNull(),
    to: integer('to').notNull(),
    quoteExact: text('quote_exact').notNull(),
    quotePrefix: text('quote_prefix').notNull(),
    quoteSuffix: text('quote_suffix').notNull(),
    orphaned: boolean('orphaned').notNull().default(false),
    /** What undo may bring back to the claim (lib/claims/anchor.ts `Trail`), as JSON; null when nothing. */
    anchorTrail: json('anchor_trail').$type<import('../../lib/claims/anchor').Trail>(),
    statement: text('statement').notNull(),
    claimant: text('claimant'),
    claimDate: text('claim_date'),
    verdict: text('verdict', { enum: VERDICTS }),
    rationale: text('rationale'),
    tags: json('tags').$type<string[]>().notNull().default(sql`'[]'::json`),
    assigneeId: text('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: CLAIM_STATUSES }).notNull().default('open'),
    /** Who proposed the current verdict, and when (cleared when changes are requested). */
    proposedBy: text('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    proposedAt: timestamp('proposed_at', { withTimezone: true, mode: 'date', precision: 3 }),
    /** Who approved it (never the proposer nor the last to change it: four eyes). */
    approvedBy: text('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date', precision: 3 }),
    /** The last person to change the verdict, rationale, statement or sources. */
    lastChangedBy: text('last_changed_by').references(() => users.id, { onDelete: 'set null' }),
    /** Why the claim was dismissed, e.g. "not check-worthy". */
    dismissReason: text('dismiss_reason'),
    rowVersion: integer('row_version').notNull().default(1),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date', precision: 3 }),
  },
  (t) => [index('claims_document_idx').on(t.documentId, t.deletedAt)],
);


/** Evidence attached to a claim, kept in the order the reviewer gave them. */
export const sources = pgTable(
  'sources',
  {
    id: id(),
    claimId: text('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    url: text('url').notNull(),
    title: text('title'),
    publisher: text('publisher'),
    publishedAt: text('published_at'),
    accessedAt: text('accessed_at').notNull(),
    excerpt: text('excerpt'),
    kind: text('kind', { enum: SOURCE_KINDS }).notNull().default('other'),
    stance: text('stance', { enum: SOURCE_STANCES }).notNull().default('supports'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
  },
  (t) => [index('sources_claim_idx').on(t.claimId, t.position)],
);


/**
 * Comments on a claim. A comment without `parentId` opens a thread; replies point at it.
 * Threads are resolved and reopened on their first comment. Deleted comments keep their
 * row (and their audit events) with the body cleared.
 */
export const comments = pgTable(
  'comments',
  {
    id: id(),
    claimId: text('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    parentId: text('parent_id'),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    /** Ids of the members mentioned with @Name in the body. */
    mentions: json('mentions').$type<string[]>().notNull().default(sql`'[]'::json`),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date', precision: 3 }),
    resolvedBy: text('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    editedAt: timestamp('edited_at', { withTimezone: true, mode: 'date', precision: 3 }),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date', precision: 3 }),
  },
  (t) => [index('comments_claim_idx').on(t.claimId, t.createdAt), index('comments_document_idx').on(t.documentId)],
);

/**
 * One row per sign-off: the SHA-256 of the canonical JSON of the document, its claims and
 * their sources at that moment. Reopening fills the reopen columns; the row stays.
 */
export const signoffs = pgTable(
  'signoffs',
  {
    id: id(),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    hash: text('hash').notNull(),
    signedBy: text('signed_by').references(() => users.id, { onDelete: 'set null' }),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    reopenedBy: text('reopened_by').references(() => users.id, { onDelete: 'set null' }),
    reopenedAt: timestamp('reopened_at', { withTimezone: true, mode: 'date', precision: 3 }),
    reopenReason: text('reopen_reason'),
  },
  (t) => [index('signoffs_document_idx').on(t.documentId, t.revision)],
);

/**
 * Published reports: the report of a signed-off revision at a public address (`/r/:slug`,
 * an unguessable slug), as it was when published. Republishing after a new sign-off keeps
 * the slug; unpublishing removes the row (the address answers 404).
 */
export const publications = pgTable('publications', {
  documentId: text('document_id')
    .primaryKey()
    .references(() => documents.id, { onDelete: 'cascade' }),
  slug: text('slug').notNull().unique(),
  revision: integer('revision').notNull(),
  /** The report (lib/exports/report.ts `Report`) as published. */
  report: json('report').notNull(),
  publishedBy: text('published_by').references(() => users.id, { onDelete: 'set null' }),
  publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
});

/**
 * What a person should know about: one row per recipient of an audit event (a mention, an
 * assignment, a proposal to approve…). The wording comes from the event when it is read.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    eventId: integer('event_id')
      .notNull()
      .references(() => events.id),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date', precision: 3 }),
    /** When it went out by e-mail (or was taken for sending); null: not yet. */
    emailedAt: timestamp('emailed_at', { withTimezone: true, mode: 'date', precision: 3 }),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.id), index('notifications_mail_idx').on(t.emailedAt, t.userId)],
);

/** A workspace's own name for a verdict in one language ("Falsch" → "Frei erfunden"). */
export const verdictLabels = pgTable(
  'verdict_labels',
  {
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    locale: text('locale').notNull(),
    verdict: text('verdict', { enum: VERDICTS }).notNull(),
    label: text('label').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.locale, t.verdict] })],
);


/** Check-worthiness hints a reviewer dismissed for a document, by the sentence's key (lib/checkworthy/sentences.ts). */
export const checkworthyDismissals = pgTable(
  'checkworthy_dismissals',
  {
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    sentenceKey: text('sentence_key').notNull(),
    dismissedBy: text('dismissed_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.sentenceKey] })],
);

/** What reviewers said about a suggested earlier claim: the same claim (Reuse) or not the same. */
export const claimLinks = pgTable(
  'claim_links',
  {
    claimId: text('claim_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    otherId: text('other_id')
      .notNull()
      .references(() => claims.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['same', 'not_same'] }).notNull(),
    /** The similarity when it was decided (lib/claims/similarity.ts): the desk's decisions tune the threshold. */
    score: integer('score_permille').notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.otherId] }), index('claim_links_other_idx').on(t.otherId)],
);

/**
 * Suggested corrections (lib/suggestions): one row per suggestion id that appeared in a
 * document's text. The text itself holds the suggestion as marks; this row remembers who made
 * it and when, what it changes, and what became of it (accepted, rejected, withdrawn).
 */
export const suggestions = pgTable(
  'suggestions',
  {
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    /** The id in the marks: `<author id>:<random>`. */
    id: text('id').notNull(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: SUGGESTION_KINDS }).notNull(),
    /** The text it removes and adds (as it last stood in the document). */
    beforeText: text('before_text').notNull().default(''),
    afterText: text('after_text').notNull().default(''),
    status: text('status', { enum: SUGGESTION_STATUSES }).notNull().default('pending'),
    note: text('note'),
    createdAt: createdAt(),
    decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date', precision: 3 }),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.id] }), index('suggestions_status_idx').on(t.documentId, t.status)],
);

/** The comment thread of a suggested correction (flat: one comment after another). */
export const suggestionComments = pgTable(
  'suggestion_comments',
  {
    id: id(),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    suggestionId: text('suggestion_id').notNull(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('suggestion_comments_idx').on(t.documentId, t.suggestionId, t.createdAt)],
);
