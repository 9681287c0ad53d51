/**
 * JSON-LD that is safe where publishers paste it, inside `<script type="application/ld+json">`:
 * `<`, `>`, `&` and the line separators U+2028/U+2029 are written as \u escapes (the same JSON).
 */
export function jsonLd(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
