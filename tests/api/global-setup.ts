import type { TestProject } from 'vitest/node';
import { startMailSink } from '../support/mail-sink';
import { startTestServer } from '../support/test-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The server's database: a SQLite file, or a postgres:// address (project api-pg). */
    database: string;
    otherDocumentId: string;
    mailDir: string;
  }
}

/**
 * Starts one app with a fresh database for all API tests (on SQLite; tests/api/global-setup-pg.ts
 * does the same on PostgreSQL). The tests act as one trusted proxy: the X-Forwarded-For they
 * send names the client address (tests of a server with no trusted proxy start their own).
 * Notification e-mails go to a real SMTP server started here.
 */
export default function setup(project: TestProject) {
  return startApi(project);
}

export async function startApi(project: TestProject, postgres?: string) {
  // A real SMTP server receives the app's notification e-mails (tests read them from mailDir).
  const mail = await startMailSink();
  const server = await startTestServer(undefined, { FACTDESK_TRUSTED_PROXIES: '1', SMTP_URL: mail.url, FACTDESK_MAIL_INTERVAL_MS: '300' }, { postgres });
  project.provide('baseUrl', server.baseUrl);
  project.provide('database', server.database);
  project.provide('otherDocumentId', server.otherDocumentId);
  project.provide('mailDir', mail.dir);
  return async () => {
    await server.stop();
    await mail.stop();
  };
}
