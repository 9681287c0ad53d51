/** The demo desk a newcomer starts with (`npm run demo`): the sample article with claims in four states. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEngine } from '@/db';
import { DEMO_CLAIMS, SAMPLE_PATH, seedDemo } from '@/db/seed';
import { textToDoc } from '@/lib/editor/import';

describe('the demo seed', () => {
  it('puts four claims in four states on the sample article, each on its quote, with sources where a verdict needs them', async () => {
    const engine = openEngine(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'factdesk-seed-')), 'demo.db'));
    expect(await seedDemo(engine, { claims: true })).toEqual({ created: true });
    const doc = engine.sqlite.prepare('SELECT id FROM documents').get() as { id: string };
    // The article as seeded (nobody has edited it yet).
    const node = textToDoc(fs.readFileSync(SAMPLE_PATH, 'utf8'));
    const claims = engine.sqlite.prepare('SELECT * FROM claims WHERE document_id = ? ORDER BY "from"').all(doc.id) as Record<string, unknown>[];
    expect(claims.map((c) => c.status).sort()).toEqual(['approved', 'in_progress', 'open', 'proposed']);
    for (const c of claims) expect(node.textBetween(c.from as number, c.to as number)).toBe(c.quote_exact);
    const approved = claims.find((c) => c.status === 'approved')!;
    expect(approved.approved_by).not.toBe(approved.proposed_by);
    const sources = engine.sqlite.prepare('SELECT claim_id FROM sources').all() as { claim_id: string }[];
    for (const c of claims.filter((c) => c.status === 'approved' || c.status === 'proposed')) expect(sources.some((s) => s.claim_id === c.id)).toBe(true);
    expect(DEMO_CLAIMS).toHaveLength(4);
    // Seeding again changes nothing.
    expect(await seedDemo(engine, { claims: true })).toEqual({ created: false });
    expect((engine.sqlite.prepare('SELECT count(*) AS n FROM claims').get() as { n: number }).n).toBe(4);
    engine.close();
  });
});
