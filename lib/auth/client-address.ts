/**
 * The client's address, for sign-in throttling. Factdesk's server (lib/cli/serve.ts) puts
 * the one address it trusts into `X-Forwarded-For` before Next.js sees the request: the
 * socket's peer, or — behind FACTDESK_TRUSTED_PROXIES proxies — the address the outermost
 * trusted proxy saw. Whatever a client writes into the header itself is never believed.
 */

/** How many proxies in front of Factdesk append to X-Forwarded-For (FACTDESK_TRUSTED_PROXIES, default 0). */
export function trustedProxyHops(): number {
  const n = Number(process.env.FACTDESK_TRUSTED_PROXIES);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 10) : 0;
}

/**
 * The address to trust, from the socket's peer and the X-Forwarded-For it received: with
 * no trusted proxy, the peer; with n, the n-th address from the right of the chain
 * (`…, client, proxy1, …` + peer), as far as the chain reaches.
 */
export function trustedClientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, hops = trustedProxyHops()): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const chain = [...header.split(',').map((s) => s.trim()).filter(Boolean), peer ?? 'unknown'];
  const address = chain[Math.max(0, chain.length - 1 - hops)]!;
  // IPv4 peers reach Node as ::ffff:a.b.c.d; one spelling per client.
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1').slice(0, 100);
}

/** The trusted address as route code sees it (set by the server; see above). */
export function clientAddressOf(headers: Headers | Record<string, unknown> | undefined): string {
  const value = headers instanceof Headers ? headers.get('x-forwarded-for') : headers?.['x-forwarded-for'];
  const first = typeof value === 'string' ? value.split(',')[0]?.trim() : undefined;
  return first || 'unknown';
}
