import { decideOne } from '@/lib/suggestions/routes';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Accepts one suggested correction (editors and admins), applied by the authority as steps. */
export const POST = decideOne('accept');
