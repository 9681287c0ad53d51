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
