import { z } from 'zod';
import { insertDismissal } from '@/db/queries/checkworthy';
import { withDocument } from '@/lib/api/guards';
import { writeTransaction } from '@/db';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

type Params = { id: string };
const schema = z.object({ key: z.string().regex(/^[a-z0-9]{2,32}$/, 'must be a sentence key from GET …/checkworthy') }).strict();

/** Dismisses a hint for this document (reviewers, editors, admins): `{key}` → 204. It stays dismissed while the sentence reads the same. */
export const POST = withDocument<z.infer<typeof schema>, Params>({ action: 'claim:create', body: schema }, async ({ user, document, body }) => {
  await writeTransaction((tx) => insertDismissal({ documentId: document.id, sentenceKey: body.key, dismissedBy: user.id }, tx));
  return new Response(null, { status: 204 });
});
