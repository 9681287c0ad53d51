import { withDocument } from '@/lib/api/guards';
import { listSuggestions } from '@/lib/suggestions/commands';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * The document's suggested corrections → `{version, suggestions: [{id, kind, from, to, text,
 * before, authorId, authorName, createdAt, status, note, decidedBy, decidedByName, decidedAt}]}`.
 * Pending ones carry their range in the text at `version`; decided ones keep their last text.
 */
export const GET = withDocument({ action: 'document:read' }, ({ document }) => listSuggestions(document.id));
