import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { formatForFileName, htmlToDoc, importDocument, markdownToDoc, textToDoc } from '@/lib/editor/import';
import { isSafeHref, schema } from '@/lib/editor/schema';

const types = (doc: { content: { forEach: (f: (n: { type: { name: string } }) => void) => void } }) => {
  const out: string[] = [];
  doc.content.forEach((n) => out.push(n.type.name));
  return out;
};

describe('editor schema', () => {
  it('has the blocks and marks an article needs, and nothing else', () => {
    expect(Object.keys(schema.nodes).sort()).toEqual(
      ['blockquote', 'bullet_list', 'doc', 'hard_break', 'heading', 'list_item', 'ordered_list', 'paragraph', 'text'].sort(),
    );
    expect(Object.keys(schema.marks).sort()).toEqual(['em', 'link', 'strong']);
  });

  it('refuses documents that break the schema', () => {
    expect(() => schema.nodeFromJSON({ type: 'doc', content: [{ type: 'text', text: 'bare text' }] }).check()).toThrow();
    expect(() => schema.nodeFromJSON({ type: 'doc', content: [{ type: 'image' }] })).toThrow();
  });

  it('only renders http, https and mailto links', () => {
    expect(isSafeHref('https://example.org')).toBe(true);
    expect(isSafeHref('mailto:desk@example.org')).toBe(true);
    expect(isSafeHref('javascript:alert(1)')).toBe(false);
    expect(isSafeHref(' JavaScript:alert(1)')).toBe(false);
    expect(isSafeHref('data:text/html,x')).toBe(false);
  });
});

describe('plain text import', () => {
  it('makes one paragraph per line when there are no blank lines (the sample article)', () => {
    const sample = fs.readFileSync('db/seed-data/nato-russland-2021-12-21.de.txt', 'utf8');
    const doc = textToDoc(sample);
    expect(doc.childCount).toBe(sample.trim().split('\n').filter((l) => l.trim()).length);
    expect(doc.firstChild!.textContent).toMatch(/^Die NATO geht davon aus, dass sie das Recht der Ukraine/);
    expect(doc.textContent).toContain('„kompromittieren“');
  });

  it('joins hard-wrapped lines when blank lines separate paragraphs', () => {
    const doc = textToDoc('First line\nstill first.\n\nSecond.\r\n');
    expect(doc.childCount).toBe(2);
    expect(doc.firstChild!.textContent).toBe('First line still first.');
  });
});

describe('Markdown import', () => {
  it('keeps headings, emphasis, links, lists and quotes', () => {
    const doc = markdownToDoc('## Title\n\n**Bold** _it_ [a](https://a.example)\n\n1. one\n2. two\n\n> q');
    expect(types(doc)).toEqual(['heading', 'paragraph', 'ordered_list', 'blockquote']);
    expect(doc.firstChild!.attrs.level).toBe(2);
    const marks = new Set<string>();
    doc.descendants((n) => n.marks.forEach((m) => marks.add(m.type.name)));
    expect([...marks].sort()).toEqual(['em', 'link', 'strong']);
  });

  it('leaves unsafe links as text and raw HTML out', () => {
    const doc = markdownToDoc('[x](javascript:alert(1)) <b onclick="y">z</b>');
    let links = 0;
    doc.descendants((n) => void (links += n.marks.filter((m) => m.type.name === 'link').length));
    expect(links).toBe(0);
    expect(JSON.stringify(doc.toJSON())).not.toContain('onclick');
    expect(doc.textContent).toBe('[x](javascript:alert(1)) z');
  });

  it('keeps code as plain paragraphs and drops script blocks', () => {
    const doc = markdownToDoc('```\nconst a = 1;\n```\n\n<script>\nalert(1)\n</script>\n\nafter');
    expect(types(doc)).toEqual(['paragraph', 'paragraph']);
    expect(doc.textContent).toBe('const a = 1;after');
  });
});

describe('HTML import', () => {
  it('keeps structure, drops scripts, styles and unknown tags but keeps their text', () => {
    const doc = htmlToDoc('<style>.x{}</style><h1>H</h1><div><p>a <strong>b</strong> <em>c</em></p></div><script>bad()</script><marquee>moving</marquee><ul><li>l</li></ul>');
    expect(types(doc)).toEqual(['heading', 'paragraph', 'paragraph', 'bullet_list']);
    expect(doc.textContent).not.toContain('bad()');
    expect(doc.textContent).not.toContain('.x{}');
    expect(doc.textContent).toContain('moving');
  });

  it('drops javascript: links but keeps their text', () => {
    const doc = htmlToDoc('<p><a href="javascript:alert(1)">click</a> <a href="https://ok.example">ok</a></p>');
    const hrefs: string[] = [];
    doc.descendants((n) => n.marks.forEach((m) => m.type.name === 'link' && hrefs.push(m.attrs.href)));
    expect(hrefs).toEqual(['https://ok.example']);
    expect(doc.textContent).toBe('click ok');
  });
});

describe('importDocument', () => {
  it('refuses empty and oversized articles with the right status', () => {
    expect(() => importDocument('text', '  \n ')).toThrow(expect.objectContaining({ status: 400, code: 'invalid:content' }));
    expect(() => importDocument('text', 'x'.repeat(2_000_001))).toThrow(expect.objectContaining({ status: 413 }));
  });

  it('picks the format from the file name and refuses other files', () => {
    expect(formatForFileName('a.TXT')).toBe('text');
    expect(formatForFileName('b.md')).toBe('markdown');
    expect(formatForFileName('c.htm')).toBe('html');
    expect(() => formatForFileName('d.docx')).toThrow(expect.objectContaining({ status: 415 }));
    expect(() => formatForFileName('noextension')).toThrow(expect.objectContaining({ status: 415 }));
  });
});
