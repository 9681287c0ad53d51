'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { completeUrl, orNull } from '@/lib/format';
import { SOURCE_KINDS, SOURCE_STANCES } from '@/db/enums';
import type { ClaimJSON, SourceJSON } from '@/lib/claims/serialize';
import { sendJson } from './api';

interface Props {
  claim: ClaimJSON;
  canEdit: boolean;
  onChanged: (claim: ClaimJSON) => void;
  idPrefix: string;
}



/** Today in the reviewer's own time zone (not UTC): the default "accessed" date. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function readSourceForm(form: HTMLFormElement) {
  const f = new FormData(form);
  return {
    url: completeUrl(String(f.get('url') ?? '')),
    title: orNull(f.get('title')),
    publisher: orNull(f.get('publisher')),
    publishedAt: orNull(f.get('publishedAt')),
    accessedAt: String(f.get('accessedAt') ?? '') || localToday(),
    excerpt: orNull(f.get('excerpt')),
    kind: f.get('kind'),
    stance: f.get('stance'),
  };
}

/** The fields of a source, for adding and editing. */
function SourceFields({ source }: { source?: SourceJSON }) {
  const t = useTranslations('sources');
  return (
    <>
      <label className="field">
        <span>{t('url')}</span>
        <input
          name="url"
          type="text"
          inputMode="url"
          autoComplete="url"
          required
          defaultValue={source?.url}
          placeholder={t('urlPlaceholder')}
          onBlur={(e) => (e.currentTarget.value = completeUrl(e.currentTarget.value))}
        />
      </label>
      <label className="field">
        <span>{t('title')}</span>
        <input name="title" dir="auto" defaultValue={source?.title ?? ''} maxLength={500} />
      </label>
      <div className="field-row">
        <label className="field">
          <span>{t('publisher')}</span>
          <input name="publisher" defaultValue={source?.publisher ?? ''} maxLength={200} />
        </label>
        <label className="field">
          <span>{t('kindLabel')}</span>
          <select name="kind" defaultValue={source?.kind ?? 'media'}>
            {SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('stanceLabel')}</span>
          <select name="stance" defaultValue={source?.stance ?? 'supports'}>
            {SOURCE_STANCES.map((s) => (
              <option key={s} value={s}>
                {t(`stance.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="field-row">
        <label className="field">
          <span>{t('published')}</span>
          <input name="publishedAt" type="date" defaultValue={source?.publishedAt ?? ''} />
        </label>
        <label className="field">
          <span>{t('accessed')}</span>
          <input name="accessedAt" type="date" defaultValue={source?.accessedAt ?? localToday()} />
        </label>
      </div>
      <label className="field">
        <span>{t('excerpt')}</span>
        <textarea name="excerpt" dir="auto" rows={2} defaultValue={source?.excerpt ?? ''} maxLength={5000} />
      </label>
    </>
  );
}

/** A claim's sources: links, details, and (for writers) add, edit, remove and reorder. */
export function SourceList({ claim, canEdit, onChanged, idPrefix }: Props) {
  const t = useTranslations('sources');
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sources = claim.sources;
  const update = (next: SourceJSON[]) => onChanged({ ...claim, sources: next });

  async function run(action: () => Promise<void>) {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const add = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    void run(async () => {
      const { source } = await sendJson<{ source: SourceJSON }>('POST', `/api/claims/${claim.id}/sources`, readSourceForm(form));
      update([...sources, source]);
      setAdding(false);
    });
  };

  const edit = (event: React.FormEvent<HTMLFormElement>, id: string) => {
    event.preventDefault();
    const form = event.currentTarget;
    void run(async () => {
      const { source } = await sendJson<{ source: SourceJSON }>('PATCH', `/api/sources/${id}`, readSourceForm(form));
      update(sources.map((s) => (s.id === id ? source : s)));
      setEditingId(null);
    });
  };

  const move = (id: string, position: number) =>
    run(async () => {
      const { order } = await sendJson<{ order: string[] }>('PATCH', `/api/sources/${id}`, { position });
      const byId = new Map(sources.map((s) => [s.id, s]));
      update(order.map((o) => byId.get(o)!).filter(Boolean));
    });

  const remove = (id: string) =>
    window.confirm(t('confirmRemove', { name: sources.find((s) => s.id === id)?.title || sources.find((s) => s.id === id)?.url || '' })) &&
    run(async () => {
      await sendJson('DELETE', `/api/sources/${id}`);
      update(sources.filter((s) => s.id !== id));
    });

  return (
    <section className="sources" aria-labelledby={`${idPrefix}-sources`}>
      <h3 id={`${idPrefix}-sources`}>{t('heading', { count: sources.length })}</h3>
      {sources.length === 0 && <p className="muted small">{t('none')}</p>}
      <ol className="source-list">
        {sources.map((s, i) =>
          editingId === s.id ? (
            <li key={s.id} className="source-item">
              <form className="stack compact" onSubmit={(e) => edit(e, s.id)}>
                <SourceFields source={s} />
                <div className="actions">
                  <button type="button" className="button ghost small" onClick={() => setEditingId(null)}>
                    {t('cancel')}
                  </button>
                  <button type="submit" className="button primary small">
                    {t('save')}
                  </button>
                </div>
              </form>
            </li>
          ) : (
            <li key={s.id} className="source-item">
              <a href={s.url} target="_blank" rel="noopener noreferrer" className="source-title">
                {s.title || s.url}
              </a>
              <p className="source-meta">
                <span className={`stance stance-${s.stance}`}>{t(`stance.${s.stance}`)}</span>
                <span>{t(`kind.${s.kind}`)}</span>
                {s.publisher && <span>{s.publisher}</span>}
                {s.publishedAt && <span>{t('publishedOn', { date: s.publishedAt })}</span>}
                <span>{t('accessedOn', { date: s.accessedAt })}</span>
              </p>
              {s.excerpt && <blockquote className="source-excerpt">{s.excerpt}</blockquote>}
              {canEdit && (
                <div className="source-actions">
                  <button type="button" className="link-button" onClick={() => setEditingId(s.id)} aria-label={t('editLabel', { name: s.title || s.url })}>
                    {t('edit')}
                  </button>
                  <button type="button" className="link-button" disabled={i === 0} onClick={() => void move(s.id, i - 1)} aria-label={t('upLabel', { n: i + 1 })}>
                    ↑
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    disabled={i === sources.length - 1}
                    onClick={() => void move(s.id, i + 1)}
                    aria-label={t('downLabel', { n: i + 1 })}
                  >
                    ↓
                  </button>
                  <button type="button" className="link-button danger" onClick={() => void remove(s.id)} aria-label={t('removeLabel', { name: s.title || s.url })}>
                    {t('remove')}
                  </button>
                </div>
              )}
            </li>
          ),
        )}
      </ol>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {canEdit &&
        (adding ? (
          <form className="stack compact add-source" onSubmit={add} aria-label={t('newSource')}>
            <SourceFields />
            <div className="actions">
              <button type="button" className="button ghost small" onClick={() => setAdding(false)}>
                {t('cancel')}
              </button>
              <button type="submit" className="button primary small">
                {t('addThis')}
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="button ghost small" onClick={() => setAdding(true)}>
            {t('add')}
          </button>
        ))}
    </section>
  );
}
