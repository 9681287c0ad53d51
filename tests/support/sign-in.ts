/** Signing in through next-auth's credentials flow over HTTP (tests and benchmarks). */
import http from 'node:http';

interface Reply {
  status: number;
  setCookies: string[];
  location: string;
  body: string;
}

/** One HTTP request, optionally from a chosen local address (127.0.0.x: another client to the server). */
function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; from?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, localAddress: options.from }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, setCookies: res.headers['set-cookie'] ?? [], location: String(res.headers.location ?? ''), body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/**
 * Signs in with email and password; returns the session cookie or the error next-auth
 * reported. `forwardedFor` sends an X-Forwarded-For header (believed only from trusted
 * proxies); `from` connects from that local address.
 */
export async function signInAt(base: string, email: string, password: string, forwardedFor?: string, from?: string): Promise<{ cookie?: string; error?: string }> {
  const headers: Record<string, string> = forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {};
  const csrf = await request(`${base}/api/auth/csrf`, { headers, from });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const csrfCookie = csrf.setCookies.map((c) => c.split(';')[0]).join('; ');
  const res = await request(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    from,
    headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded', Cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }).toString(),
  });
  const session = res.setCookies.find((c) => c.startsWith('next-auth.session-token='));
  if (session) return { cookie: session.split(';')[0] };
  // next-auth answers `json: true` sign-ins with {url}, failed ones carrying ?error=….
  let location = res.location;
  try {
    location = (JSON.parse(res.body) as { url?: string }).url ?? location;
  } catch {
    // not JSON: the Location header says it
  }
  return { error: new URL(location || '/', base).searchParams.get('error') ?? `status ${res.status}` };
}
