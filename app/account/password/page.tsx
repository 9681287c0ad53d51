import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/account';
import { getTranslations } from 'next-intl/server';
import { CHANGE_PASSWORD_PATH, getSessionUser } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('changePassword') };
}
export const dynamic = 'force-dynamic';

/** Everyone's "Change password" page; after an admin reset the password, the only page open. */
export default async function ChangePasswordPage() {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(CHANGE_PASSWORD_PATH)}`);
  const t = await getTranslations();
  return (
    <main className="login-page">
      <AuthCard
        titleId="password-title"
        title={t('auth.changePassword')}
        intro={
          user.mustChangePassword
            ? t('auth.mustChangeIntro', { name: user.name })
            : t('auth.signedInAs', { email: user.email })
        }
      >
        <ChangePasswordForm minLength={MIN_PASSWORD_LENGTH} />
        {!user.mustChangePassword && <Link href="/account">{t('nav.settings')}</Link>}
      </AuthCard>
    </main>
  );
}
