/**
 * Notifications by e-mail, over SMTP (nodemailer). Configured by environment variables:
 * `SMTP_URL` (smtp://user:password@host:587, or smtps://… for TLS from the start; without it
 * no e-mail is sent) and `MAIL_FROM` (default "Factdesk <factdesk@localhost>"). Each user
 * chooses in Settings: every notification at once (batched per run), one daily digest, or none.
 *
 * Several processes may run the mailer on one database: taking notifications marks them
 * mailed in the same write transaction, so each goes out once; a failed send gives them back.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { writeTransaction } from '@/db';
import { releaseNotificationsForMail, type NotificationListRow } from '@/db/queries/notifications';
import { getUserById, setDigestSent } from '@/db/queries/users';
import { takeDueMail } from './due-mail';
import { publicBaseUrl } from '../exports';
import { isLocale, DEFAULT_LOCALE } from '../i18n/locales';
import { formatter, translator } from '../i18n/messages';
import { notificationPath, notificationText } from './serialize';

let transport: Transporter | null = null;
let transportUrl = '';

function mailer(): Transporter | null {
  const url = process.env.SMTP_URL;
  if (!url) return null;
  if (!transport || transportUrl !== url) {
    transport = nodemailer.createTransport(url);
    transportUrl = url;
  }
  return transport;
}

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The e-mail for one user's notifications. */
export function composeMail(user: { name: string; locale: string | null; timeZone: string | null }, rows: NotificationListRow[], digest: boolean) {
  const locale = isLocale(user.locale) ? user.locale : DEFAULT_LOCALE;
  const t = translator(locale, user.timeZone ?? 'UTC');
  const format = formatter(locale, user.timeZone ?? 'UTC');
  const base = publicBaseUrl();
  const items = rows.map((r) => ({ text: notificationText(r, t), url: `${base}${notificationPath(r)}`, at: format.dateTime(r.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) }));
  const subject = digest
    ? t('notifications.mail.subjectDigest', { count: rows.length })
    : rows.length === 1
      ? t('notifications.mail.subjectOne', { text: items[0]!.text })
      : t('notifications.mail.subjectMany', { count: rows.length });
  const intro = t(digest ? 'notifications.mail.digestIntro' : 'notifications.mail.intro', { count: rows.length });
  const footer = t('notifications.mail.footer', { url: `${base}/account` });
  const greeting = t('notifications.mail.greeting', { name: user.name });
  const text = [greeting, '', intro, '', ...items.map((i) => `• ${i.text} (${i.at})\n  ${i.url}`), '', '—', footer].join('\n');
  const html =
    `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(intro)}</p><ul>` +
    items.map((i) => `<li><a href="${escapeHtml(i.url)}">${escapeHtml(i.text)}</a> <small>(${escapeHtml(i.at)})</small></li>`).join('') +
    `</ul><hr><p><small>${escapeHtml(footer)}</small></p>`;
  return { subject: subject.length > 200 ? `${subject.slice(0, 199)}…` : subject, text, html };
}

async function deliver(rows: NotificationListRow[], digest: boolean, now: Date, send: Transporter) {
  const byUser = new Map<string, NotificationListRow[]>();
  for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
  let sent = 0;
  for (const [userId, list] of byUser) {
    const user = await getUserById(userId);
    if (!user) continue;
    try {
      await send.sendMail({ from: process.env.MAIL_FROM || 'Factdesk <factdesk@localhost>', to: { name: user.name, address: user.email }, ...composeMail(user, list, digest) });
      if (digest) await writeTransaction((tx) => setDigestSent(userId, now, tx));
      sent++;
    } catch (e) {
      console.error(`Factdesk could not send e-mail to ${user.email}: ${(e as Error).message}`);
      await writeTransaction((tx) => releaseNotificationsForMail(list.map((r) => r.id), tx));
    }
  }
  return sent;
}

/** Sends what is due: instant notifications, and daily digests of users whose last one is a day old. Returns the number of e-mails sent. */
export async function sendDueMail(now = new Date()): Promise<number> {
  const send = mailer();
  if (!send) return 0;
  const { instant, daily } = await takeDueMail(now);
  return (await deliver(instant, false, now, send)) + (await deliver(daily, true, now, send));
}


const globalForMail = globalThis as unknown as { factdeskMailer?: NodeJS.Timeout };

/** Runs the mailer every `FACTDESK_MAIL_INTERVAL_MS` (default 30 s) while SMTP is configured. */
export function startMailer(): void {
  if (!process.env.SMTP_URL || globalForMail.factdeskMailer) return;
  const interval = Math.max(200, Number(process.env.FACTDESK_MAIL_INTERVAL_MS) || 30_000);
  let running = false;
  globalForMail.factdeskMailer = setInterval(() => {
    if (running) return;
    running = true;
    sendDueMail()
      .catch((e) => console.error(`Factdesk's mailer failed: ${(e as Error).message}`))
      .finally(() => (running = false));
  }, interval);
  globalForMail.factdeskMailer.unref();
}
