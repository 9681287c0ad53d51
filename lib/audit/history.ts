/** The history endpoints' answers: audit events with actor names and a readable sentence each. */
import { getClaimStatementsByIds } from '@/db/queries/claims';
import { getEventsByClaimId, getEventsByDocumentId } from '@/db/queries/events';
import { getSuggestionsByIds } from '@/db/queries/suggestions';
import { getMembersByWorkspaceId } from '@/db/queries/users';
import type { EventRow } from '@/db/schema';
import { getVerdictLabels } from '@/db/queries/verdict-labels';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { translator } from '../i18n/messages';
import { describeEvent, type HistoryEvent } from './describe';

type Row = EventRow & { actorName: string | null };

/** The claim an event is about, if any. */
export function claimIdOf(e: Pick<EventRow, 'subjectType' | 'subjectId' | 'before' | 'after'>): string | null {
  if (e.subjectType === 'claim') return e.subjectId;
  const after = e.after as { claimId?: string } | null;
  const before = e.before as { claimId?: string } | null;
  return after?.claimId ?? before?.claimId ?? null;
}

async function serialize(rows: Row[], workspaceId: string, withClaimLabels: boolean, locale: Locale) {
  const t = translator(locale);
  const renamed = await getVerdictLabels(workspaceId, locale);
  const names = Object.fromEntries((await getMembersByWorkspaceId(workspaceId)).map((m) => [m.id, m.name]));
  const claimIds = withClaimLabels ? [...new Set(rows.map(claimIdOf).filter((id): id is string => !!id))] : [];
  const statements = await getClaimStatementsByIds(claimIds);
  // A suggestion is typed a character at a time, and its first event holds only the first
  // one: sentences name suggestions by their text as it stands now (the events keep theirs).
  const suggestionRows = new Map<string, { kind: string; beforeText: string; afterText: string }>();
  const byDocument = new Map<string, Set<string>>();
  for (const r of rows) if (r.subjectType === 'suggestion' && r.documentId) byDocument.set(r.documentId, (byDocument.get(r.documentId) ?? new Set()).add(r.subjectId));
  for (const [documentId, ids] of byDocument) {
    for (const s of await getSuggestionsByIds(documentId, [...ids])) suggestionRows.set(`${documentId} ${s.id}`, s);
  }
  return rows.map((row) => {
    const event: HistoryEvent = {
      id: row.id,
      action: row.action,
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      actorId: row.actorId,
      actorName: row.actorName,
      before: row.before as HistoryEvent['before'],
      after: row.after as HistoryEvent['after'],
      createdAt: row.createdAt.toISOString(),
    };
    const claimId = claimIdOf(row);
    const statement = claimId ? statements.get(claimId) : undefined;
    const label = statement && row.action !== 'claim.created' && row.action !== 'claim.deleted' ? t('activity.quoted', { text: statement.length > 50 ? `${statement.slice(0, 49)}…` : statement }) : undefined;
    const suggestion = row.subjectType === 'suggestion' ? suggestionRows.get(`${row.documentId} ${row.subjectId}`) : undefined;
    const described = suggestion ? { ...event, after: { ...event.after, kind: suggestion.kind, before: suggestion.beforeText, after: suggestion.afterText } } : event;
    return { ...event, claimId, summary: describeEvent(described, names, label, t, (v) => renamed[v] ?? t(`verdicts.${v}`)) };
  });
}

/** GET /api/documents/:id/history */
export async function documentHistory(document: { id: string; workspaceId: string }, opts: { afterId?: number; limit?: number }, locale: Locale = DEFAULT_LOCALE) {
  return serialize(await getEventsByDocumentId(document.id, opts), document.workspaceId, true, locale);
}

/** GET /api/claims/:id/history */
export async function claimHistory(claim: { id: string; documentId: string }, workspaceId: string, locale: Locale = DEFAULT_LOCALE) {
  return serialize(await getEventsByClaimId(claim.documentId, claim.id), workspaceId, false, locale);
}

export type HistoryEntry = Awaited<ReturnType<typeof serialize>>[number];
