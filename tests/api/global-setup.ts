import type { TestProject } from 'vitest/node';
import { startTestServer } from '../support/test-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dbPath: string;
    otherDocumentId: string;
  }
}

/** Starts one app with a fresh database for all API tests. */
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  project.provide('baseUrl', server.baseUrl);
  project.provide('dbPath', server.dbPath);
  project.provide('otherDocumentId', server.otherDocumentId);
  return () => server.stop();
}
