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
  /** `base`: the app this client talks to (the test server unless given: a second process, say). */
  constructor(
    readonly cookie?: string,
    readonly base = baseUrl(),
  ) {}

  /** Signs in as a user (demo password by default); fails the test if sign-in is refused. */
  static async as(email: string, password = DEMO_PASSWORD, base = baseUrl()): Promise<ApiClient> {
    const { cookie, error } = await signIn(email, password, undefined, base);
    if (!cookie) throw new Error(`sign-in as ${email} failed: ${error}`);
    return new ApiClient(cookie, base);
  }

  /** The same user, talking to another process of the app (the session is in the database). */
  at(base: string): ApiClient {
    return new ApiClient(this.cookie, base);
  }

  /** Opens a Server-Sent Events stream. */
  async stream(path: string): Promise<EventReader> {
    const res = await fetch(`${this.base}${path}`, { headers: { Cookie: this.cookie ?? '', Accept: 'text/event-stream' } });
    if (res.status !== 200) throw new Error(`stream ${path}: ${res.status} ${await res.text()}`);
    return new EventReader(res);
  }

  /** Sends a request; a plain object body is sent as JSON, a string or FormData as is. */
  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.Cookie = this.cookie;
    // As the app's own pages do: writes name the app's origin (tests of other origins override it).
    if (method !== 'GET' && !('Origin' in h)) h.Origin = this.base;
    if (h.Origin === '') delete h.Origin;
    let payload: BodyInit | undefined;
    if (body instanceof FormData || typeof body === 'string') payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['Content-Type'] ??= 'application/json';
    }
    const res = await fetch(`${this.base}${path}`, { method, headers: h, body: payload, redirect: 'manual' });
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

/** Reads Server-Sent Events from a response body as they arrive. */
export class EventReader {
  private buffer = '';
  private reader: ReadableStreamDefaultReader<Uint8Array>;
  private decoder = new TextDecoder();
  constructor(readonly res: Response) {
    this.reader = res.body!.getReader();
  }
  /** The next event of the given type (others are skipped), or an error after `timeoutMs`. */
  async next(type: string, timeoutMs = 3000): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event === type) return JSON.parse(data!);
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no "${type}" event within ${timeoutMs} ms`);
      const chunk = await Promise.race([this.reader.read(), new Promise<null>((r) => setTimeout(() => r(null), left))]);
      if (chunk === null) throw new Error(`no "${type}" event within ${timeoutMs} ms`);
      if (chunk.done) throw new Error('stream ended');
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }
  close() {
    void this.reader.cancel();
  }
}
