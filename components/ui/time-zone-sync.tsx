'use client';

/**
 * Tells the server the browser's time zone (a cookie), so that pages show times as the reader
 * lives them; refreshes the page once when the server rendered another zone. A time zone the
 * user chose in Settings wins over the browser's.
 */
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { TIME_ZONE_COOKIE } from '@/lib/i18n/locales';

export function TimeZoneSync({ current }: { current: string }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const saved = document.cookie.split('; ').find((c) => c.startsWith(`${TIME_ZONE_COOKIE}=`))?.slice(TIME_ZONE_COOKIE.length + 1);
    if (decodeURIComponent(saved ?? '') === zone) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    // Only a page rendered in the server's fallback zone needs rendering again.
    if (current !== zone && current === 'UTC') router.refresh();
  }, [current, router]);
  return null;
}
