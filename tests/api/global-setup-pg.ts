/**
 * The API tests on PostgreSQL (project api-pg): a throwaway PostgreSQL 15 cluster for the run
 * (tests/support/pg.ts), the app on a database there; otherwise as tests/api/global-setup.ts.
 * Tests that start servers of their own put their databases in the same cluster (`pgUrl`).
 */
import type { TestProject } from 'vitest/node';
import { startPostgres } from '../support/pg';
import { startApi } from './global-setup';

export default async function setup(project: TestProject) {
  const cluster = await startPostgres();
  project.provide('pgUrl', cluster.url);
  try {
    const stop = await startApi(project, cluster.url);
    return async () => {
      await stop();
      cluster.stop();
    };
  } catch (e) {
    cluster.stop();
    throw e;
  }
}
