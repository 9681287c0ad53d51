/**
 * Checking a sign-in: rate limiting of failed attempts per email and per IP address,
 * then the password. Used by next-auth's Credentials provider.
 */
import { countLoginFailuresSince, deleteLoginFailures, insertLoginFailure } from '@/db/queries/login-failures';
import { getUserByEmail } from '@/db/queries/users';
import { DUMMY_HASH, verifyPassword } from './passwords';

/** The window in which failed attempts are counted. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/** Failed attempts allowed per email, and per IP address, within the window. */
export function loginLimits() {
  return {
    perEmail: Number(process.env.FACTDESK_LOGIN_MAX_FAILURES_PER_EMAIL) || 10,
    perIp: Number(process.env.FACTDESK_LOGIN_MAX_FAILURES_PER_IP) || 50,
  };
}

/** The message shown when sign-in is refused for too many failed attempts. */
export const RATE_LIMITED_MESSAGE = 'Too many failed sign-in attempts. Wait 15 minutes and try again, or ask an admin to reset your password.';

/** Thrown when sign-in is refused for too many failures; next-auth passes the message to the login page. */
export class SignInRateLimitedError extends Error {
  constructor() {
    super(RATE_LIMITED_MESSAGE);
  }
}

/** The signed-in user, or null for a wrong email or password. Throws when rate-limited. */
export async function checkSignIn(emailInput: string, password: string, ip: string) {
  const email = emailInput.trim().toLowerCase();
  const since = new Date(Date.now() - LOGIN_WINDOW_MS);
  const failures = countLoginFailuresSince(email, ip, since);
  const limits = loginLimits();
  if (failures.byEmail >= limits.perEmail || failures.byIp >= limits.perIp) throw new SignInRateLimitedError();
  const user = getUserByEmail(email);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) {
    insertLoginFailure(email, ip);
    if (Math.random() < 0.01) deleteLoginFailures({ before: since });
    return null;
  }
  deleteLoginFailures({ email });
  return { id: user.id, email: user.email, name: user.name };
}
