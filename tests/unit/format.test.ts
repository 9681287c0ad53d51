/** Small helpers people's input goes through. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeZodError } from '@/lib/api/handler';
import { completeUrl } from '@/lib/format';
import { httpUrl } from '@/lib/validation';

describe('web addresses as people type them', () => {
  it('get https:// when they start with www. or a domain, and are left alone otherwise', () => {
    expect(completeUrl('www.bundestag.de/presse')).toBe('https://www.bundestag.de/presse');
    expect(completeUrl('  example.org ')).toBe('https://example.org');
    expect(completeUrl('http://example.org')).toBe('http://example.org');
    expect(completeUrl('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(completeUrl('nur Text')).toBe('nur Text');
  });
});

describe('validation errors', () => {
  const error = (schema: z.ZodType, value: unknown) => describeZodError(schema.safeParse(value).error!);

  it('read as sentences naming the field as people say it', () => {
    expect(error(z.object({ sourceUrl: httpUrl }), { sourceUrl: 'ftp://example.org' })).toBe('The source URL must be an http or https link, not ftp:.');
    expect(error(z.object({ url: httpUrl }), { url: 'example' })).toMatch(/^The URL is not a web address: “example” \(write it with https:\/\/ or http:\/\/, or starting with www\.\)\.$/);
    expect(error(z.object({ title: z.string() }), {})).toBe('The title is missing.');
    expect(error(z.object({ version: z.number() }), { version: 'neu' })).toBe('The version must be a number, not a string.');
    expect(error(z.object({ kind: z.enum(['a', 'b']) }), { kind: 'c' })).toMatch(/^The kind: /);
    expect(error(z.object({ steps: z.array(z.object({ from: z.number() })) }), { steps: [{ from: 1 }, { from: 'x' }] })).toBe('The steps from (item 2) must be a number, not a string.');
  });
});
