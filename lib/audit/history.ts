/** The history endpoints' answers: audit events with actor names and a readable sentence each. */
import { getClaimStatementsByIds } from '@/db/queries/claims';
import { getEventsByClaimId, getEventsByDocumentId } from '@/db/queries/events';
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
    return { ...event, claimId, summary: describeEvent(event, names, label, t, (v) => renamed[v] ?? t(`verdicts.${v}`)) };
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
