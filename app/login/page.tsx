import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { LoginForm } from '@/components/auth/login-form';
import { getSessionUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Sign in' };
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
  return (
    <main className="login-page">
      <AuthCard titleId="login-title" title="Sign in to your desk" intro="Mark claims, attach sources, agree on a verdict — together.">
        <LoginForm callbackUrl={callbackUrl} />
      </AuthCard>
      <aside className="login-aside" aria-hidden="true">
        <blockquote>
          „Die NATO geht davon aus, dass sie das Recht der Ukraine auf Beitritt zum Bündnis nicht{' '}
          <mark className="demo-highlight">„kompromittieren“ wird</mark>.“
        </blockquote>
        <p>Every claim highlighted, sourced and reviewed by two people before it goes out.</p>
      </aside>
    </main>
  );
}
