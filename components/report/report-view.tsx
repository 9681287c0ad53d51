/**
 * The fact-check report as readers see it: the head with the sign-off, the summary, the
 * article with its highlighted claims, every claim with verdict and sources, and the
 * methodology. Shared by the signed-in report page and the published page.
 */
import type { Block, Report, Segment } from '@/lib/exports/report';
import { wording } from '@/lib/exports/text';
import { languageNameIn, textDirection } from '@/lib/languages';

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
          <a href={`#claim-${n}`} aria-label={wording(report).t('report.claimRef', { n })}>
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
  const w = wording(r);
  const { t, formatDate } = w;
  const line = w.articleLine(r.document);
  const maxCount = Math.max(1, ...r.summary.perVerdict.map((v) => v.count));
  return (
    <article className="report" lang={w.locale}>
      <header className="report-head">
        <p className="report-kicker">{t('report.kicker', { organisation: r.workspace.organisation })}</p>
        <h1 lang={r.document.language} dir="auto">
          {r.document.title}
        </h1>
        <dl className="report-facts">
          {line && (
            <>
              <dt>{t('report.article')}</dt>
              <dd dir="auto">{line}</dd>
            </>
          )}
          {r.document.sourceUrl && (
            <>
              <dt>{t('report.source')}</dt>
              <dd>
                <a href={r.document.sourceUrl} rel="noopener noreferrer" target="_blank">
                  {r.document.sourceUrl}
                </a>
              </dd>
            </>
          )}
          <dt>{t('report.language')}</dt>
          <dd>
            {languageNameIn(r.document.language, w.locale)} <span className="muted">({r.document.language})</span>
          </dd>
          <dt>{t('report.revision')}</dt>
          <dd>{r.document.revision}</dd>
          <dt>{t('report.status')}</dt>
          <dd>{w.statusLabel(r.document.status)}</dd>
        </dl>
        {r.signoff ? (
          <section className="signoff-block" aria-label={t('report.signoffRegion')}>
            <p>
              {t.rich('report.signedOff', { name: r.signoff.by, date: formatDate(r.signoff.at, true), revision: r.signoff.revision, strong: (chunks) => <strong>{chunks}</strong> })}
            </p>
            <p className="hash">
              SHA-256 <code>{r.signoff.hash}</code>
            </p>
          </section>
        ) : (
          <p className="draft-note">{t('report.draftNote', { mark: w.draftMark })}</p>
        )}
      </header>

      <section aria-labelledby="summary">
        <h2 id="summary">{t('report.summary')}</h2>
        <p>
          {t('report.summaryLine', { claims: r.summary.claims, sources: r.summary.sources })}
          {r.summary.reviewers.length > 0 && t('report.reviewedBy', { names: r.summary.reviewers.join(', ') })}
        </p>
        <ul className="verdict-chart" aria-label={t('report.perVerdict')}>
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
        <h2 id="article">{t('report.article')}</h2>
        <ArticleText report={r} />
      </section>

      <section aria-labelledby="claims">
        <h2 id="claims">{t('report.claims')}</h2>
        {r.claims.length === 0 && <p className="muted">{t('report.noClaims')}</p>}
        {r.claims.map((c) => (
          <article key={c.id} id={`claim-${c.number}`} className="report-claim" style={{ ['--c' as string]: c.verdictColor }}>
            <h3>
              <span className="claim-number">{c.number}</span> <bdi>{c.statement}</bdi>
            </h3>
            <blockquote lang={r.document.language}>
              „{c.quote.exact}“{c.orphaned && <span className="muted">{t('report.noLongerInArticle')}</span>}
            </blockquote>
            <p className="verdict-line">
              <span className="verdict-pill">{c.verdictLabel}</span>
              {c.rating !== null && (
                <span className="muted">
                  {' '}
                  {t('report.ratingOf', { rating: c.rating, best: r.ratingBounds.best })}
                </span>
              )}
              <span className="muted">
                {' '}
                · {w.statusLabel(c.status)}
                {c.dismissReason && ` — ${c.dismissReason}`}
              </span>
            </p>
            {(c.claimant || c.claimDate) && (
              <p className="muted">
                {c.claimant && t('report.claimant', { name: c.claimant })}
                {c.claimant && c.claimDate && ' · '}
                {c.claimDate && t('report.claimDate', { date: formatDate(c.claimDate) })}
              </p>
            )}
            {c.rationale && <p className="rationale">{c.rationale}</p>}
            {c.sources.length > 0 && (
              <>
                <h4>{t('report.sources')}</h4>
                <ol className="report-sources">
                  {c.sources.map((s, i) => (
                    <li key={i}>
                      <a href={s.url} rel="noopener noreferrer" target="_blank">
                        {s.title || s.url}
                      </a>{' '}
                      <span className="muted">
                        — {w.sourceLine(s)} · {w.stanceLabel(s.stance)}
                      </span>
                      {s.title && <span className="source-url">{s.url}</span>}
                      {s.excerpt && <q className="excerpt">{s.excerpt}</q>}
                    </li>
                  ))}
                </ol>
              </>
            )}
            {w.reviewLine(c) && <p className="muted small">{w.reviewLine(c)}.</p>}
          </article>
        ))}
      </section>

      <section aria-labelledby="corrections">
        <h2 id="corrections">{t('report.corrections')}</h2>
        {r.corrections.length === 0 ? (
          <p className="muted">{t('report.noCorrections')}</p>
        ) : (
          <>
            <p className="muted">{t('report.correctionsIntro')}</p>
            <ul className="report-corrections">
              {r.corrections.map((c) => (
                <li key={c.id}>
                  <span lang={r.document.language}>{w.correctionChange(c)}</span> <span className="muted small">— {w.correctionLine(c)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="methodology">
        <h2 id="methodology">{t('report.methodology')}</h2>
        <p>
          {t('report.methodologyText', { worst: r.ratingBounds.worst, best: r.ratingBounds.best })}
        </p>
        <table className="scale-table">
          <thead>
            <tr>
              <th scope="col">{t('report.verdict')}</th>
              <th scope="col">{t('report.rating')}</th>
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
        <p className="muted small">{t('report.generated', { date: formatDate(r.generatedAt, true), revision: r.document.revision })}</p>
      </section>
    </article>
  );
}
