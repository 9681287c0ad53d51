/** A small HTTP client for API tests: signs in through next-auth and keeps the session cookie. */
import { inject } from 'vitest';
import { findText } from '@/lib/claims/anchor';
import { schema } from '@/lib/editor/schema';
import { signInAt } from '../support/sign-in';

export const DEMO_PASSWORD = 'factdesk-demo';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** The base URL of the app started by global-setup. */
export const baseUrl = () => inject('baseUrl');

/** Signs in at the API tests' app; returns the session cookie or the error next-auth reported. */
export function signIn(email: string, password: string, ip?: string, base = baseUrl()) {
  return signInAt(base, email, password, ip);
}

/** A client acting as one user (or anonymous when cookie is undefined). */
export class ApiClient {
  constructor(readonly cookie?: string) {}

  /** Signs in as a user (demo password by default); fails the test if sign-in is refused. */
  static async as(email: string, password = DEMO_PASSWORD): Promise<ApiClient> {
    const { cookie, error } = await signIn(email, password);
    if (!cookie) throw new Error(`sign-in as ${email} failed: ${error}`);
    return new ApiClient(cookie);
  }

  /** Sends a request; a plain object body is sent as JSON, a string or FormData as is. */
  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.Cookie = this.cookie;
    // As the app's own pages do: writes name the app's origin (tests of other origins override it).
    if (method !== 'GET' && !('Origin' in h)) h.Origin = baseUrl();
    if (h.Origin === '') delete h.Origin;
    let payload: BodyInit | undefined;
    if (body instanceof FormData || typeof body === 'string') payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['Content-Type'] ??= 'application/json';
    }
    const res = await fetch(`${baseUrl()}${path}`, { method, headers: h, body: payload, redirect: 'manual' });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON; keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers);
  }
  put<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body, headers);
  }
  patch<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body, headers);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }
}

/** Asserts the error shape every route uses. */
export function expectError(res: ApiResponse, status: number, code: string) {
  if (res.status !== status || res.body?.error?.code !== code || typeof res.body?.error?.message !== 'string') {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** The body of a successful answer; otherwise fails with the status and the body. */
export async function ok(res: ApiResponse) {
  if (res.status >= 300) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The range of `text` in a document as the API has it, with the version it is at (for claims). */
export async function rangeOf(client: ApiClient, id: string, text: string) {
  const { document } = (await client.get(`/api/documents/${id}`)).body;
  return { ...findText(schema.nodeFromJSON(document.doc), text)!, version: document.version as number };
}
