'use client';

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

const STANCE_LABELS: Record<(typeof SOURCE_STANCES)[number], string> = { supports: 'Supports', refutes: 'Refutes', context: 'Context' };
const KIND_LABELS: Record<(typeof SOURCE_KINDS)[number], string> = {
  primary: 'Primary',
  official: 'Official',
  expert: 'Expert',
  media: 'Media',
  dataset: 'Dataset',
  other: 'Other',
};


function readSourceForm(form: HTMLFormElement) {
  const f = new FormData(form);
  return {
    url: completeUrl(String(f.get('url') ?? '')),
    title: orNull(f.get('title')),
    publisher: orNull(f.get('publisher')),
    publishedAt: orNull(f.get('publishedAt')),
    accessedAt: String(f.get('accessedAt') ?? '') || new Date().toISOString().slice(0, 10),
    excerpt: orNull(f.get('excerpt')),
    kind: f.get('kind'),
    stance: f.get('stance'),
  };
}

/** The fields of a source, for adding and editing. */
function SourceFields({ source }: { source?: SourceJSON }) {
  return (
    <>
      <label className="field">
        <span>URL</span>
        <input
          name="url"
          type="text"
          inputMode="url"
          autoComplete="url"
          required
          defaultValue={source?.url}
          placeholder="https://… or www.…"
          onBlur={(e) => (e.currentTarget.value = completeUrl(e.currentTarget.value))}
        />
      </label>
      <label className="field">
        <span>Title</span>
        <input name="title" dir="auto" defaultValue={source?.title ?? ''} maxLength={500} />
      </label>
      <div className="field-row">
        <label className="field">
          <span>Publisher</span>
          <input name="publisher" defaultValue={source?.publisher ?? ''} maxLength={200} />
        </label>
        <label className="field">
          <span>Kind</span>
          <select name="kind" defaultValue={source?.kind ?? 'media'}>
            {SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Stance</span>
          <select name="stance" defaultValue={source?.stance ?? 'supports'}>
            {SOURCE_STANCES.map((s) => (
              <option key={s} value={s}>
                {STANCE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="field-row">
        <label className="field">
          <span>Published</span>
          <input name="publishedAt" type="date" defaultValue={source?.publishedAt ?? ''} />
        </label>
        <label className="field">
          <span>Accessed</span>
          <input name="accessedAt" type="date" defaultValue={source?.accessedAt ?? new Date().toISOString().slice(0, 10)} />
        </label>
      </div>
      <label className="field">
        <span>Excerpt</span>
        <textarea name="excerpt" dir="auto" rows={2} defaultValue={source?.excerpt ?? ''} maxLength={5000} />
      </label>
    </>
  );
}

/** A claim's sources: links, details, and (for writers) add, edit, remove and reorder. */
export function SourceList({ claim, canEdit, onChanged, idPrefix }: Props) {
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
    window.confirm(`Remove the source “${sources.find((s) => s.id === id)?.title || sources.find((s) => s.id === id)?.url}” from this claim?`) &&
    run(async () => {
      await sendJson('DELETE', `/api/sources/${id}`);
      update(sources.filter((s) => s.id !== id));
    });

  return (
    <section className="sources" aria-labelledby={`${idPrefix}-sources`}>
      <h3 id={`${idPrefix}-sources`}>Sources ({sources.length})</h3>
      {sources.length === 0 && <p className="muted small">No sources yet. Add the evidence this verdict rests on.</p>}
      <ol className="source-list">
        {sources.map((s, i) =>
          editingId === s.id ? (
            <li key={s.id} className="source-item">
              <form className="stack compact" onSubmit={(e) => edit(e, s.id)}>
                <SourceFields source={s} />
                <div className="actions">
                  <button type="button" className="button ghost small" onClick={() => setEditingId(null)}>
                    Cancel
                  </button>
                  <button type="submit" className="button primary small">
                    Save source
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
                <span className={`stance stance-${s.stance}`}>{STANCE_LABELS[s.stance]}</span>
                <span>{KIND_LABELS[s.kind]}</span>
                {s.publisher && <span>{s.publisher}</span>}
                {s.publishedAt && <span>published {s.publishedAt}</span>}
                <span>accessed {s.accessedAt}</span>
              </p>
              {s.excerpt && <blockquote className="source-excerpt">{s.excerpt}</blockquote>}
              {canEdit && (
                <div className="source-actions">
                  <button type="button" className="link-button" onClick={() => setEditingId(s.id)} aria-label={`Edit source ${s.title || s.url}`}>
                    Edit
                  </button>
                  <button type="button" className="link-button" disabled={i === 0} onClick={() => void move(s.id, i - 1)} aria-label={`Move source ${i + 1} up`}>
                    ↑
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    disabled={i === sources.length - 1}
                    onClick={() => void move(s.id, i + 1)}
                    aria-label={`Move source ${i + 1} down`}
                  >
                    ↓
                  </button>
                  <button type="button" className="link-button danger" onClick={() => void remove(s.id)} aria-label={`Remove source ${s.title || s.url}`}>
                    Remove
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
          <form className="stack compact add-source" onSubmit={add} aria-label="New source">
            <SourceFields />
            <div className="actions">
              <button type="button" className="button ghost small" onClick={() => setAdding(false)}>
                Cancel
              </button>
              <button type="submit" className="button primary small">
                Add this source
              </button>
            </div>
          </form>
        ) : (
          <button type="button" className="button ghost small" onClick={() => setAdding(true)}>
            + Add source
          </button>
        ))}
    </section>
  );
}
