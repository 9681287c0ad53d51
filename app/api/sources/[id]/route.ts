import { parseJsonBody, withUser } from '@/lib/api/handler';
import { editSource, removeSource } from '@/lib/claims/commands';
import { getSourceOrThrow } from '@/lib/claims/load';
import { patchSourceSchema } from '@/lib/claims/validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

/** Changes a source, or moves it to `position` in its claim's list. */
export const PATCH = withUser<Params>(async ({ req, user, params }) => {
  const { source, ctx } = getSourceOrThrow(params.id, user.id);
  const input = await parseJsonBody(req, patchSourceSchema);
  return editSource(ctx, source, input);
});

/** Removes a source from its claim. */
export const DELETE = withUser<Params>(({ user, params }) => {
  const { source, ctx } = getSourceOrThrow(params.id, user.id);
  removeSource(ctx, source);
  return new Response(null, { status: 204 });
});
