import type { TestProject } from 'vitest/node';
import { startTestServer } from '../support/test-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dbPath: string;
    otherDocumentId: string;
  }
}

/**
 * Starts one app with a fresh database for all API tests. The tests act as one trusted
 * proxy: the X-Forwarded-For they send names the client address (tests of a server with no
 * trusted proxy start their own).
 */
export default async function setup(project: TestProject) {
  const server = await startTestServer(undefined, { FACTDESK_TRUSTED_PROXIES: '1' });
  project.provide('baseUrl', server.baseUrl);
  project.provide('dbPath', server.dbPath);
  project.provide('otherDocumentId', server.otherDocumentId);
  return () => server.stop();
}
