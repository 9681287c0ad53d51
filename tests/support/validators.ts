/**
 * The checks our exports must pass, read from ../shared/validators at test time (nothing is
 * copied into the project): the W3C Web Annotation test-suite schemas (draft-04, through
 * ajv-draft-04 + ajv-formats) and the schema.org ClaimReview facts.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

/**
 * The read-only design folder `shared/` beside the project (../shared), or beside one of
 * its parent folders (a clone nested one level deeper), or FACTDESK_SHARED_DIR.
 */
function sharedDir(): string {
  const root = path.resolve(__dirname, '../..');
  const candidates: string[] = process.env.FACTDESK_SHARED_DIR ? [process.env.FACTDESK_SHARED_DIR] : [];
  for (let dir = root; path.dirname(dir) !== dir; dir = path.dirname(dir)) candidates.push(path.join(path.dirname(dir), 'shared'));
  const found = candidates.find((d) => fs.existsSync(path.join(d, 'validators', 'web-annotation')));
  if (!found) throw new Error(`The export tests read the validators from ../shared/validators; none found in ${candidates.join(', ')}. Set FACTDESK_SHARED_DIR.`);
  return found;
}

export const VALIDATORS_DIR = path.join(sharedDir(), 'validators');
const WA = path.join(VALIDATORS_DIR, 'web-annotation');

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** The W3C MUST assertions (annotationMusts.test) and the selector checks, compiled. */
export function webAnnotationValidators() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of fs.readdirSync(path.join(WA, 'definitions'))) ajv.addSchema(readJson(path.join(WA, 'definitions', file)));
  const compile = (rel: string): [string, ValidateFunction] => [rel, ajv.compile(readJson(path.join(WA, rel)))];
  const musts = (readJson(path.join(WA, 'annotations/annotationMusts.test')).assertions as string[]).map(compile);
  const selectors = ['annotations/specificResource/4.2.4-textQuoteSelector.json', 'annotations/specificResource/4.2.5-textPositionSelector.json'].map(compile);
  const samples = {
    correct: fs.readdirSync(path.join(WA, 'tools/samples/correct')).map((f) => readJson(path.join(WA, 'tools/samples/correct', f))),
    incorrect: fs.readdirSync(path.join(WA, 'tools/samples/incorrect')).map((f) => readJson(path.join(WA, 'tools/samples/incorrect', f))),
  };
  return { musts, selectors, samples };
}

/** Names of the assertions `annotation` fails. */
export function failedAssertions(annotation: unknown, checks: [string, ValidateFunction][]): string[] {
  return checks.filter(([, validate]) => !validate(annotation)).map(([name]) => name);
}

interface SchemaExtract {
  types: Record<string, { allProperties: string[] }>;
  properties: Record<string, unknown>;
}

/** The schema.org facts: which properties each type has. */
export function schemaOrg(): SchemaExtract {
  return readJson(path.join(VALIDATORS_DIR, 'claimreview/schemaorg-claimreview-extract.json'));
}

/**
 * Every property used on a typed node exists on that type (Organization and Person, which
 * the extract does not list, are checked against Thing); recurses into nested nodes.
 * Returns "Type.property" for each unknown property.
 */
export function unknownProperties(node: Record<string, unknown>, extract: SchemaExtract): string[] {
  const type = String(node['@type']);
  const known = extract.types[type] ?? extract.types.Thing!;
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@')) continue;
    if (!known.allProperties.includes(key)) unknown.push(`${type}.${key}`);
    if (value && typeof value === 'object' && '@type' in (value as object)) unknown.push(...unknownProperties(value as Record<string, unknown>, extract));
  }
  return unknown;
}
