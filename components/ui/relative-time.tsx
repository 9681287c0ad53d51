/** A timestamp shown as a readable date, with the exact time on hover. */
export function RelativeTime({ date }: { date: string }) {
  const d = new Date(date);
  const label = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(d);
  return (
    <time dateTime={date} title={d.toISOString()}>
      {label} UTC
    </time>
  );
}
