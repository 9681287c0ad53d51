'use client';

import { signOut } from 'next-auth/react';

/** Signs out and returns to the login page. */
export function SignOutButton() {
  return (
    <button type="button" className="button ghost small" onClick={() => signOut({ callbackUrl: '/login' })}>
      Sign out
    </button>
  );
}
