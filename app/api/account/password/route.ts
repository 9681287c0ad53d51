import { z } from 'zod';
import { parseJsonBody, withUser } from '@/lib/api/handler';
import { changePassword } from '@/lib/auth/account';
import { clientAddressOf } from '@/lib/auth/client-address';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const schema = z.object({ currentPassword: z.string().min(1).max(1000), newPassword: z.string().max(1000) }).strict();

/** Changes the caller's password (also right after an admin reset it); every other session of theirs ends. */
export const POST = withUser(
  async ({ req, user }) => {
    await changePassword(user, clientAddressOf(req.headers), await parseJsonBody(req, schema));
    return { changed: true };
  },
  { passwordChange: true },
);
