'use client';

/**
 * The suggested corrections of the open document, as cards: who, when, before → after, and
 * Accept / Reject for editors and admins; Accept all / Reject all for the document or one
 * author. The list follows the text live (the marks in the editor); who made a suggestion
 * and when come from the server (GET …/suggestions), fetched again when a new one appears.
 * Deciding goes through the server, which applies it as steps every editor receives.
 */
import { useTranslations } from 'next-intl';
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { colorFor } from '@/lib/collab/colors';
import type { SuggestionJSON } from '@/lib/suggestions/commands';
import type { DocSuggestion } from '@/lib/suggestions/model';
import { sendJson } from '../claims/api';
import type { Member } from '../review/review-context';
import { RelativeTime } from '../ui/relative-time';

interface Props {
  documentId: string;
  /** Pending suggestions as the editor's text holds them now, in document order. */
  live: DocSuggestion[];
  members: Member[];
  currentUserId: string;
  /** Editors and admins, while the document is not signed off. */
  canDecide: boolean;
  /** The workspace asks someone else to accept a suggestion. */
  fourEyes: boolean;
  /** The reader may change the text (and so their suggestions' notes) now. */
  canEdit: boolean;
  /** Counts the live events saying a suggestion's note or thread changed. */
  changed: number;
  onSelect: (id: string) => void;
  onNotice: (message: string) => void;
}

export const SuggestionPanel = memo(function SuggestionPanel(props: Props) {
  const t = useTranslations('suggestions');
  const { documentId, live, members, currentUserId, canDecide, canEdit, fourEyes, onNotice, changed } = props;
  const [meta, setMeta] = useState<Map<string, SuggestionJSON>>(new Map());
  const [chosenAuthor, setAuthor] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const names = useMemo(() => new Map(members.map((m) => [m.id, m.name])), [members]);

  // Who made each suggestion and when: fetched when one appears that the list does not know yet
  // (again for each new one: its steps may not have been stored at the first try).
  const unknown = live
    .filter((s) => !meta.has(s.id))
    .map((s) => s.id)
    .join(' ');
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  useEffect(() => {
    if (!unknown && version === 0 && changed === 0) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      sendJson<{ suggestions: SuggestionJSON[] }>('GET', `/api/documents/${documentId}/suggestions`)
        .then((body) => {
          if (!cancelled) setMeta(new Map(body.suggestions.map((s) => [s.id, s])));
        })
        .catch(() => {});
    }, 400);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [unknown, documentId, version, changed]);

  const authors = [...new Set(live.map((s) => s.authorId))];
  // The chosen author's suggestions may all be decided: then everyone's again.
  const author = authors.includes(chosenAuthor) ? chosenAuthor : '';
  const shown = author ? live.filter((s) => s.authorId === author) : live;
  // Four eyes: Accept all would include one's own suggestions, and be refused as a whole.
  const ownShown = fourEyes && shown.some((s) => s.authorId === currentUserId);
  if (live.length === 0) return null;

  const nameOf = (id: string) => names.get(id) ?? meta.get(id)?.authorName ?? t('someone');
  const decide = async (url: string, body?: unknown) => {
    setBusy(true);
    try {
      const result = await sendJson<{ suggestions: SuggestionJSON[] }>('POST', url, body);
      setMeta(new Map(result.suggestions.map((s) => [s.id, s])));
    } catch (e) {
      onNotice((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const change = (s: DocSuggestion) =>
    s.kind === 'format' ? (
      <span className="muted">{t('formatting')}</span>
    ) : (
      <>
        {s.before && <del>{s.before}</del>}
        {s.before && s.after && <span aria-hidden="true"> → </span>}
        {s.after && <ins>{s.after}</ins>}
      </>
    );
  const label = (s: DocSuggestion) => (s.kind === 'format' ? t('formatting') : [s.before, s.after].filter(Boolean).join(' → '));

  return (
    <section className="suggestion-panel" aria-label={t('title')}>
      <div className="suggestion-head">
        <h2>
          {t('title')} <span className="count">{live.length}</span>
        </h2>
        {authors.length > 1 && (
          <select aria-label={t('byAuthor')} value={author} onChange={(e) => setAuthor(e.target.value)}>
            <option value="">{t('allAuthors')}</option>
            {authors.map((id) => (
              <option key={id} value={id}>
                {nameOf(id)}
              </option>
            ))}
          </select>
        )}
        {canDecide && (
          <div className="suggestion-bulk">
            <button
              type="button"
              className="button small"
              disabled={busy || ownShown}
              title={ownShown ? t('fourEyesAll') : undefined}
              onClick={() => void decide(`/api/documents/${documentId}/suggestions/accept`, author ? { authorId: author } : {})}
            >
              {author ? t('acceptAllBy', { name: nameOf(author) }) : t('acceptAll')}
            </button>
            <button type="button" className="button ghost small" disabled={busy} onClick={() => void decide(`/api/documents/${documentId}/suggestions/reject`, author ? { authorId: author } : {})}>
              {author ? t('rejectAllBy', { name: nameOf(author) }) : t('rejectAll')}
            </button>
          </div>
        )}
      </div>
      <ul className="suggestion-list">
        {shown.map((s) => {
          const info = meta.get(s.id);
          const own = s.authorId === currentUserId;
          const url = `/api/documents/${documentId}/suggestions/${encodeURIComponent(s.id)}`;
          return (
            <li key={s.id} className="suggestion-card" data-suggestion-item={s.id} style={{ ['--suggestion-color' as string]: colorFor(s.authorId) }}>
              <div className="suggestion-top">
                <span className="suggestion-dot" aria-hidden="true" />
                <strong>{nameOf(s.authorId)}</strong>
                {info && <RelativeTime date={info.createdAt} />}
                <span className="spacer" />
                <span className="kind-chip">{t(`kinds.${s.kind}`)}</span>
              </div>
              <button type="button" className="suggestion-change" onClick={() => props.onSelect(s.id)} aria-label={t('showInText', { change: label(s) })}>
                {change(s)}
              </button>
              {info && (
                <SuggestionDiscussion
                  documentId={documentId}
                  suggestionId={s.id}
                  note={info.note}
                  label={label(s)}
                  comments={info.comments}
                  changed={changed}
                  own={own && canEdit}
                  canComment
                  onChanged={refresh}
                  onNotice={onNotice}
                />
              )}
              {canDecide && (
                <div className="suggestion-actions">
                  <button
                    type="button"
                    className="button primary small"
                    disabled={busy || (fourEyes && own)}
                    title={fourEyes && own ? t('fourEyes') : undefined}
                    aria-label={t('acceptOne', { change: label(s) })}
                    onClick={() => void decide(`${url}/accept`)}
                  >
                    {t('accept')}
                  </button>
                  <button type="button" className="button ghost small" disabled={busy} aria-label={t('rejectOne', { change: label(s) })} onClick={() => void decide(`${url}/reject`)}>
                    {t('reject')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
});

/**
 * Below a card: the author's note (the author adds or edits it while the suggestion is
 * pending) and the suggestion's comment thread, opened on demand.
 */
function SuggestionDiscussion(props: {
  documentId: string;
  suggestionId: string;
  note: string | null;
  /** The change, for the accessible names of the card's buttons. */
  label: string;
  comments: number;
  changed: number;
  own: boolean;
  canComment: boolean;
  onChanged: () => void;
  onNotice: (m: string) => void;
}) {
  const t = useTranslations('suggestions');
  const { documentId, suggestionId, onChanged, onNotice } = props;
  const base = `/api/documents/${documentId}/suggestions/${encodeURIComponent(suggestionId)}`;
  const [editingNote, setEditingNote] = useState(false);
  const [note, setNote] = useState(props.note ?? '');
  const [open, setOpen] = useState(false);
  const [thread, setThread] = useState<{ id: string; authorName: string | null; body: string; createdAt: string }[] | null>(null);
  const [draft, setDraft] = useState('');
  const load = useCallback(async () => setThread((await sendJson<{ comments: { id: string; authorName: string | null; body: string; createdAt: string }[] }>('GET', `${base}/comments`)).comments), [base]);
  // An open thread follows what others write.
  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => void load().catch(() => {}), 0);
    return () => clearTimeout(timer);
  }, [open, props.changed, props.comments, load]);
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      onChanged();
    } catch (e) {
      onNotice((e as Error).message);
    }
  };
  return (
    <div className="suggestion-discussion">
      {props.note && !editingNote && (
        <p className="suggestion-note">
          <span className="muted">{t('note')}:</span> {props.note}
        </p>
      )}
      {editingNote ? (
        <form
          className="suggestion-note-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await sendJson('PATCH', base, { note: note.trim() || null });
              setEditingNote(false);
            });
          }}
        >
          <textarea aria-label={t('noteLabel')} value={note} maxLength={1000} rows={2} onChange={(e) => setNote(e.target.value)} autoFocus />
          <button type="submit" className="button primary small">
            {t('saveNote')}
          </button>
          <button type="button" className="button ghost small" onClick={() => setEditingNote(false)}>
            {t('cancel')}
          </button>
        </form>
      ) : (
        props.own && (
          <button type="button" className="link-button" aria-label={`${props.note ? t('editNote') : t('addNote')}: ${props.label}`} onClick={() => (setNote(props.note ?? ''), setEditingNote(true))}>
            {props.note ? t('editNote') : t('addNote')}
          </button>
        )
      )}
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-label={`${t('comments', { count: props.comments })}: ${props.label}`}
        onClick={() => setOpen(!open)}
      >
        {t('comments', { count: props.comments })}
      </button>
      {open && (
        <div className="suggestion-thread" role="region" aria-label={`${t('commentsTitle')}: ${props.label}`}>
          <ul>
            {(thread ?? []).map((c) => (
              <li key={c.id}>
                <strong>{c.authorName ?? t('someone')}</strong> <RelativeTime date={c.createdAt} />
                <p>{c.body}</p>
              </li>
            ))}
          </ul>
          {props.canComment && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (!draft.trim()) return;
                void run(async () => {
                  await sendJson('POST', `${base}/comments`, { body: draft.trim() });
                  setDraft('');
                  await load();
                });
              }}
            >
              <textarea aria-label={t('newComment')} value={draft} maxLength={5000} rows={2} onChange={(e) => setDraft(e.target.value)} />
              <button type="submit" className="button small" disabled={!draft.trim()}>
                {t('send')}
              </button>
            </form>
          )}
        </div>
      )}
    </div>
  );
}
