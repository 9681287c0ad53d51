import { z } from 'zod';
import { withDocument } from '@/lib/api/guards';
import { parseQuery } from '@/lib/api/handler';
import { MAX_STEPS_PER_REQUEST, receiveSteps, stepsSince } from '@/lib/collab/authority';
import { getWorkspaceSettings } from '@/db/queries/users';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

const sinceSchema = z.object({ since: z.coerce.number().int().min(0) });

/** Steps after `?since=N`, with their client ids, for a client catching up. */
export const GET = withDocument<undefined, Params>({ action: 'document:read' }, ({ req, document }) => {
  const { since } = parseQuery(req, sinceSchema);
  return stepsSince(document.id, since);
});

const submissionSchema = z.object({
  version: z.number().int().min(0),
  clientID: z.union([z.string().min(1).max(100), z.number().int()]).transform(String),
  steps: z
    .array(z.object({ stepType: z.string() }).passthrough())
    .min(1, 'send at least one step')
    .max(MAX_STEPS_PER_REQUEST, `send at most ${MAX_STEPS_PER_REQUEST} steps per request`),
});

/**
 * Applies a client's steps on top of `version`: 200 `{version}`, or 409 when the client is
 * behind. A reviewer in a workspace where reviewers may only suggest gets 403
 * `forbidden:suggest_only` for steps that change the text other than as suggestions.
 */
export const POST = withDocument({ action: 'document:edit', body: submissionSchema }, async ({ user, document, body }) => {
  const mustSuggest = document.role === 'reviewer' && (await getWorkspaceSettings(document.workspaceId)).reviewersSuggestOnly;
  return receiveSteps({ documentId: document.id, userId: user.id, ...body, workspaceId: document.workspaceId, mustSuggest });
});
