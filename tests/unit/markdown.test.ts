import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '@/lib/exports/markdown';

const md = MarkdownIt('default', { html: false });
/** What a reader sees of a Markdown line: its rendered text. */
const rendered = (text: string) => md.renderInline(text);
const block = (text: string) => md.render(text);

describe('escapeMarkdown', () => {
  it('leaves ordinary punctuation alone', () => {
    for (const text of ['Die Quote lag bei 3.5 % im Jahr 2025.', 'well-known, self-made', 'Sie sagte (gestern): „Nein!“', 'Zahl 48.000.000 und 1,2 Mrd.']) {
      expect(escapeMarkdown(text)).toBe(text);
    }
  });

  it('escapes what Markdown would read as markup, and the text then renders as it was', () => {
    for (const text of ['*not emphasis* and _this_', 'a [link](https://x) here', '<b>bold</b>', 'a | b', '~~struck~~', '`code`', 'AT&amp;T']) {
      const escaped = escapeMarkdown(text);
      expect(escaped).not.toBe(text);
      expect(rendered(escaped)).toBe(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'));
    }
  });

  it('escapes markers only at the start of a line, so a paragraph stays a paragraph', () => {
    for (const text of ['# Not a heading', '- not a list', '+ nor this', '> not a quote', '1. not a list', '2) nor this', '=== ']) {
      expect(block(escapeMarkdown(text))).toMatch(/^<p>/);
    }
  });
});
