/** A small HTTP client for API tests: signs in through next-auth and keeps the session cookie. */
import { inject } from 'vitest';

export const DEMO_PASSWORD = 'factdesk-demo';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** The base URL of the app started by global-setup. */
export const baseUrl = () => inject('baseUrl');

/** Signs in with email and password; returns the session cookie or the error next-auth reported. */
export async function signIn(email: string, password: string, ip?: string, base = baseUrl()): Promise<{ cookie?: string; error?: string }> {
  const headers: Record<string, string> = ip ? { 'X-Forwarded-For': ip } : {};
  const csrfRes = await fetch(`${base}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = csrfRes.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith('next-auth.session-token='));
  if (session) return { cookie: session.split(';')[0] };
  // next-auth answers `json: true` sign-ins with {url}, failed ones carrying ?error=….
  const body = (await res.json().catch(() => null)) as { url?: string } | null;
  const location = body?.url ?? res.headers.get('location') ?? '';
  return { error: new URL(location, base).searchParams.get('error') ?? `status ${res.status}` };
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
