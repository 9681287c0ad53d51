/**
 * Audit events told as sentences a person reads in the activity feed and the claim
 * history ("Ben approved the verdict Needs context"). Pure, for the server and the browser.
 */
import type { Verdict } from '@/db/enums';
import { verdictLabel } from '../claims/verdicts';

/** An audit event as the history endpoints return it. */
export interface HistoryEvent {
  id: number;
  action: string;
  subjectType: string;
  subjectId: string;
  actorId: string | null;
  actorName: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
}

const FIELD_WORDS: Record<string, string> = {
  statement: 'the statement',
  claimant: 'the claimant',
  claimDate: 'the claim date',
  verdict: 'the verdict',
  rationale: 'the rationale',
  tags: 'the tags',
  assigneeId: 'the assignee',
  status: 'the status',
  quote: 'the quote',
  from: 'the position',
  to: 'the position',
  orphaned: 'the position',
  title: 'the title',
  language: 'the language',
  sourceUrl: 'the source URL',
};

function short(text: unknown, max = 60): string {
  const s = String(text ?? '').replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function quoted(text: unknown, max = 60) {
  return `“${short(text, max)}”`;
}

function verdictOf(v: unknown) {
  return verdictLabel((v as Verdict | null) ?? null);
}

function sourceName(s: Record<string, unknown> | null) {
  return quoted(s?.title || s?.url, 50);
}

function fieldList(keys: string[]): string {
  const words = [...new Set(keys.map((k) => FIELD_WORDS[k] ?? k))];
  return words.length < 2 ? (words[0] ?? 'the claim') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * The sentence for one event, without the time (the UI adds it in the reader's zone).
 * `names` resolves member ids (assignees); `claimLabel` names the claim in a document feed.
 */
export function describeEvent(e: HistoryEvent, names: Record<string, string> = {}, claimLabel?: string): string {
  const who = e.actorName ?? 'Someone';
  const a = e.after ?? {};
  const b = e.before ?? {};
  const on = claimLabel ? ` on ${claimLabel}` : '';
  switch (e.action) {
    case 'document.created':
      return `${who} created the document`;
    case 'document.imported':
      return `${who} imported the document from a Factdesk export (${a.claims ?? 0} claims)`;
    case 'document.updated':
      if ('title' in a) return `${who} renamed the document to ${quoted(a.title)}`;
      return `${who} changed ${fieldList(Object.keys(a))} of the document`;
    case 'document.deleted':
      return `${who} deleted the document`;
    case 'document.submit':
      return `${who} submitted the document for review`;
    case 'document.sign_off':
      return `${who} signed off revision ${a.revision} (SHA-256 ${String(a.hash ?? '').slice(0, 12)}…)`;
    case 'document.archived':
      return `${who} archived the document`;
    case 'document.unarchived':
      return `${who} brought the document back from the archive`;
    case 'document.published':
      return `${who} published the report of revision ${a.revision} at its public address`;
    case 'document.unpublished':
      return `${who} took the published report (revision ${b.revision}) down`;
    case 'document.reopen':
      return `${who} reopened the document as revision ${a.revision}: ${quoted(a.reason, 120)}`;
    case 'claim.created':
      return `${who} marked the claim ${quoted((a.quote as { exact?: string } | undefined)?.exact ?? a.statement)}`;
    case 'claim.updated': {
      const keys = Object.keys(a);
      if (keys.length === 1 && keys[0] === 'verdict') return `${who} set the verdict to ${verdictOf(a.verdict)}${on}`;
      if (keys.length === 1 && keys[0] === 'assigneeId') {
        return a.assigneeId ? `${who} assigned ${claimLabel ?? 'the claim'} to ${names[String(a.assigneeId)] ?? 'a member'}` : `${who} unassigned ${claimLabel ?? 'the claim'}`;
      }
      return `${who} changed ${fieldList(keys)}${on}${'verdict' in a ? ` (verdict: ${verdictOf(a.verdict)})` : ''}`;
    }
    case 'claim.reattached':
      return `${who} re-attached ${claimLabel ?? 'the claim'} to ${quoted((a.quote as { exact?: string } | undefined)?.exact)}`;
    case 'claim.deleted':
      return `${who} deleted the claim ${quoted(b.statement)}`;
    case 'claim.start':
      return `${who} started checking ${claimLabel ?? 'the claim'}`;
    case 'claim.propose':
      return `${who} proposed the verdict ${verdictOf(a.verdict)}${on}`;
    case 'claim.approve':
      return `${who} approved the verdict ${verdictOf(a.verdict)}${on}`;
    case 'claim.request_changes':
      return `${who} requested changes${on}: ${quoted(a.comment, 120)}`;
    case 'claim.dismiss':
      return `${who} dismissed ${claimLabel ?? 'the claim'}: ${quoted(a.comment, 120)}`;
    case 'claim.restore':
      return `${who} restored ${claimLabel ?? 'the claim'}`;
    case 'claim.approval_voided':
      return `The approval${on} was voided because ${who} changed ${fieldList(String(a.changed ?? '').split(', ').filter(Boolean))}`;
    case 'source.added':
      return `${who} added the source ${sourceName(a)}${on}`;
    case 'source.updated':
      return `${who} edited the source ${sourceName(a)}${on}`;
    case 'source.moved':
      return `${who} moved the source ${sourceName(a)} to position ${Number(a.position) + 1}${on}`;
    case 'source.removed':
      return `${who} removed the source ${sourceName(b)}${on}`;
    case 'comment.added':
      return `${who} commented${on}: ${quoted(a.body, 100)}`;
    case 'comment.replied':
      return `${who} replied${on}: ${quoted(a.body, 100)}`;
    case 'comment.edited':
      return `${who} edited a comment${on}`;
    case 'comment.deleted':
      return `${who} deleted a comment${on}`;
    case 'comment.resolved':
      return `${who} resolved a thread${on}`;
    case 'comment.reopened':
      return `${who} reopened a thread${on}`;
    default:
      return `${who}: ${e.action}${on}`;
  }
}
