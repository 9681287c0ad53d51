'use client';

/**
 * A timestamp in the reader's own time zone and language (UTC on the server's first
 * render, replaced in the browser), with the exact ISO time on hover.
 */
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

export function RelativeTime({ date }: { date: string }) {
  const d = new Date(date);
  const local = useSyncExternalStore(
    subscribe,
    () => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(d),
    () => `${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(d)} UTC`,
  );
  return (
    <time dateTime={date} title={d.toISOString()}>
      {local}
    </time>
  );
}
