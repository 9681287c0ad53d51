/**
 * A user's own account: changing the password. The current password is checked (and
 * throttled like sign-in); the new one ends every other session of the user at once.
 */
import { writeTransaction } from '@/db';
import { revokeUserSessions } from '@/db/queries/sessions';
import { getUserById, setPassword } from '@/db/queries/users';
import { AppError } from '../errors';
import { hashPassword, verifyPassword } from './passwords';
import type { SessionUser } from './session';
import { checkPasswordAttempt, SignInRateLimitedError } from './sign-in';

/** The shortest password a user may choose. */
export const MIN_PASSWORD_LENGTH = 12;

/** Replaces the caller's password; other sessions end, this one stays. */
export async function changePassword(user: SessionUser, address: string, input: { currentPassword: string; newPassword: string }) {
  const stored = await getUserById(user.id);
  if (!stored) throw new AppError(401, 'unauthenticated', 'Sign in to continue.');
  const ok = await checkPasswordAttempt(user.id, address, () => verifyPassword(input.currentPassword, stored.passwordHash)).catch((e) => {
    if (e instanceof SignInRateLimitedError) throw new AppError(429, 'rate_limited', e.message, { retryAfterSeconds: e.retryAfterSeconds });
    throw e;
  });
  if (!ok) throw new AppError(400, 'invalid:password', 'The current password is not right.');
  if (input.newPassword.length < MIN_PASSWORD_LENGTH) {
    throw new AppError(400, 'invalid:body', `Choose a new password of at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  if (input.newPassword === input.currentPassword) throw new AppError(400, 'invalid:body', 'Choose a password different from the current one.');
  const hash = await hashPassword(input.newPassword);
  await writeTransaction(async (tx) => {
    await setPassword(user.id, hash, false, tx);
    await revokeUserSessions(user.id, user.sessionId, tx);
  });
}
