/**
 * Demo data: the workspace "Demo desk", five users (one per role, password
 * `factdesk-demo`) and the sample article. Never run in production unless FACTDESK_DEMO=1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { hashPassword } from '@/lib/auth/passwords';
import { findText, quoteAt } from '@/lib/claims/anchor';
import { textToDoc } from '@/lib/editor/import';
import type { Engine } from './index';
import { insertEvent } from './queries/events';
import { insertDocument } from './queries/documents';
import { insertClaim, insertSource } from './queries/claims';
import { getWorkspaceByName, insertUser, insertWorkspace, upsertMembership } from './queries/users';
import type { ClaimStatus, Role, Verdict } from './schema';

/** The published password of every demo user. */
export const DEMO_PASSWORD = 'factdesk-demo';
export const DEMO_WORKSPACE = 'Demo desk';
export const SAMPLE_TITLE = 'NATO und Russland: Streit um Sicherheitsgarantien';
/** The sample article shipped with the app. */
export const SAMPLE_PATH = path.join(process.cwd(), 'db', 'seed-data', 'nato-russland-2021-12-21.de.txt');

/** The demo users, one per role (two reviewers, for four-eyes approval). */
export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@factdesk.test', name: 'Ada Admin', role: 'admin' },
  { email: 'editor@factdesk.test', name: 'Erik Editor', role: 'editor' },
  { email: 'reviewer@factdesk.test', name: 'Rita Reviewer', role: 'reviewer' },
  { email: 'reviewer2@factdesk.test', name: 'Ben Reviewer', role: 'reviewer' },
  { email: 'viewer@factdesk.test', name: 'Vera Viewer', role: 'viewer' },
];

/** A claim of the demo article, in the state a newcomer should see it in. */
interface DemoClaim {
  quote: string;
  statement: string;
  claimant?: string;
  status: ClaimStatus;
  verdict?: Verdict;
  rationale?: string;
  /** Indexes into DEMO_USERS. */
  assignee?: number;
  proposer?: number;
  approver?: number;
  sources?: { url: string; title: string; publisher: string; kind: 'primary' | 'official' | 'expert' | 'media'; stance: 'supports' | 'refutes' | 'context'; excerpt?: string }[];
}

/** Four claims in four states: approved, waiting for approval, being checked, open. */
export const DEMO_CLAIMS: DemoClaim[] = [
  {
    quote: 'MK-41-Shuttles in Polen, die für den Einsatz von Tomahawk-Angriffssystemen angepasst werden könnten',
    statement: 'In Polen werden MK-41-Startanlagen stationiert, die für Tomahawk-Marschflugkörper angepasst werden könnten.',
    claimant: 'Russisches Außenministerium',
    status: 'approved',
    verdict: 'needs_context',
    rationale:
      'Die Aegis-Ashore-Anlage in Redzikowo nutzt MK-41-Startanlagen, die die NATO für SM-3-Abfangraketen konfiguriert. Technisch können MK-41-Systeme auch Tomahawks verschießen; die NATO bestreitet, dass die Anlage dafür ausgelegt ist. Die Aussage ist nicht falsch, aber ohne diesen Kontext irreführend.',
    assignee: 2,
    proposer: 2,
    approver: 3,
    sources: [
      { url: 'https://www.nato.int/cps/en/natohq/topics_8206.htm', title: 'Ballistic missile defence', publisher: 'NATO', kind: 'official', stance: 'context', excerpt: 'NATO BMD is purely defensive.' },
      { url: 'https://www.mda.mil/system/aegis_ashore.html', title: 'Aegis Ashore', publisher: 'U.S. Missile Defense Agency', kind: 'official', stance: 'context' },
    ],
  },
  {
    quote: 'Elementen des globalen Raketenabwehrsystems in Rumänien',
    statement: 'In Rumänien stehen Elemente des US-Raketenabwehrsystems.',
    claimant: 'Russisches Außenministerium',
    status: 'proposed',
    verdict: 'true',
    rationale: 'Die Aegis-Ashore-Anlage in Deveselu (Rumänien) ist seit 2016 in Betrieb und Teil der NATO-Raketenabwehr.',
    assignee: 3,
    proposer: 3,
    sources: [{ url: 'https://www.nato.int/cps/en/natohq/topics_8206.htm', title: 'Ballistic missile defence', publisher: 'NATO', kind: 'official', stance: 'supports' }],
  },
  {
    quote: 'dass es im Januar sein wird',
    statement: 'Die bilateralen Gespräche zwischen den USA und Russland finden im Januar 2022 statt.',
    claimant: 'Karen Donfried',
    status: 'in_progress',
    assignee: 2,
  },
  {
    quote: 'nicht „kompromittieren“ wird',
    statement: 'Die NATO wird das Recht der Ukraine auf einen Beitritt nicht infrage stellen.',
    claimant: 'NATO',
    status: 'open',
  },
];

/**
 * Seeds the demo into an empty database; does nothing when the demo workspace exists. With
 * `claims` (`npm run demo` and `npm run dev`), the sample article comes with DEMO_CLAIMS, so
 * that a newcomer sees the product at work; the test suites start from the bare article.
 */
export async function seedDemo(engine: Engine, options: { claims?: boolean } = {}): Promise<{ created: boolean }> {
  if (process.env.NODE_ENV === 'production' && process.env.FACTDESK_DEMO !== '1') {
    throw new Error('Refusing to create demo users with published passwords in production. Set FACTDESK_DEMO=1 to allow it.');
  }
  await engine.ready;
  if (await getWorkspaceByName(DEMO_WORKSPACE, engine.db)) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const sample = fs.readFileSync(SAMPLE_PATH, 'utf8');
  await engine.transaction(async (tx) => {
    // The demo desk lets reviewers edit the text directly, so that two people can try typing
    // together at once; an admin turns "reviewers may only suggest" on in Members.
    const workspace = await insertWorkspace({ name: DEMO_WORKSPACE, organisation: 'Factdesk Demo Desk', reviewersSuggestOnly: false }, tx);
    const ids: string[] = [];
    for (const u of DEMO_USERS) {
      const user = await insertUser({ email: u.email, name: u.name, passwordHash }, tx);
      await upsertMembership({ userId: user.id, workspaceId: workspace.id, role: u.role }, tx);
      ids.push(user.id);
    }
    const editorId = ids[1]!;
    const document = await insertDocument(
      { workspaceId: workspace.id, title: SAMPLE_TITLE, language: 'de', sourceUrl: null, doc: textToDoc(sample).toJSON(), userId: editorId },
      tx,
    );
    await insertEvent(
      {
        workspaceId: workspace.id,
        documentId: document.id,
        actorId: editorId,
        action: 'document.created',
        subjectType: 'document',
        subjectId: document.id,
        after: { title: document.title, language: 'de', format: 'text' },
      },
      tx,
    );
    if (!options.claims) return;
    const doc = textToDoc(sample);
    const accessedAt = new Date().toISOString().slice(0, 10);
    for (const c of DEMO_CLAIMS) {
      const range = findText(doc, c.quote);
      if (!range) throw new Error(`The demo claim's quote is not in the sample article: ${c.quote}`);
      const quote = quoteAt(doc, range.from, range.to);
      const by = (i: number | undefined) => (i === undefined ? null : ids[i]!);
      const creator = by(c.proposer ?? c.assignee) ?? ids[2]!;
      const now = new Date();
      const claim = await insertClaim(
        {
          documentId: document.id,
          from: range.from,
          to: range.to,
          quoteExact: quote.exact,
          quotePrefix: quote.prefix,
          quoteSuffix: quote.suffix,
          statement: c.statement,
          claimant: c.claimant ?? null,
          claimDate: '2021-12-21',
          verdict: c.verdict ?? null,
          rationale: c.rationale ?? null,
          status: c.status,
          assigneeId: by(c.assignee),
          proposedBy: by(c.proposer),
          proposedAt: c.proposer === undefined ? null : now,
          approvedBy: by(c.approver),
          approvedAt: c.approver === undefined ? null : now,
          lastChangedBy: by(c.proposer),
          createdBy: creator,
        },
        tx,
      );
      for (const s of c.sources ?? []) await insertSource({ claimId: claim.id, ...s, excerpt: s.excerpt ?? null, publishedAt: null, accessedAt, createdBy: creator }, tx);
      const event = (action: string, actorId: string, after: Record<string, unknown>) =>
        insertEvent({ workspaceId: workspace.id, documentId: document.id, actorId, action, subjectType: 'claim', subjectId: claim.id, after }, tx);
      await event('claim.created', creator, { quote: { exact: quote.exact }, statement: c.statement });
      if (c.proposer !== undefined) await event('claim.propose', ids[c.proposer]!, { status: 'proposed', verdict: c.verdict });
      if (c.approver !== undefined) await event('claim.approve', ids[c.approver]!, { status: 'approved', verdict: c.verdict });
    }
  });
  return { created: true };
}
