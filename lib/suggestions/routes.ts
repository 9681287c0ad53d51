/** The accept and reject endpoints, one suggestion or all (of one author), as route handlers. */
import 'server-only';
import { z } from 'zod';
import { withDocument } from '../api/guards';
import { decideSuggestions, listSuggestions, type Decision } from './commands';

const allSchema = z.object({ authorId: z.string().min(1).max(100).optional() }).strict();

/** POST …/suggestions/:sid/accept|reject → `{version, decided, suggestions}`; 409 when it is not pending, 423 when signed off. */
export function decideOne(decision: Decision) {
  return withDocument<undefined, { id: string; sid: string }>({ action: 'suggestion:decide' }, async ({ user, document, params }) => {
    const result = await decideSuggestions(document, user.id, decision, { ids: [params.sid] });
    return { ...result, suggestions: (await listSuggestions(document.id)).suggestions };
  });
}

/** POST …/suggestions/accept|reject with `{authorId?}`: every pending suggestion (of that author). */
export function decideAll(decision: Decision) {
  return withDocument({ action: 'suggestion:decide', body: allSchema }, async ({ user, document, body }) => {
    const result = await decideSuggestions(document, user.id, decision, { authorId: body.authorId });
    return { ...result, suggestions: (await listSuggestions(document.id)).suggestions };
  });
}
