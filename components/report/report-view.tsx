/**
 * The fact-check report as readers see it: the head with the sign-off, the summary, the
 * article with its highlighted claims, every claim with verdict and sources, and the
 * methodology. Shared by the signed-in report page and the published page.
 */
import { DRAFT_MARK, type Block, type Report, type Segment } from '@/lib/exports/report';
import { articleLine, formatDate, reviewLine, sourceLine, stanceLabel, statusLabel } from '@/lib/exports/text';
import { languageName, textDirection } from '@/lib/languages';

function Segments({ report, segments }: { report: Report; segments: Segment[] }) {
  return segments.map((s, j) => (
    <span key={j}>
      {s.claims.length ? (
        <mark className={s.claims.length > 1 ? 'overlap' : undefined} style={{ ['--c' as string]: report.claims[s.claims.at(-1)! - 1]!.verdictColor }}>
          {s.text}
        </mark>
      ) : (
        s.text
      )}
      {s.ends.map((n) => (
        <sup key={n} className="claim-ref">
          <a href={`#claim-${n}`} aria-label={`Claim ${n}`}>
            {n}
          </a>
        </sup>
      ))}
    </span>
  ));
}

function ArticleBlock({ report, block }: { report: Report; block: Block }) {
  const content = <Segments report={report} segments={block.segments} />;
  const style = block.list ? { marginInlineStart: `${block.list.depth * 1.6}em` } : undefined;
  const className = [block.quoted ? 'quoted' : '', block.list ? 'li' : ''].filter(Boolean).join(' ') || undefined;
  if (block.kind === 'table') {
    return (
      <div className={['table-wrap', className].filter(Boolean).join(' ')} style={style}>
        <table>
          <tbody>
            {(block.rows ?? []).map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => {
                  const Tag = cell.header ? 'th' : 'td';
                  return (
                    <Tag key={c} colSpan={cell.colspan > 1 ? cell.colspan : undefined} rowSpan={cell.rowspan > 1 ? cell.rowspan : undefined} dir="auto">
                      <Segments report={report} segments={cell.segments} />
                    </Tag>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  if (block.kind === 'figure') {
    return (
      <figure className={className} style={style}>
        {/* eslint-disable-next-line @next/next/no-img-element -- the original image on its own site, never proxied */}
        <img src={block.figure?.src} alt={block.figure?.alt ?? ''} loading="lazy" referrerPolicy="no-referrer" />
        {block.segments.length > 0 && <figcaption dir="auto">{content}</figcaption>}
      </figure>
    );
  }
  if (block.kind === 'heading') return <h3 className={className} dir="auto">{content}</h3>;
  if (block.kind === 'blockquote') return <blockquote dir="auto">{content}</blockquote>;
  if (block.list) {
    const marker = block.list.marker;
    return (
      <p className={className} style={style} dir="auto">
        <span className="li-marker" aria-hidden={marker ? undefined : true}>
          {marker ? (marker.ordered ? `${marker.number}.` : '•') : ''}
        </span>
        {content}
      </p>
    );
  }
  return (
    <p className={className} dir="auto">
      {content}
    </p>
  );
}

function ArticleText({ report }: { report: Report }) {
  return (
    <div className="report-article" lang={report.document.language} dir={textDirection(report.document.language)}>
      {report.blocks.map((block, i) => (
        <ArticleBlock key={i} report={report} block={block} />
      ))}
    </div>
  );
}

/** The report itself (an <article>). */
export function ReportView({ report: r }: { report: Report }) {
  const maxCount = Math.max(1, ...r.summary.perVerdict.map((v) => v.count));
  return (
    <article className="report" lang="en">
      <header className="report-head">
        <p className="report-kicker">Fact check · {r.workspace.organisation}</p>
        <h1 lang={r.document.language} dir="auto">
          {r.document.title}
        </h1>
        <dl className="report-facts">
          {articleLine(r.document) && (
            <>
              <dt>Article</dt>
              <dd dir="auto">{articleLine(r.document)}</dd>
            </>
          )}
          {r.document.sourceUrl && (
            <>
              <dt>Source</dt>
              <dd>
                <a href={r.document.sourceUrl} rel="noopener noreferrer" target="_blank">
                  {r.document.sourceUrl}
                </a>
              </dd>
            </>
          )}
          <dt>Language</dt>
          <dd>
            {languageName(r.document.language)} <span className="muted">({r.document.language})</span>
          </dd>
          <dt>Revision</dt>
          <dd>{r.document.revision}</dd>
          <dt>Status</dt>
          <dd>{statusLabel(r.document.status)}</dd>
        </dl>
        {r.signoff ? (
          <section className="signoff-block" aria-label="Sign-off">
            <p>
              <strong>Signed off</strong> by {r.signoff.by} on {formatDate(r.signoff.at, true)} — revision {r.signoff.revision}
            </p>
            <p className="hash">
              SHA-256 <code>{r.signoff.hash}</code>
            </p>
          </section>
        ) : (
          <p className="draft-note">{DRAFT_MARK}: the verdicts below may still change.</p>
        )}
      </header>

      <section aria-labelledby="summary">
        <h2 id="summary">Summary</h2>
        <p>
          {r.summary.claims} {r.summary.claims === 1 ? 'claim' : 'claims'} checked · {r.summary.sources} {r.summary.sources === 1 ? 'source' : 'sources'}
          {r.summary.reviewers.length > 0 && <> · reviewed by {r.summary.reviewers.join(', ')}</>}
        </p>
        <ul className="verdict-chart" aria-label="Claims per verdict">
          {r.summary.perVerdict.map((v) => (
            <li key={v.label}>
              <span className="chart-label">{v.label}</span>
              <span className="chart-bar" style={{ width: `${(v.count / maxCount) * 60}%`, background: v.color }} aria-hidden="true" />
              <span className="chart-count">{v.count}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="article">
        <h2 id="article">Article</h2>
        <ArticleText report={r} />
      </section>

      <section aria-labelledby="claims">
        <h2 id="claims">Claims</h2>
        {r.claims.length === 0 && <p className="muted">No claims were marked in this article.</p>}
        {r.claims.map((c) => (
          <article key={c.id} id={`claim-${c.number}`} className="report-claim" style={{ ['--c' as string]: c.verdictColor }}>
            <h3>
              <span className="claim-number">{c.number}</span> <bdi>{c.statement}</bdi>
            </h3>
            <blockquote lang={r.document.language}>
              „{c.quote.exact}“{c.orphaned && <span className="muted"> (no longer in the article)</span>}
            </blockquote>
            <p className="verdict-line">
              <span className="verdict-pill">{c.verdictLabel}</span>
              {c.rating !== null && (
                <span className="muted">
                  {' '}
                  {c.rating} of {r.ratingBounds.best}
                </span>
              )}
              <span className="muted">
                {' '}
                · {statusLabel(c.status)}
                {c.dismissReason && ` — ${c.dismissReason}`}
              </span>
            </p>
            {(c.claimant || c.claimDate) && (
              <p className="muted">
                {c.claimant && <>Claimant: {c.claimant}</>}
                {c.claimant && c.claimDate && ' · '}
                {c.claimDate && <>Claim date: {formatDate(c.claimDate)}</>}
              </p>
            )}
            {c.rationale && <p className="rationale">{c.rationale}</p>}
            {c.sources.length > 0 && (
              <>
                <h4>Sources</h4>
                <ol className="report-sources">
                  {c.sources.map((s, i) => (
                    <li key={i}>
                      <a href={s.url} rel="noopener noreferrer" target="_blank">
                        {s.title || s.url}
                      </a>{' '}
                      <span className="muted">
                        — {sourceLine(s)} · {stanceLabel(s.stance)}
                      </span>
                      {s.title && <span className="source-url">{s.url}</span>}
                      {s.excerpt && <q className="excerpt">{s.excerpt}</q>}
                    </li>
                  ))}
                </ol>
              </>
            )}
            {reviewLine(c) && <p className="muted small">{reviewLine(c)}.</p>}
          </article>
        ))}
      </section>

      <section aria-labelledby="methodology">
        <h2 id="methodology">Methodology</h2>
        <p>
          Each claim was checked by one reviewer, who proposed a verdict with a rationale and sources; a second reviewer approved it (nobody
          approves their own verdict); an editor signed the whole report off, which fixes its SHA-256 fingerprint. Verdicts use this scale; the
          numbers are the ratings published in schema.org ClaimReview ({r.ratingBounds.worst} = worst, {r.ratingBounds.best} = best).
        </p>
        <table className="scale-table">
          <thead>
            <tr>
              <th scope="col">Verdict</th>
              <th scope="col">Rating</th>
            </tr>
          </thead>
          <tbody>
            {r.scale.map((v) => (
              <tr key={v.key}>
                <td>
                  <span className="swatch" style={{ background: v.color }} aria-hidden="true" /> {v.label}
                </td>
                <td>{v.rating ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">Generated {formatDate(r.generatedAt, true)} from revision {r.document.revision}.</p>
      </section>
    </article>
  );
}
