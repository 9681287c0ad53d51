/**
 * Audit events told as sentences a person reads in the activity feed and the claim
 * history ("Ben approved the verdict Needs context"), in the reader's language. Pure, for
 * the server and the browser.
 */
import type { Verdict } from '@/db/enums';
import { DEFAULT_LOCALE } from '../i18n/locales';
import { translator, type Translator } from '../i18n/messages';

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

/** Field keys as the activity messages name them (from/to/orphaned are all "the position"). */
const FIELD_KEYS: Record<string, string> = { from: 'position', to: 'position', orphaned: 'position' };
const KNOWN_FIELDS = new Set(['statement', 'claimant', 'claimDate', 'verdict', 'rationale', 'tags', 'assigneeId', 'status', 'quote', 'position', 'title', 'language', 'sourceUrl', 'byline', 'publishedAt']);

function short(text: unknown, max = 60): string {
  const s = String(text ?? '').replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}


/**
 * The sentence for one event, without the time (the UI adds it in the reader's zone).
 * `names` resolves member ids (assignees); `claimLabel` names the claim in a document feed;
 * `t` speaks the reader's language; `verdictName` gives the workspace's verdict names.
 */
export function describeEvent(
  e: HistoryEvent,
  names: Record<string, string> = {},
  claimLabel?: string,
  t: Translator = translator(DEFAULT_LOCALE),
  verdictName: (v: Verdict) => string = (v) => t(`verdicts.${v}`),
): string {
  const quoted = (text: unknown, max = 60) => t('activity.quoted', { text: short(text, max) });
  const who = e.actorName ?? t('activity.someone');
  const a = e.after ?? {};
  const b = e.before ?? {};
  const on = claimLabel ? t('activity.on', { claim: claimLabel }) : '';
  const claim = claimLabel ?? t('activity.theClaim');
  const verdict = (v: unknown) => (v ? verdictName(v as Verdict) : t('verdicts.none'));
  const fields = (keys: string[]) => {
    const words = [...new Set(keys.map((k) => FIELD_KEYS[k] ?? k))].map((k) => (KNOWN_FIELDS.has(k) ? t(`activity.fields.${k as 'statement'}`) : k));
    return words.length ? new Intl.ListFormat(t('activity.listLocale'), { type: 'conjunction' }).format(words) : t('activity.theClaim');
  };
  const sourceName = (s: Record<string, unknown> | null) => quoted(s?.title || s?.url, 50);
  switch (e.action) {
    case 'document.created':
      return t('activity.document.created', { who });
    case 'document.imported':
      return t('activity.document.imported', { who, claims: Number(a.claims ?? 0) });
    case 'document.updated':
      if ('title' in a) return t('activity.document.renamed', { who, title: quoted(a.title) });
      return t('activity.document.updated', { who, fields: fields(Object.keys(a)) });
    case 'document.deleted':
    case 'document.submit':
    case 'document.archived':
    case 'document.unarchived':
      return t(`activity.document.${e.action.slice(9) as 'deleted'}`, { who });
    case 'document.sign_off':
      return t('activity.document.sign_off', { who, revision: String(a.revision), hash: String(a.hash ?? '').slice(0, 12) });
    case 'document.published':
      return t('activity.document.published', { who, revision: String(a.revision) });
    case 'document.unpublished':
      return t('activity.document.unpublished', { who, revision: String(b.revision) });
    case 'document.reopen':
      return t('activity.document.reopen', { who, revision: String(a.revision), reason: quoted(a.reason, 120) });
    case 'claim.created':
      return t('activity.claim.created', { who, quote: quoted((a.quote as { exact?: string } | undefined)?.exact ?? a.statement) });
    case 'claim.updated': {
      const keys = Object.keys(a);
      if (keys.length === 1 && keys[0] === 'verdict') return t('activity.claim.verdictSet', { who, verdict: verdict(a.verdict), on });
      if (keys.length === 1 && keys[0] === 'assigneeId') {
        return a.assigneeId ? t('activity.claim.assigned', { who, claim, name: names[String(a.assigneeId)] ?? t('activity.aMember') }) : t('activity.claim.unassigned', { who, claim });
      }
      return 'verdict' in a
        ? t('activity.claim.updatedVerdict', { who, fields: fields(keys), on, verdict: verdict(a.verdict) })
        : t('activity.claim.updated', { who, fields: fields(keys), on });
    }
    case 'claim.reused':
      return t('activity.claim.reused', { who, statement: quoted(a.fromStatement), on });
    case 'claim.reattached':
      return t('activity.claim.reattached', { who, claim, quote: quoted((a.quote as { exact?: string } | undefined)?.exact) });
    case 'claim.deleted':
      return t('activity.claim.deleted', { who, statement: quoted(b.statement) });
    case 'claim.start':
    case 'claim.restore':
      return t(`activity.claim.${e.action.slice(6) as 'start'}`, { who, claim });
    case 'claim.propose':
    case 'claim.approve':
      return t(`activity.claim.${e.action.slice(6) as 'propose'}`, { who, verdict: verdict(a.verdict), on });
    case 'claim.request_changes':
      return t('activity.claim.request_changes', { who, on, comment: quoted(a.comment, 120) });
    case 'claim.dismiss':
      return t('activity.claim.dismiss', { who, claim, comment: quoted(a.comment, 120) });
    case 'claim.approval_voided':
      return t('activity.claim.approval_voided', { who, on, fields: fields(String(a.changed ?? '').split(', ').filter(Boolean)) });
    case 'source.added':
    case 'source.updated':
      return t(`activity.source.${e.action.slice(7) as 'added'}`, { who, name: sourceName(a), on });
    case 'source.moved':
      return t('activity.source.moved', { who, name: sourceName(a), position: Number(a.position) + 1, on });
    case 'source.removed':
      return t('activity.source.removed', { who, name: sourceName(b), on });
    case 'comment.added':
    case 'comment.replied':
      return t(`activity.comment.${e.action.slice(8) as 'added'}`, { who, on, body: quoted(a.body, 100) });
    case 'comment.edited':
    case 'comment.deleted':
    case 'comment.resolved':
    case 'comment.reopened':
      return t(`activity.comment.${e.action.slice(8) as 'edited'}`, { who, on });
    case 'suggestion.created':
    case 'suggestion.accepted':
    case 'suggestion.rejected':
    case 'suggestion.withdrawn':
    case 'suggestion.restored': {
      const kind = (['replace', 'insert', 'delete', 'format'] as const).find((k) => k === a.kind) ?? 'format';
      const change = t(`activity.suggestion.change.${kind}`, { before: quoted(a.before, 50), after: quoted(a.after, 50) });
      return t(`activity.suggestion.${e.action.slice(11) as 'created'}`, { who, change });
    }
    case 'suggestion.commented':
      return t('activity.suggestion.commented', { who, body: quoted(a.body, 100) });
    case 'suggestion.noted':
      return t('activity.suggestion.noted', { who, note: a.note ? quoted(a.note, 100) : '—' });
    case 'workspace.settings':
      return t('activity.workspace.settings', { who });
    default:
      return t('activity.other', { who, action: e.action, on });
  }
}
