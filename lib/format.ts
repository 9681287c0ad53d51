/** Small formatting helpers shared by pages and components. */

/** Up to two initials of a person's name ("Rita Reviewer" → "RR"), for avatars. */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((p) => p[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

/** A form field's trimmed value, or null when it is empty. */
export function orNull(value: FormDataEntryValue | null): string | null {
  const s = String(value ?? '').trim();
  return s ? s : null;
}

/** What people type for a web address, made whole: `www.example.org/x` → `https://www.example.org/x`. */
export function completeUrl(value: string): string {
  const v = value.trim();
  if (!v || /^[a-z][a-z0-9+.-]*:/i.test(v)) return v;
  return /^[^\s/]+\.[^\s/]+/.test(v) ? `https://${v.replace(/^\/\//, '')}` : v;
}
