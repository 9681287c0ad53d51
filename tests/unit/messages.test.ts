/** The three interface languages say the same things: same keys, same placeholders, every message parses. */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import es from '@/messages/es.json';

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v]] : Object.entries(flatten(v, `${prefix}${k}.`)))));
}
/** The arguments and rich-text tags of a message, from the ICU parser (branches included). */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      // Literals carry text, not a name; every other element with a string value names an argument or a tag.
      if (e.type !== TYPE.literal && e.type !== TYPE.pound && 'value' in e && typeof e.value === 'string') names.add(e.value);
      if ('options' in e) for (const option of Object.values(e.options)) walk(option.value);
      if ('children' in e) walk(e.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

const english = flatten(en as Tree);
describe.each([
  ['de', de],
  ['es', es],
])('messages/%s.json', (locale, catalogue) => {
  const messages = flatten(catalogue as Tree);
  it('has exactly the English keys', () => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
  });
  it('keeps every placeholder of the English message, and every message parses', () => {
    for (const [key, text] of Object.entries(messages)) {
      expect(placeholders(text), key).toEqual(placeholders(english[key]!));
      expect(() => new IntlMessageFormat(text, locale), key).not.toThrow();
    }
  });
  it('is translated (most messages differ from the English)', () => {
    const same = Object.keys(english).filter((k) => messages[k] === english[k]);
    expect(same.length).toBeLessThan(Object.keys(english).length * 0.1);
  });
});
