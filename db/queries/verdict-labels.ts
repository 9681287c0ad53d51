/** A workspace's own verdict names, per language. */
import { and, eq } from 'drizzle-orm';
import { getDb, type DbOrTx, type Tx } from '../index';
import { verdictLabels, type Verdict } from '../schema';

/** verdict → the workspace's name for it in `locale` (only the renamed ones). */
export async function getVerdictLabels(workspaceId: string, locale: string, db: DbOrTx = getDb()): Promise<Partial<Record<Verdict, string>>> {
  const rows = await db
    .select({ verdict: verdictLabels.verdict, label: verdictLabels.label })
    .from(verdictLabels)
    .where(and(eq(verdictLabels.workspaceId, workspaceId), eq(verdictLabels.locale, locale)));
  return Object.fromEntries(rows.map((r) => [r.verdict, r.label]));
}

/** Every renamed verdict of a workspace: locale → verdict → name. */
export async function getAllVerdictLabels(workspaceId: string, db: DbOrTx = getDb()): Promise<Record<string, Partial<Record<Verdict, string>>>> {
  const out: Record<string, Partial<Record<Verdict, string>>> = {};
  for (const r of await db.select().from(verdictLabels).where(eq(verdictLabels.workspaceId, workspaceId))) (out[r.locale] ??= {})[r.verdict] = r.label;
  return out;
}

/** Sets the names of one language (a null name goes back to the default). */
export async function setVerdictLabels(workspaceId: string, locale: string, labels: Partial<Record<Verdict, string | null>>, db: Tx) {
  for (const [verdict, label] of Object.entries(labels) as [Verdict, string | null][]) {
    await db.delete(verdictLabels)
      .where(and(eq(verdictLabels.workspaceId, workspaceId), eq(verdictLabels.locale, locale), eq(verdictLabels.verdict, verdict)));
    if (label) await db.insert(verdictLabels).values({ workspaceId, locale, verdict, label });
  }
}
