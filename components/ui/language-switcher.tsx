'use client';

/**
 * The interface language, for anyone (also before signing in): remembered by this browser and,
 * when signed in, with the account (for e-mails and other devices).
 */
import { LocaleOptions } from '@/components/ui/locale-options';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';

export function LanguageSwitcher() {
  const t = useTranslations('auth');
  const locale = useLocale();
  const router = useRouter();
  return (
    <label className="field language-switcher">
      <span>{t('language')}</span>
      <select
        value={locale}
        onChange={(e) => {
          document.cookie = `${LOCALE_COOKIE}=${e.target.value}; path=/; max-age=31536000; samesite=lax`;
          router.refresh();
        }}
      >
        <LocaleOptions />
      </select>
    </label>
  );
}
