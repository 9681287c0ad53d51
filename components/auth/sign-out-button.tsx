'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';

/** Signs out and returns to the login page. */
export function SignOutButton() {
  const t = useTranslations('nav');
  return (
    <button type="button" className="button ghost small" onClick={() => signOut({ callbackUrl: '/login' })}>
      {t('signOut')}
    </button>
  );
}
