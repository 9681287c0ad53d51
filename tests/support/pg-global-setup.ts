/** Vitest global setup of the `unit-pg` project: one throwaway PostgreSQL 15 cluster for the run. */
import type { TestProject } from 'vitest/node';
import { startPostgres } from './pg';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startPostgres();
  project.provide('pgUrl', cluster.url);
  return () => cluster.stop();
}
