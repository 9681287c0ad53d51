import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { LoginForm } from '@/components/auth/login-form';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitcher } from '@/components/ui/language-switcher';
import { getSessionUser } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('signIn') };
}
export const dynamic = 'force-dynamic';

/** Only same-site paths may be returned to after sign-in. */
function safeCallback(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  return v && v.startsWith('/') && !v.startsWith('//') ? v : '/documents';
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);
  const t = await getTranslations('auth');
  return (
    <main className="login-page">
      <AuthCard titleId="login-title" title={t('signInTitle')} intro={t('signInIntro')}>
        <LoginForm callbackUrl={callbackUrl} />
        <LanguageSwitcher />
      </AuthCard>
      <aside className="login-aside" aria-hidden="true">
        <blockquote>
          „Die NATO geht davon aus, dass sie das Recht der Ukraine auf Beitritt zum Bündnis nicht{' '}
          <mark className="demo-highlight">„kompromittieren“ wird</mark>.“
        </blockquote>
        <p>{t('signInAside')}</p>
      </aside>
    </main>
  );
}
