/**
 * The enumerations of the data model, without any database code, so that browser
 * components can import them without pulling Drizzle into the bundle.
 */

/** Roles a member can hold in a workspace, from most to least powerful. */
export const ROLES = ['admin', 'editor', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Lifecycle of a document (see ARCHITECTURE.md, review workflow). */
export const DOCUMENT_STATUSES = ['draft', 'in_review', 'signed_off'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Verdict keys of the default scale (labels and ClaimReview numbers live in lib/claims/verdicts.ts). */
export const VERDICTS = ['true', 'mostly_true', 'half_true', 'mostly_false', 'false', 'misleading', 'needs_context', 'unverifiable', 'not_a_claim'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Review states of a claim (see ARCHITECTURE.md, review workflow). */
export const CLAIM_STATUSES = ['open', 'in_progress', 'proposed', 'approved', 'dismissed'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Suggested corrections (lib/suggestions): what they change and what became of them. */
export const SUGGESTION_KINDS = ['insert', 'delete', 'replace', 'format'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];
export const SUGGESTION_STATUSES = ['pending', 'accepted', 'rejected', 'withdrawn'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** Kinds and stances of sources. */
export const SOURCE_KINDS = ['primary', 'official', 'expert', 'media', 'dataset', 'other'] as const;
export const SOURCE_STANCES = ['supports', 'refutes', 'context'] as const;

/** How a user hears of notifications by e-mail. */
export const EMAIL_MODES = ['instant', 'daily', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

/** What a notification is about. */
export const NOTIFICATION_KINDS = ['mention', 'assignment', 'review_request', 'changes_requested', 'signed_off', 'reopened'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
