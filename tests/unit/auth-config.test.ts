/** Session cookies and client addresses: configuration that decides security. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { trustedClientAddress } from '@/lib/auth/client-address';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

describe('session cookies', () => {
  it('are Secure when users reach Factdesk over https, and last FACTDESK_SESSION_HOURS', async () => {
    process.env.NEXTAUTH_URL = 'https://factdesk.example.org';
    process.env.FACTDESK_SESSION_HOURS = '8';
    const { authOptions } = await import('@/lib/auth/options');
    expect(authOptions.useSecureCookies).toBe(true);
    expect(authOptions.session?.maxAge).toBe(8 * 3600);
  });

  it('are not Secure over plain http (a local demo), and last 14 days by default', async () => {
    process.env.NEXTAUTH_URL = 'http://localhost:3000';
    delete process.env.FACTDESK_PUBLIC_URL;
    delete process.env.FACTDESK_SESSION_HOURS;
    const { authOptions } = await import('@/lib/auth/options');
    expect(authOptions.useSecureCookies).toBe(false);
    expect(authOptions.session?.maxAge).toBe(14 * 24 * 3600);
  });
});

describe('the client address', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(trustedClientAddress('::ffff:203.0.113.9', '10.0.0.1, 10.0.0.2', 0)).toBe('203.0.113.9');
    expect(trustedClientAddress('2001:db8::1', undefined, 0)).toBe('2001:db8::1');
  });

  it('is the address the outermost trusted proxy saw', () => {
    // client → proxy A (appends client) → proxy B (appends A) → Factdesk (peer B)
    expect(trustedClientAddress('10.0.0.2', 'forged, 198.51.100.7, 10.0.0.1', 2)).toBe('198.51.100.7');
    expect(trustedClientAddress('10.0.0.1', 'forged, 198.51.100.7', 1)).toBe('198.51.100.7');
    // A chain shorter than the hops: the first address it has.
    expect(trustedClientAddress('10.0.0.1', undefined, 3)).toBe('10.0.0.1');
  });
});
