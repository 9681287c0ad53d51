'use client';

/**
 * A timestamp in the reader's language and time zone (the account's, or the browser's),
 * with the exact ISO time on hover.
 */
import { useFormatter } from 'next-intl';

export function RelativeTime({ date }: { date: string }) {
  const format = useFormatter();
  const d = new Date(date);
  return (
    <time dateTime={date} title={d.toISOString()}>
      {format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' })}
    </time>
  );
}
