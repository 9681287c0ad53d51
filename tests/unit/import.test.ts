import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import type { Node as PMNode } from 'prosemirror-model';
import { formatForFileName, htmlArticle, htmlToDoc, importDocument, markdownArticle, markdownToDoc, textToDoc } from '@/lib/editor/import';
import { documentProblem, isSafeHref, schema } from '@/lib/editor/schema';
import { corpus } from '../support/corpus';

const types = (doc: { content: { forEach: (f: (n: { type: { name: string } }) => void) => void } }) => {
  const out: string[] = [];
  doc.content.forEach((n) => out.push(n.type.name));
  return out;
};

describe('editor schema', () => {
  it('has the blocks and marks an article needs, the marks of suggested corrections, and nothing else', () => {
    expect(Object.keys(schema.nodes).sort()).toEqual(
      ['blockquote', 'bullet_list', 'doc', 'figure', 'hard_break', 'heading', 'list_item', 'ordered_list', 'paragraph', 'table', 'table_cell', 'table_header', 'table_row', 'text'].sort(),
    );
    expect(Object.keys(schema.marks).sort()).toEqual(['code', 'deletion', 'em', 'insertion', 'link', 'modification', 'strike', 'strong']);
  });

  it('never reads suggested corrections from pasted or imported HTML', () => {
    const doc = htmlToDoc('<p>Die <ins data-id="1">USA</ins> haben <del data-id="2">MK-41</del> Startanlagen.</p>');
    expect(doc.textContent).toBe('Die USA haben MK-41 Startanlagen.');
    const marks = new Set<string>();
    doc.descendants((node) => void node.marks.forEach((m) => marks.add(m.type.name)));
    // <del> is strikethrough text, <ins> plain text: never a pending suggestion.
    expect([...marks]).toEqual(['strike']);
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
    const wrapped = 'The minister said on Tuesday that the programme would cost\nfar more than the 48 million euros first announced in May.\n\nSecond.\r\n';
    const doc = textToDoc(wrapped);
    expect(doc.childCount).toBe(2);
    expect(doc.firstChild!.textContent).toBe('The minister said on Tuesday that the programme would cost far more than the 48 million euros first announced in May.');
  });

  it('keeps deliberate single line breaks (short lines) as line breaks', () => {
    const doc = textToDoc('Ministry of Health\nPress office\nBerlin\n\nSecond.');
    expect(doc.childCount).toBe(2);
    const kinds: string[] = [];
    doc.firstChild!.forEach((n) => kinds.push(n.type.name));
    expect(kinds).toEqual(['text', 'hard_break', 'text', 'hard_break', 'text']);
    expect(doc.firstChild!.textBetween(0, doc.firstChild!.content.size, '\n', '\n')).toBe('Ministry of Health\nPress office\nBerlin');
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
    expect(formatForFileName('d.DOCX')).toBe('docx');
    expect(() => formatForFileName('e.doc')).toThrow(expect.objectContaining({ status: 415 }));
    expect(() => formatForFileName('noextension')).toThrow(expect.objectContaining({ status: 415 }));
  });
});

describe('what real articles bring', () => {
  const nodeTypes = (doc: PMNode) => {
    const seen = new Set<string>();
    doc.descendants((n) => {
      seen.add(n.type.name);
      n.marks.forEach((m) => seen.add(`mark:${m.type.name}`));
    });
    return seen;
  };

  it('imports Markdown tables, figures, inline code, strikethrough and footnotes as such', () => {
    const { doc, meta } = markdownArticle(
      '# The title\n\nSee `npm test` and ~~old~~ new.[^1]\n\n![A chart](https://example.org/c.png "Turnout by year")\n\n| Year | Turnout |\n| --- | ---: |\n| 2021 | 76,4 % |\n\n[^1]: The ministry, *2026*.\n',
    );
    expect(meta.title).toBe('The title');
    const seen = nodeTypes(doc);
    for (const t of ['table', 'table_row', 'table_header', 'table_cell', 'figure', 'mark:code', 'mark:strike']) expect(seen, t).toContain(t);
    expect(doc.textContent).not.toContain('`');
    expect(doc.textContent).not.toContain('~~');
    expect(doc.textContent).not.toContain('|');
    expect(doc.textContent).toContain('new.[1]');
    let figure: PMNode | undefined;
    doc.descendants((n) => void (n.type.name === 'figure' && (figure = n)));
    expect(figure!.attrs).toEqual({ src: 'https://example.org/c.png', alt: 'A chart' });
    expect(figure!.textContent).toBe('Turnout by year');
    const last = doc.lastChild!;
    expect(last.type.name).toBe('ordered_list');
    expect(last.textContent).toBe('The ministry, 2026.');
    expect(doc.child(doc.childCount - 2).textContent).toBe('Notes');
  });

  it('imports HTML tables with spans, figures with captions, code and strikethrough; never empty paragraphs for images', () => {
    const doc = htmlToDoc(
      '<p>Text <code>x</code> <del>gone</del></p><figure><img src="https://example.org/a.jpg" alt="Alt"><figcaption>The caption</figcaption></figure><p><img src="data:image/png;base64,AAAA"></p><table><tr><th colspan="2">Both</th></tr><tr><td>a</td><td>b</td></tr></table>',
    );
    expect(types(doc)).toEqual(['paragraph', 'figure', 'table']);
    expect(doc.child(1).attrs).toMatchObject({ src: 'https://example.org/a.jpg', alt: 'Alt' });
    expect(doc.child(1).textContent).toBe('The caption');
    const header = doc.child(2).firstChild!.firstChild!;
    expect(header.type.name).toBe('table_header');
    expect(header.attrs.colspan).toBe(2);
    expect(nodeTypes(doc)).toContain('mark:code');
    expect(nodeTypes(doc)).toContain('mark:strike');
  });

  it('keeps only the article of a whole web page, with its title, date and canonical address', () => {
    const page = corpus().find((a) => a.file === 'en-climate.html')!;
    const { doc, meta } = htmlArticle(page.content);
    expect(meta.title).toContain(page.title);
    expect(meta.canonicalUrl).toMatch(/^https:\/\/news\.example\.org\//);
    expect(meta.publishedAt).toBe('2026-10-02');
    for (const phrase of page.mustNotContain) expect(doc.textContent).not.toContain(phrase);
    for (const phrase of page.mustContain) expect(doc.textContent).toContain(phrase);
  });

  it('imports every corpus article with its text, tables and structure', () => {
    for (const a of corpus()) {
      const { doc } = importDocument(a.format, a.content);
      const text = doc.textBetween(0, doc.content.size, '\n', '\n');
      for (const phrase of a.mustContain) expect(text, `${a.file}: ${phrase}`).toContain(phrase);
      for (const phrase of a.mustNotContain) expect(text, `${a.file}: ${phrase}`).not.toContain(phrase);
      if (a.tableCell) {
        const cells: string[] = [];
        doc.descendants((n) => void ((n.type.name === 'table_cell' || n.type.name === 'table_header') && cells.push(n.textContent.trim())));
        expect(cells, a.file).toContain(a.tableCell);
      }
      expect(documentProblem(doc), a.file).toBeNull();
    }
  });

  it('refuses documents nested deeper than the limit with 400 invalid:content', () => {
    expect(() => importDocument('html', `${'<blockquote>'.repeat(1500)}deep${'</blockquote>'.repeat(1500)}`)).toThrow(
      expect.objectContaining({ status: 400, code: 'invalid:content' }),
    );
    expect(() => importDocument('markdown', `${'> '.repeat(1500)}deep`)).not.toThrow(expect.objectContaining({ status: 500 }));
  });
});
