/** Small fetch helpers for the claims UI: JSON in, JSON out, readable errors. */
import { apiErrorText, errorText } from '../ui/error-text';

/** Error carrying the API's code and, for conflicts, the current claim. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: { error?: { code?: string; message?: string; claim?: unknown } } | null,
  ) {
    super(message);
  }
}

/** Sends JSON and returns the parsed answer, or throws ApiError with the server's message. */
export async function sendJson<T>(method: string, url: string, body?: unknown, options: { keepalive?: boolean } = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      keepalive: options.keepalive,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(errorText('network', 'Factdesk could not be reached. Check your connection and try again.'), 0, null);
  }
  const json = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(apiErrorText(json?.error?.code, json?.error?.message, res.status), res.status, json);
  return json as T;
}
