/** Reading and extending the local, git-ignored `.env.local` file. */
import { loadEnvConfig } from '@next/env';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Path of the local env file Next.js also reads. */
export const ENV_FILE = path.join(process.cwd(), '.env.local');

/** Loads .env files the way Next.js does, so scripts see the same settings as the app. */
export function loadEnv(dev: boolean) {
  loadEnvConfig(process.cwd(), dev, { info: () => {}, error: console.error });
}

/** Writes NEXTAUTH_SECRET (and NEXTAUTH_URL) into .env.local when they are set nowhere. */
export function ensureLocalSecret(port: string) {
  const additions: string[] = [];
  if (!process.env.NEXTAUTH_SECRET) {
    const secret = randomBytes(32).toString('base64url');
    additions.push(`NEXTAUTH_SECRET=${secret}`);
    process.env.NEXTAUTH_SECRET = secret;
  }
  if (!process.env.NEXTAUTH_URL) {
    const url = `http://localhost:${port}`;
    additions.push(`NEXTAUTH_URL=${url}`);
    process.env.NEXTAUTH_URL = url;
  }
  if (additions.length) {
    fs.appendFileSync(ENV_FILE, `# written by Factdesk on first start; keep this file out of git\n${additions.join('\n')}\n`, { mode: 0o600 });
    console.log(`factdesk: wrote ${additions.map((a) => a.split('=')[0]).join(' and ')} to .env.local`);
  }
}
