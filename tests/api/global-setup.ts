import type { TestProject } from 'vitest/node';
import { startMailSink } from '../support/mail-sink';
import { startTestServer } from '../support/test-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dbPath: string;
    otherDocumentId: string;
    mailDir: string;
  }
}

/**
 * Starts one app with a fresh database for all API tests. The tests act as one trusted
 * proxy: the X-Forwarded-For they send names the client address (tests of a server with no
 * trusted proxy start their own). Notification e-mails go to a real SMTP server started here.
 */
export default async function setup(project: TestProject) {
  // A real SMTP server receives the app's notification e-mails (tests read them from mailDir).
  const mail = await startMailSink();
  const server = await startTestServer(undefined, { FACTDESK_TRUSTED_PROXIES: '1', SMTP_URL: mail.url, FACTDESK_MAIL_INTERVAL_MS: '300' });
  project.provide('baseUrl', server.baseUrl);
  project.provide('dbPath', server.dbPath);
  project.provide('otherDocumentId', server.otherDocumentId);
  project.provide('mailDir', mail.dir);
  return async () => {
    await server.stop();
    await mail.stop();
  };
}
