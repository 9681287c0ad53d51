/** The signed-in user, for pages and route handlers. */
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { getUserById } from '@/db/queries/users';
import { authOptions } from './options';

/** The user behind the current session, or null when signed out (or the user was removed). */
export async function getSessionUser() {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = getUserById(id);
  return user ? { id: user.id, email: user.email, name: user.name } : null;
}

/** The signed-in user; redirects to the login page when there is none. */
export async function requireSessionUser(returnTo?: string) {
  const user = await getSessionUser();
  if (!user) redirect(returnTo ? `/login?callbackUrl=${encodeURIComponent(returnTo)}` : '/login');
  return user;
}

/** A signed-in user as handlers see it. */
export type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionUser>>>;
