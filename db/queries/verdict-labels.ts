/** A workspace's own verdict names, per language. */
import { and, eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '../index';
import { verdictLabels, type Verdict } from '../schema';

/** verdict → the workspace's name for it in `locale` (only the renamed ones). */
export function getVerdictLabels(workspaceId: string, locale: string, db: DbOrTx = getDb()): Partial<Record<Verdict, string>> {
  const rows = db
    .select({ verdict: verdictLabels.verdict, label: verdictLabels.label })
    .from(verdictLabels)
    .where(and(eq(verdictLabels.workspaceId, workspaceId), eq(verdictLabels.locale, locale)))
    .all();
  return Object.fromEntries(rows.map((r) => [r.verdict, r.label]));
}

/** Every renamed verdict of a workspace: locale → verdict → name. */
export function getAllVerdictLabels(workspaceId: string, db: DbOrTx = getDb()): Record<string, Partial<Record<Verdict, string>>> {
  const out: Record<string, Partial<Record<Verdict, string>>> = {};
  for (const r of db.select().from(verdictLabels).where(eq(verdictLabels.workspaceId, workspaceId)).all()) (out[r.locale] ??= {})[r.verdict] = r.label;
  return out;
}

/** Sets the names of one language (a null name goes back to the default). */
export function setVerdictLabels(workspaceId: string, locale: string, labels: Partial<Record<Verdict, string | null>>, db: DbOrTx = getDb()) {
  for (const [verdict, label] of Object.entries(labels) as [Verdict, string | null][]) {
    db.delete(verdictLabels)
      .where(and(eq(verdictLabels.workspaceId, workspaceId), eq(verdictLabels.locale, locale), eq(verdictLabels.verdict, verdict)))
      .run();
    if (label) db.insert(verdictLabels).values({ workspaceId, locale, verdict, label }).run();
  }
}
