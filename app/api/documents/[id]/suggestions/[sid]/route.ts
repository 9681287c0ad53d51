import { z } from 'zod';
import { withDocument } from '@/lib/api/guards';
import { setSuggestionNote } from '@/lib/suggestions/commands';
import { plainText } from '@/lib/validation';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const schema = z.object({ note: plainText(1000).nullable().or(z.literal('')) }).strict();

/** The author sets or clears (null or "") the note of their pending suggestion → `{note}`. */
export const PATCH = withDocument<{ note: string | null }, { id: string; sid: string }>({ action: 'document:edit', body: schema }, ({ user, document, params, body }) =>
  setSuggestionNote(document, user.id, params.sid, body.note?.trim() || null),
);
