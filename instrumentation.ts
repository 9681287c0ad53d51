/** Runs once when a server process starts: the e-mail notifier, when SMTP is configured. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.SMTP_URL) {
    const { startMailer } = await import('./lib/notifications/mail');
    startMailer();
  }
}
