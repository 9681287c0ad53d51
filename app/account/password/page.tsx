import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/account';
import { CHANGE_PASSWORD_PATH, getSessionUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Change password' };
export const dynamic = 'force-dynamic';

/** Everyone's "Change password" page; after an admin reset the password, the only page open. */
export default async function ChangePasswordPage() {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(CHANGE_PASSWORD_PATH)}`);
  return (
    <main className="login-page">
      <section className="login-card" aria-labelledby="password-title">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">✓</span> Factdesk
        </div>
        <h1 id="password-title">Change password</h1>
        <p className="muted">
          {user.mustChangePassword
            ? `An admin reset your password. Choose your own to continue, ${user.name}: enter the one-time password as the current one.`
            : `Signed in as ${user.email}.`}
        </p>
        <ChangePasswordForm minLength={MIN_PASSWORD_LENGTH} />
        {!user.mustChangePassword && <Link href="/documents">Back to your documents</Link>}
      </section>
    </main>
  );
}
