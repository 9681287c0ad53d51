'use client';

/**
 * A claim's comment threads: start a thread, reply, edit or delete your own comments,
 * resolve and reopen threads. Reloads when anyone in the document changes them.
 */
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import type { CommentJSON } from '@/lib/comments/commands';
import { sendJson } from '../claims/api';
import { RelativeTime } from '../ui/relative-time';
import { CommentComposer } from './comment-composer';
import { COMMENTS_CHANGED_EVENT, useReview } from './review-context';

export function ClaimComments({ claimId }: { claimId: string }) {
  const { currentUserId } = useReview();
  const [comments, setComments] = useState<CommentJSON[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [showResolved, setShowResolved] = useState(false);

  const load = useCallback(
    () =>
      sendJson<{ comments: CommentJSON[] }>('GET', `/api/claims/${claimId}/comments`).then(
        (body) => setComments(body.comments),
        (e: Error) => setError(e.message),
      ),
    [claimId],
  );

  useEffect(() => {
    const onChanged = (e: Event) => (e as CustomEvent<string>).detail === claimId && void load();
    window.addEventListener(COMMENTS_CHANGED_EVENT, onChanged);
    // First load: the answer arrives asynchronously, like any later refresh.
    const first = setTimeout(() => void load(), 0);
    return () => {
      clearTimeout(first);
      window.removeEventListener(COMMENTS_CHANGED_EVENT, onChanged);
    };
  }, [claimId, load]);

  async function act(fn: () => Promise<unknown>) {
    setError(null);
    try {
      await fn();
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const threads = (comments ?? []).filter((c) => !c.parentId);
  const tr = useTranslations('comments');
  const replies = (id: string) => (comments ?? []).filter((c) => c.parentId === id);
  const resolvedCount = threads.filter((t) => t.resolved).length;
  const shown = threads.filter((t) => showResolved || !t.resolved);

  const renderComment = (c: CommentJSON, thread: CommentJSON) => (
    <li key={c.id} className="comment">
      <p className="comment-meta">
        <strong>{c.authorName ?? tr('formerMember')}</strong> · <RelativeTime date={c.createdAt} />
        {c.editedAt && <span className="muted">{tr('edited')}</span>}
      </p>
      {editing === c.id ? (
        <CommentComposer
          label={tr('editComment')}
          submitLabel={tr('saveComment')}
          initial={c.body}
          autoFocus
          onCancel={() => setEditing(null)}
          onSubmit={async (body) => {
            await sendJson('PATCH', `/api/comments/${c.id}`, { body });
            setEditing(null);
            await load();
          }}
        />
      ) : (
        <p className={`comment-body${c.deleted ? ' muted' : ''}`}>{c.deleted ? tr('deleted') : c.body}</p>
      )}
      {!c.deleted && editing !== c.id && (
        <div className="comment-actions">
          {c === thread && !thread.resolved && (
            <button type="button" className="link-button" onClick={() => setReplyTo(thread.id)}>
              {tr('reply')}
            </button>
          )}
          {c.authorId === currentUserId && (
            <>
              <button type="button" className="link-button" onClick={() => setEditing(c.id)} aria-label={tr('editYours')}>
                {tr('edit')}
              </button>
              <button
                type="button"
                className="link-button"
                aria-label={tr('deleteYours')}
                onClick={() => window.confirm(tr('confirmDelete')) && void act(() => sendJson('DELETE', `/api/comments/${c.id}`))}
              >
                {tr('delete')}
              </button>
            </>
          )}
          {c === thread && (
            <button type="button" className="link-button" onClick={() => void act(() => sendJson('PATCH', `/api/comments/${thread.id}`, { resolved: !thread.resolved }))}>
              {thread.resolved ? tr('reopenThread') : tr('resolveThread')}
            </button>
          )}
        </div>
      )}
    </li>
  );

  return (
    <section className="claim-comments" aria-label={tr('region')}>
      <h3 className="section-title">
        {tr('title')} {threads.length > 0 && <span className="count">{threads.length - resolvedCount}</span>}
      </h3>
      {comments === null && !error && <p className="muted">{tr('loading')}</p>}
      {comments !== null && threads.length === 0 && <p className="muted">{tr('none')}</p>}
      {resolvedCount > 0 && (
        <label className="check">
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} />
          <span>{tr('showResolved', { count: resolvedCount })}</span>
        </label>
      )}
      <ul className="threads">
        {shown.map((t) => (
          <li key={t.id} className={`thread${t.resolved ? ' is-resolved' : ''}`}>
            {t.resolved && <p className="muted small">{tr('resolved')}</p>}
            <ul className="thread-comments">{[t, ...replies(t.id)].map((c) => renderComment(c, t))}</ul>
            {replyTo === t.id && (
              <CommentComposer
                label={tr('reply')}
                submitLabel={tr('reply')}
                autoFocus
                onCancel={() => setReplyTo(null)}
                onSubmit={async (body) => {
                  await sendJson('POST', `/api/claims/${claimId}/comments`, { body, parentId: t.id });
                  setReplyTo(null);
                  await load();
                }}
              />
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <CommentComposer
        label={tr('newComment')}
        submitLabel={tr('comment')}
        onSubmit={async (body) => {
          await sendJson('POST', `/api/claims/${claimId}/comments`, { body });
          await load();
        }}
      />
    </section>
  );
}
