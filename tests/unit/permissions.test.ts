import { describe, expect, it } from 'vitest';
import { authorize, can } from '@/lib/permissions';
import { httpUrl, languageTag, plainText } from '@/lib/validation';

describe('permissions', () => {
  it('lets every member read, writers edit, and only editors and admins delete', () => {
    expect(['admin', 'editor', 'reviewer', 'viewer'].every((r) => can(r as never, 'document:read'))).toBe(true);
    expect(can('reviewer', 'document:edit')).toBe(true);
    expect(can('viewer', 'document:edit')).toBe(false);
    expect(can('reviewer', 'document:delete')).toBe(false);
    expect(can('editor', 'document:delete')).toBe(true);
    expect(() => authorize('viewer', 'document:create')).toThrow(expect.objectContaining({ status: 403, code: 'forbidden' }));
  });
});

describe('field validation', () => {
  it('normalises http(s) URLs and refuses other schemes', () => {
    expect(httpUrl.parse(' https://Example.org/a b ')).toBe('https://example.org/a%20b');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'ftp://x.org', 'not a url', 'file:///etc/passwd']) {
      expect(httpUrl.safeParse(bad).success).toBe(false);
    }
  });

  it('canonicalises language tags', () => {
    expect(languageTag.parse('DE')).toBe('de');
    expect(languageTag.parse('es-mx')).toBe('es-MX');
    expect(languageTag.safeParse('deutsch!').success).toBe(false);
  });

  it('refuses HTML and empty strings in plain-text fields', () => {
    expect(plainText(10).parse('  Titel ')).toBe('Titel');
    expect(plainText(10).safeParse('<script>').success).toBe(false);
    expect(plainText(10).safeParse('   ').success).toBe(false);
    expect(plainText(3).safeParse('long').success).toBe(false);
    expect(plainText(20).parse('a < b and c > d')).toBe('a < b and c > d');
  });
});
