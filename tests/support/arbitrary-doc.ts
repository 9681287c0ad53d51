/**
 * A fast-check arbitrary of valid Factdesk documents, built from lib/editor/schema.ts: every
 * node and mark, nesting (lists in quotes in lists, tables, figures), attributes over their
 * whole ranges, German, Spanish, Arabic and Hebrew text, emoji and other astral characters,
 * and very long paragraphs.
 */
import fc from 'fast-check';
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { HEADING_LEVELS, MAX_LIST_START, MAX_SPAN, schema } from '@/lib/editor/schema';

const WORDS = [
  // German, Spanish, English
  'Die', 'Bundesregierung', 'rechnet', 'mit', '48,3', 'Millionen', 'Euro', 'Maßnahmen', 'Größe', 'übermorgen', '„Sicherheitsgarantien“',
  '¿Qué', 'significa?', 'mañana', 'señal', '¡Alarma!', 'participación', 'The', 'ministry', 'said', '3.5 %', 'well-known',
  // Arabic and Hebrew (right to left), mixed with digits and Latin
  'الاقتصاد', 'صندوق', 'النقد', 'الدولي', '٢٠٢٦', 'IMF', 'הממשלה', 'אחוז', '40%',
  // Emoji and other astral characters, combining marks
  '😀', '🇩🇪', '👩🏽‍💻', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '𠜎', 'e\u0301',
  // Characters markup formats care about
  '*star*', '_under_', '[x]', '<b>', '|pipe|', '#1', '- dash', '1.', '`tick`', '&amp;', '"quote"', "it's",
];

const word = fc.constantFrom(...WORDS);
const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
const longSentence = fc.array(word, { minLength: 400, maxLength: 900 }).map((w) => w.join(' '));

const href = fc.oneof(
  fc.constantFrom('https://example.org', 'http://example.org/a?b=c&d=e#f', 'mailto:desk@example.org', 'https://de.wikipedia.org/wiki/Gr%C3%B6%C3%9Fe'),
  fc.webUrl({ validSchemes: ['https'] }).filter((u) => u.length < 300),
);
const markSet = fc
  .record({
    strong: fc.boolean(),
    em: fc.boolean(),
    code: fc.boolean(),
    strike: fc.boolean(),
    link: fc.option(fc.record({ href, title: fc.option(sentence.map((s) => [...s].slice(0, 60).join('')), { nil: null }) }), { nil: null, freq: 3 }),
  })
  .map((m) => {
    const marks: Mark[] = [];
    if (m.strong) marks.push(schema.marks.strong!.create());
    if (m.em) marks.push(schema.marks.em!.create());
    if (m.code) marks.push(schema.marks.code!.create());
    if (m.strike) marks.push(schema.marks.strike!.create());
    if (m.link) marks.push(schema.marks.link!.create(m.link));
    return marks;
  });

/** Inline content: text runs with marks, and line breaks between them. */
const inline = (text: fc.Arbitrary<string>) =>
  fc.array(fc.tuple(text, markSet, fc.boolean()), { minLength: 1, maxLength: 5 }).map((runs) => {
    const out: PMNode[] = [];
    runs.forEach(([t, marks, br], i) => {
      if (br && i > 0) out.push(schema.nodes.hard_break!.create());
      out.push(schema.text(t, marks));
    });
    return out;
  });

const paragraph = fc.oneof({ weight: 12, arbitrary: inline(sentence) }, { weight: 1, arbitrary: inline(longSentence) }).map((c) => schema.nodes.paragraph!.create(null, c));
const heading = fc.tuple(fc.constantFrom(...HEADING_LEVELS), inline(sentence)).map(([level, c]) => schema.nodes.heading!.create({ level }, c));
const figure = fc
  .tuple(fc.webUrl({ validSchemes: ['https'] }).filter((u) => u.length < 300), sentence, fc.option(inline(sentence), { nil: null }))
  .map(([src, alt, caption]) => schema.nodes.figure!.create({ src, alt }, caption ?? []));

const cell = fc.tuple(fc.boolean(), fc.integer({ min: 1, max: MAX_SPAN }), fc.integer({ min: 1, max: 3 }), fc.array(paragraph, { minLength: 1, maxLength: 2 })).map(([header, colspan, rowspan, paras]) =>
  (header ? schema.nodes.table_header! : schema.nodes.table_cell!).create({ colspan: colspan > 4 && colspan !== MAX_SPAN ? 1 : colspan, rowspan }, paras),
);
const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }).map((rows) =>
  schema.nodes.table!.create(null, rows.map((cells) => schema.nodes.table_row!.create(null, cells))),
);

type Tree = fc.Arbitrary<PMNode>;
const { block } = fc.letrec<{ block: PMNode; list: PMNode; quote: PMNode; item: PMNode }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 10, arbitrary: paragraph },
    { weight: 3, arbitrary: heading },
    { weight: 2, arbitrary: tie('list') as Tree },
    { weight: 2, arbitrary: tie('quote') as Tree },
    { weight: 1, arbitrary: table },
    { weight: 1, arbitrary: figure },
  ),
  item: fc.tuple(paragraph, fc.array(tie('block') as Tree, { maxLength: 2, depthIdentifier: 'doc' })).map(([first, rest]) => schema.nodes.list_item!.create(null, [first, ...rest])),
  list: fc
    .tuple(fc.boolean(), fc.oneof(fc.constant(1), fc.integer({ min: 0, max: MAX_LIST_START })), fc.array(tie('item') as Tree, { minLength: 1, maxLength: 4, depthIdentifier: 'doc' }))
    .map(([ordered, order, items]) => (ordered ? schema.nodes.ordered_list!.create({ order }, items) : schema.nodes.bullet_list!.create(null, items))),
  quote: fc.array(tie('block') as Tree, { minLength: 1, maxLength: 3, depthIdentifier: 'doc' }).map((blocks) => schema.nodes.blockquote!.create(null, blocks)),
}));

/** A valid document of the schema (checked: `doc.check()` passes). */
export const arbitraryDoc: fc.Arbitrary<PMNode> = fc.array(block, { minLength: 1, maxLength: 12, depthIdentifier: 'doc' }).map((blocks) => {
  const doc = schema.nodes.doc!.create(null, blocks);
  doc.check();
  return doc;
});
