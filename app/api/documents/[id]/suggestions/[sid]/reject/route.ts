import { decideOne } from '@/lib/suggestions/routes';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Rejects one suggested correction (editors and admins), applied by the authority as steps. */
export const POST = decideOne('reject');
