/**
 * The review workflow's rules as pure functions: which claim and document transitions
 * exist, from which states, for whom, and what each needs. The server enforces them
 * (lib/workflow/commands.ts); the browser calls the same functions to show only the
 * buttons that will work. No database code here, so components can import it.
 */
import type { ClaimStatus, DocumentStatus, Role } from '@/db/enums';
import { refusal } from '../permissions';

export const CLAIM_ACTIONS = ['start', 'propose', 'approve', 'request_changes', 'dismiss', 'restore'] as const;
export type ClaimAction = (typeof CLAIM_ACTIONS)[number];

export const DOCUMENT_ACTIONS = ['submit', 'sign_off', 'reopen'] as const;
export type DocumentAction = (typeof DOCUMENT_ACTIONS)[number];

/** Button labels, shared by the UI and the refusal messages. */
export const CLAIM_ACTION_LABELS: Record<ClaimAction, string> = {
  start: 'Start checking',
  propose: 'Propose verdict',
  approve: 'Approve verdict',
  request_changes: 'Request changes',
  dismiss: 'Dismiss',
  restore: 'Restore',
};

export const DOCUMENT_ACTION_LABELS: Record<DocumentAction, string> = {
  submit: 'Submit for review',
  sign_off: 'Sign off',
  reopen: 'Reopen',
};

/** What a claim transition needs to know about the claim. */
export interface ClaimWorkflowState {
  status: ClaimStatus;
  verdict: string | null;
  rationale: string | null;
  sourceCount: number;
  proposedBy: string | null;
  lastChangedBy: string | null;
}

/** A refused transition: the HTTP status, the error code and a sentence saying why. */
export interface Refusal {
  status: 400 | 403 | 409 | 423;
  code: 'forbidden' | 'forbidden:four_eyes' | 'conflict:state' | 'invalid:body' | 'locked';
  message: string;
}

const CLAIM_FROM: Record<ClaimAction, readonly ClaimStatus[]> = {
  start: ['open'],
  propose: ['open', 'in_progress'],
  approve: ['proposed'],
  request_changes: ['proposed', 'approved'],
  dismiss: ['open', 'in_progress', 'proposed', 'approved'],
  restore: ['dismissed'],
};

/** Actions that need a comment (the change request, the dismissal reason). */
export const CLAIM_ACTIONS_NEEDING_COMMENT: readonly ClaimAction[] = ['request_changes', 'dismiss'];

const STATUS_WORDS: Record<ClaimStatus, string> = {
  open: 'open',
  in_progress: 'in progress',
  proposed: 'proposed',
  approved: 'approved',
  dismissed: 'dismissed',
};

/** The status a claim action leads to. */
export function claimTarget(action: ClaimAction, claim: Pick<ClaimWorkflowState, 'status'> & { assigneeId?: string | null }): ClaimStatus {
  switch (action) {
    case 'start':
      return 'in_progress';
    case 'propose':
      return 'proposed';
    case 'approve':
      return 'approved';
    case 'request_changes':
      return 'in_progress';
    case 'dismiss':
      return 'dismissed';
    case 'restore':
      return claim.assigneeId ? 'in_progress' : 'open';
  }
}

/** What a claim still lacks before its verdict can be proposed (empty when ready). */
export function missingForProposal(claim: ClaimWorkflowState): string[] {
  const missing: string[] = [];
  if (!claim.verdict) missing.push('a verdict');
  if (!claim.rationale?.trim()) missing.push('a rationale');
  if (claim.sourceCount < 1) missing.push('at least one source');
  return missing;
}

/**
 * Why `actor` may not take `action` on `claim` (in this order: role, lock, state,
 * requirements, four eyes), or null when the transition is allowed.
 */
export function claimRefusal(
  claim: ClaimWorkflowState,
  action: ClaimAction,
  actor: { id: string; role: Role },
  documentStatus: DocumentStatus,
  comment?: string | null,
): Refusal | null {
  const roleRefusal = refusal(actor.role, `claim:${action}`);
  if (roleRefusal) return { status: 403, code: 'forbidden', message: roleRefusal };
  if (documentStatus === 'signed_off') {
    return { status: 423, code: 'locked', message: 'This document is signed off and locked. An editor must reopen it before claims can change.' };
  }
  if (!CLAIM_FROM[action].includes(claim.status)) {
    return {
      status: 409,
      code: 'conflict:state',
      message: `“${CLAIM_ACTION_LABELS[action]}” is not possible while the claim is ${STATUS_WORDS[claim.status]}.`,
    };
  }
  if (action === 'propose') {
    const missing = missingForProposal(claim);
    if (missing.length) return { status: 409, code: 'conflict:state', message: `To propose a verdict the claim needs ${joinWords(missing)}.` };
  }
  if (CLAIM_ACTIONS_NEEDING_COMMENT.includes(action) && !comment?.trim()) {
    return {
      status: 400,
      code: 'invalid:body',
      message: action === 'dismiss' ? 'Say why the claim is dismissed, for example “not check-worthy”.' : 'Say what needs to change in a comment.',
    };
  }
  if (action === 'approve') {
    if (claim.proposedBy === actor.id) {
      return { status: 403, code: 'forbidden:four_eyes', message: 'You proposed this verdict, so someone else must approve it (four eyes).' };
    }
    if (claim.lastChangedBy === actor.id) {
      return { status: 403, code: 'forbidden:four_eyes', message: 'You made the last change to this verdict, so someone else must approve it (four eyes).' };
    }
  }
  return null;
}

/** The claim actions the actor may take now (for the UI). */
export function availableClaimActions(claim: ClaimWorkflowState, actor: { id: string; role: Role }, documentStatus: DocumentStatus): ClaimAction[] {
  return CLAIM_ACTIONS.filter((a) => claimRefusal(claim, a, actor, documentStatus, 'x') === null);
}

const DOCUMENT_FROM: Record<DocumentAction, DocumentStatus> = {
  submit: 'draft',
  sign_off: 'in_review',
  reopen: 'signed_off',
};

const DOCUMENT_TARGET: Record<DocumentAction, DocumentStatus> = {
  submit: 'in_review',
  sign_off: 'signed_off',
  reopen: 'draft',
};

export function documentTarget(action: DocumentAction): DocumentStatus {
  return DOCUMENT_TARGET[action];
}

/** A claim that keeps the document from being signed off. */
export interface SignoffBlocker {
  id: string;
  statement: string;
  status: ClaimStatus;
}

/** Claims that are neither approved nor dismissed. */
export function signoffBlockers<T extends { id: string; statement: string; status: ClaimStatus }>(claims: T[]): SignoffBlocker[] {
  return claims.filter((c) => c.status !== 'approved' && c.status !== 'dismissed').map((c) => ({ id: c.id, statement: c.statement, status: c.status }));
}

const DOCUMENT_STATUS_WORDS: Record<DocumentStatus, string> = { draft: 'a draft', in_review: 'in review', signed_off: 'signed off' };

/** Why the actor may not take the document action, or null. */
export function documentRefusal(
  documentStatus: DocumentStatus,
  action: DocumentAction,
  role: Role,
  blockers: SignoffBlocker[],
  reason?: string | null,
  /** Suggested corrections still pending: they block a sign-off like open claims. */
  pendingSuggestions = 0,
): Refusal | null {
  const roleRefusal = refusal(role, `document:${action}`);
  if (roleRefusal) return { status: 403, code: 'forbidden', message: roleRefusal };
  if (documentStatus !== DOCUMENT_FROM[action]) {
    return { status: 409, code: 'conflict:state', message: `“${DOCUMENT_ACTION_LABELS[action]}” is not possible while the document is ${DOCUMENT_STATUS_WORDS[documentStatus]}.` };
  }
  if (action === 'sign_off' && blockers.length) {
    return {
      status: 409,
      code: 'conflict:state',
      message: `${blockers.length === 1 ? 'One claim is' : `${blockers.length} claims are`} neither approved nor dismissed yet.`,
    };
  }
  if (action === 'sign_off' && pendingSuggestions > 0) {
    return {
      status: 409,
      code: 'conflict:state',
      message: `${pendingSuggestions === 1 ? 'One suggested correction is' : `${pendingSuggestions} suggested corrections are`} still pending: accept or reject ${pendingSuggestions === 1 ? 'it' : 'them'} first.`,
    };
  }
  if (action === 'reopen' && !reason?.trim()) {
    return { status: 400, code: 'invalid:body', message: 'Say why the document is reopened.' };
  }
  return null;
}

function joinWords(words: string[]) {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
