import { withWorkspace, workspaceIdFromQuery } from '@/lib/api/guards';
import { resetPassword } from '@/lib/members/commands';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { userId: string };

/**
 * Resets a member's password (admins of every workspace the member is in): answers the
 * one-time password once; the member must choose a new one at the next sign-in.
 */
export const POST = withWorkspace<undefined, Params>(
  { action: 'member:manage', workspaceId: workspaceIdFromQuery },
  async ({ workspace, params }) => Response.json(await resetPassword(workspace, params.userId), { headers: { 'Cache-Control': 'no-store' } }),
);
