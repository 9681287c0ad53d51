import { decideAll } from '@/lib/suggestions/routes';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Accepts every pending suggestion of the document, or of one author (`{authorId}`). */
export const POST = decideAll('accept');
