import { z } from 'zod';
import { VERDICTS } from '@/db/enums';
import { getAllVerdictLabels } from '@/db/queries/verdict-labels';
import { renameVerdicts } from '@/lib/claims/verdict-names';
import { withWorkspace, workspaceIdFromQuery } from '@/lib/api/guards';
import { LOCALES } from '@/lib/i18n/locales';
import { plainText } from '@/lib/validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The workspace's own verdict names (`?workspaceId=`, else the caller's first): `{names: {locale: {verdict: name}}}`, renamed ones only. */
export const GET = withWorkspace({ action: 'member:read', workspaceId: workspaceIdFromQuery }, async ({ workspace }) => ({ names: await getAllVerdictLabels(workspace.workspaceId) }));

const schema = z
  .object({
    workspaceId: z.string().min(1).max(100).optional(),
    locale: z.enum(LOCALES),
    // A name per verdict; null or "" goes back to the default name.
    names: z.partialRecord(z.enum(VERDICTS), plainText(60).nullable().or(z.literal(''))),
  })
  .strict();

/**
 * Renames verdicts in one language (admins): shown everywhere in that language — the editor,
 * reports, exports (the ClaimReview `alternateName`), activity sentences. Keys stay the same.
 */
export const PUT = withWorkspace({ action: 'workspace:manage', body: schema, workspaceId: (_req, body) => body.workspaceId }, async ({ workspace, body }) => {
  return { names: await renameVerdicts({ workspaceId: workspace.workspaceId, userId: workspace.userId, locale: body.locale, names: body.names }) };
});
