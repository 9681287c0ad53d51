/** zod schemas of claim and source bodies. */
import { z } from 'zod';
import { SOURCE_KINDS, SOURCE_STANCES, VERDICTS } from '@/db/schema';
import { httpUrl, plainText } from '../validation';

/** Most sources a claim may hold. */
export const MAX_SOURCES_PER_CLAIM = 50;

/** A calendar date `YYYY-MM-DD` that exists. */
export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2021-12-21')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'is not a real date');

/** Longer plain text (statement, rationale, excerpt): may be multi-line, no HTML. */
const longText = (max: number) => plainText(max);

const claimFields = {
  statement: longText(2000),
  claimant: plainText(200).nullable(),
  claimDate: isoDate.nullable(),
  verdict: z.enum(VERDICTS).nullable(),
  rationale: longText(20_000).nullable(),
  tags: z.array(plainText(50)).max(30, 'at most 30 tags').transform((t) => [...new Set(t)]),
  assigneeId: z.string().min(1).max(100).nullable(),
};

/** POST /api/documents/:id/claims */
export const createClaimSchema = z
  .object({
    from: z.number().int().min(0),
    to: z.number().int().min(0),
    version: z.number().int().min(0),
    ...claimFields,
  })
  .partial({ statement: true, claimant: true, claimDate: true, verdict: true, rationale: true, tags: true, assigneeId: true })
  .strict();

/** PATCH /api/claims/:id — `rowVersion` is required; `from`/`to`/`version` re-attach the claim to a new range. */
export const patchClaimSchema = z
  .object({
    rowVersion: z.number().int().min(1),
    ...claimFields,
    from: z.number().int().min(0),
    to: z.number().int().min(0),
    version: z.number().int().min(0),
  })
  .partial()
  .required({ rowVersion: true })
  .strict()
  .refine((p) => (p.from === undefined) === (p.to === undefined) && (p.from === undefined) === (p.version === undefined), {
    message: 'to move a claim send from, to and version together',
  });

const sourceFields = {
  url: httpUrl,
  title: plainText(500).nullable(),
  publisher: plainText(200).nullable(),
  publishedAt: isoDate.nullable(),
  accessedAt: isoDate,
  excerpt: longText(5000).nullable(),
  kind: z.enum(SOURCE_KINDS),
  stance: z.enum(SOURCE_STANCES),
};

/** POST /api/claims/:id/sources */
export const createSourceSchema = z
  .object(sourceFields)
  .partial({ title: true, publisher: true, publishedAt: true, accessedAt: true, excerpt: true, kind: true, stance: true })
  .strict();

/** PATCH /api/sources/:id — any field, or `position` to move it in the claim's list. */
export const patchSourceSchema = z
  .object({ ...sourceFields, position: z.number().int().min(0) })
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'send at least one field');
