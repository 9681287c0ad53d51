/** zod field schemas shared by every trust boundary (API bodies, forms, CLI). */
import { z } from 'zod';
import { hasBadCharacters, withoutBadCharacters } from './characters';
import { canonicalLanguage } from './languages';

// A tag opens with `<` directly followed by a letter, `/`, `!` or `?` (`a < b` is fine).
const HTML_TAG = /<[a-z!/?]/i;

/** A one-line plain-text field: trimmed, not empty, no HTML markup, at most `max` characters. */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !HTML_TAG.test(s), 'must be plain text, not HTML')
    .refine((s) => !hasBadCharacters(s), 'must not contain control characters or broken (unpaired surrogate) characters');

/** A BCP 47 language tag of a language in LANGUAGES, returned in canonical form (`DE` → `de`, `pt-br` → `pt-BR`). */
export const languageTag = z
  .string()
  .trim()
  .min(2)
  .max(35)
  .transform((tag, ctx) => {
    const canonical = canonicalLanguage(tag);
    if (canonical) return canonical;
    ctx.addIssue({ code: 'custom', message: `"${tag.slice(0, 40)}" is not a language tag Factdesk knows; choose one such as de, en or es` });
    return z.NEVER;
  });

/** An http or https URL, normalised; `javascript:`, `data:` and the like are refused. */
export const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: value ? `is not a web address: “${value.slice(0, 80)}” (write it with https:// or http://, or starting with www.)` : 'is missing: paste the address of the page' });
      return z.NEVER;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: `must be an http or https link, not ${url.protocol}` });
      return z.NEVER;
    }
    url.hash = url.hash === '#' ? '' : url.hash;
    return url.toString();
  });

/** A document title. */
export const documentTitle = plainText(200);

/** Who wrote an article, as its source names them. */
export const documentByline = plainText(200);

/** An e-mail address, trimmed and lower-cased. */
export const emailAddress = z.string().trim().toLowerCase().max(254, 'must be at most 254 characters').pipe(z.email('must be an e-mail address'));

/**
 * Text taken from an article for a plain-text field (a claim's default statement, a Word
 * comment): what typed text must be, made so — one line, no markup (a `<` that would open a
 * tag becomes ‹), no control characters, at most `max` characters.
 */
export function asPlainText(text: string, max: number): string {
  const cleaned = withoutBadCharacters(text)
    .replace(/\s+/g, ' ')
    .replace(/<(?=[a-z!/?])/gi, '‹')
    .trim();
  return Array.from(cleaned).slice(0, max).join('').trim();
}
