/** Signing in through next-auth's credentials flow over HTTP (tests and benchmarks). */

/** Signs in with email and password; returns the session cookie or the error next-auth reported. */
export async function signInAt(base: string, email: string, password: string, ip?: string): Promise<{ cookie?: string; error?: string }> {
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

