/** The signed-in user, for pages and route handlers. */
import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { getActiveSessionUser } from '@/db/queries/sessions';
import { authOptions } from './options';

/**
 * The user behind the current session, or null when signed out: no cookie, a cookie whose
 * session was revoked (sign-out, password change or reset) or expired, or a removed user.
 */
export async function getSessionUser() {
  const session = await getServerSession(authOptions);
  const sid = session?.sid;
  if (!sid || !session?.user?.id) return null;
  const user = await getActiveSessionUser(sid);
  if (!user || user.id !== session.user.id) return null;
  return { id: user.id, email: user.email, name: user.name, sessionId: sid, mustChangePassword: user.mustChangePassword, locale: user.locale, timeZone: user.timeZone };
}

/** Where a user whose password was reset must go first. */
export const CHANGE_PASSWORD_PATH = '/account/password';

/** The signed-in user; redirects to the login page when there is none, and to the password page after a reset. */
export async function requireSessionUser(returnTo?: string) {
  const user = await getSessionUser();
  if (!user) redirect(returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : '/login');
  if (user.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  return user;
}

/** A signed-in user as handlers see it. */
export type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionUser>>>;
