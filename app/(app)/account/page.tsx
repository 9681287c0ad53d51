import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SettingsForm } from '@/components/account/settings-form';
import { getUserById } from '@/db/queries/users';
import { requireSessionUser } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('settings');
  return { title: t('title') };
}

/** The account's settings: language, time zone, e-mail notifications; and the way to change the password. */
export default async function SettingsPage() {
  const session = await requireSessionUser('/account');
  const user = (await getUserById(session.id))!;
  const t = await getTranslations('settings');
  return (
    <div className="page narrow">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro', { name: user.name, email: user.email })}</p>
      <SettingsForm
        initial={{ locale: user.locale, timeZone: user.timeZone, emailNotifications: user.emailNotifications }}
        mailConfigured={!!process.env.SMTP_URL}
      />
      <h2>{t('password')}</h2>
      <p>
        <Link href="/account/password" className="button">
          {t('changePassword')}
        </Link>
      </p>
    </div>
  );
}
