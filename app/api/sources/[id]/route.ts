import type { z } from 'zod';
import { withSource } from '@/lib/api/guards';
import { editSource, removeSource } from '@/lib/claims/commands';
import { patchSourceSchema } from '@/lib/claims/validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };

/** Changes a source, or moves it to `position` in its claim's list. */
export const PATCH = withSource<z.infer<typeof patchSourceSchema>, Params>({ action: 'claim:update', body: patchSourceSchema }, ({ source, claimCtx, body }) => {
  return editSource(claimCtx, source, body);
});

/** Removes a source from its claim. */
export const DELETE = withSource<undefined, Params>({ action: 'claim:update' }, async ({ source, claimCtx }) => {
  await removeSource(claimCtx, source);
  return new Response(null, { status: 204 });
});
