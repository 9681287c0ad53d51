import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTimeZone } from 'next-intl/server';
import { ErrorTextRegistrar } from '@/components/ui/error-text';
import { TimeZoneSync } from '@/components/ui/time-zone-sync';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Factdesk', template: '%s · Factdesk' },
  description: 'The fact-checking desk: mark claims, attach sources and verdicts, review together.',
};

export const viewport: Viewport = { themeColor: '#1d3557' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const timeZone = await getTimeZone();
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider>
          <ErrorTextRegistrar locale={locale} />
          {children}
          <TimeZoneSync current={timeZone} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
