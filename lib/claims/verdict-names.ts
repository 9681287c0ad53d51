/** A workspace's own verdict names per language (Members → Verdict names). */
import 'server-only';
import { writeTransaction } from '@/db';
import type { Verdict } from '@/db/enums';
import { lockWorkspace } from '@/db/queries/users';
import { getAllVerdictLabels, getVerdictLabels, setVerdictLabels } from '@/db/queries/verdict-labels';
import { recordEvent } from '../audit/record';
import type { Locale } from '../i18n/locales';

/** Renames verdicts in one language; an empty or null name restores the standard one. Recorded in the audit log. Returns every renamed verdict of the workspace. */
export async function renameVerdicts(props: { workspaceId: string; userId: string; locale: Locale; names: Partial<Record<Verdict, string | null>> }) {
  const names = Object.fromEntries(Object.entries(props.names).map(([k, v]) => [k, v ? v : null])) as Partial<Record<Verdict, string | null>>;
  await writeTransaction(async (tx) => {
    await lockWorkspace(props.workspaceId, tx);
    const before = await getVerdictLabels(props.workspaceId, props.locale, tx);
    await setVerdictLabels(props.workspaceId, props.locale, names, tx);
    await recordEvent(
      { workspaceId: props.workspaceId, documentId: null, actorId: props.userId, action: 'workspace.verdict_names', subjectType: 'workspace', subjectId: props.workspaceId, before: { locale: props.locale, names: before }, after: { locale: props.locale, names } },
      tx,
    );
  });
  return getAllVerdictLabels(props.workspaceId);
}
