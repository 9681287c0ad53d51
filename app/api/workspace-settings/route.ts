import { z } from 'zod';
import { getWorkspaceSettings, updateWorkspaceSettings } from '@/db/queries/users';
import { writeTransaction } from '@/db';
import { withWorkspace, workspaceIdFromQuery } from '@/lib/api/guards';
import { recordEvent } from '@/lib/audit/record';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The workspace's settings for suggested corrections (`?workspaceId=`, else the caller's first): `{settings: {reviewersSuggestOnly, suggestionsFourEyes}}`. */
export const GET = withWorkspace({ action: 'member:read', workspaceId: workspaceIdFromQuery }, async ({ workspace }) => ({ settings: await getWorkspaceSettings(workspace.workspaceId) }));

const schema = z
  .object({
    workspaceId: z.string().min(1).max(100).optional(),
    reviewersSuggestOnly: z.boolean().optional(),
    suggestionsFourEyes: z.boolean().optional(),
  })
  .strict();

/** Changes them (admins); each change is an audit event `workspace.settings`. */
export const PUT = withWorkspace({ action: 'workspace:manage', body: schema, workspaceId: (_req, body) => body.workspaceId }, async ({ workspace, body }) => {
  const changes = { reviewersSuggestOnly: body.reviewersSuggestOnly, suggestionsFourEyes: body.suggestionsFourEyes };
  return writeTransaction(async (tx) => {
    const before = await getWorkspaceSettings(workspace.workspaceId, tx);
    if (changes.reviewersSuggestOnly === undefined && changes.suggestionsFourEyes === undefined) return { settings: before };
    const settings = await updateWorkspaceSettings(workspace.workspaceId, changes, tx);
    await recordEvent({ workspaceId: workspace.workspaceId, actorId: workspace.userId, action: 'workspace.settings', subjectType: 'workspace', subjectId: workspace.workspaceId, before, after: settings }, tx);
    return { settings };
  });
});
