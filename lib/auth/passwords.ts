/** Password hashing (bcrypt) and generation. */
import bcrypt from 'bcryptjs';
import { randomBytes } from 'node:crypto';

const COST = 10;

/** A bcrypt hash of `password`. */
export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/** Whether `password` matches `hash`. */
export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** A random password of about 20 URL-safe characters, for first admins. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

/** A hash that matches nothing, compared against for unknown emails so timing reveals nothing. */
export const DUMMY_HASH = bcrypt.hashSync('factdesk-no-such-user', COST);
