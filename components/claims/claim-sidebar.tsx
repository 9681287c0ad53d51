'use client';

/**
 * The claims sidebar: every claim in document order with verdict, status, sources and
 * assignee; filters; counts per verdict; the selected claim opens its details.
 */
import { CheckedBeforeMarker } from './checked-before-marker';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { initials } from '@/lib/format';
import { CLAIM_STATUSES, type ClaimStatus, type Verdict } from '@/db/enums';
import type { ClaimJSON } from '@/lib/claims/serialize';
import { DEFAULT_VERDICT_SCALE } from '@/lib/claims/verdicts';
import { useTranslations } from 'next-intl';
import { useClaimStatusLabel, useVerdictLabel } from './labels';
import { shortcutLabel } from '@/lib/editor/commands';
import type { CommentCount } from '@/lib/comments/counts';
import type { Member } from '../review/review-context';
import { ClaimDetails } from './claim-details';
import { VerdictBadge } from './verdict-badge';

/** A claim's live place and text in the document. */
export interface ClaimListItem {
  id: string;
  from: number;
  to: number;
  orphaned: boolean;
  text: string;
}


interface Props {
  items: ClaimListItem[];
  claims: Map<string, ClaimJSON>;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Closes the selected claim (phones: the sheet goes down). */
  onClose: () => void;
  onSaved: (claim: ClaimJSON) => void;
  onDeleted: (id: string) => void;
  onReattach: (claim: ClaimJSON) => Promise<void>;
  onVisibleOrder: (ids: string[]) => void;
  members: Member[];
  currentUserId: string;
  canEdit: boolean;
  commentCounts: Map<string, CommentCount>;
  /** Claims the desk checked before in other documents (a small marker). */
  checkedBefore: Set<string>;
}


export const ClaimSidebar = memo(function ClaimSidebar(props: Props) {
  const { items, claims, selectedId, members, canEdit } = props;
  const t = useTranslations('sidebar');
  const verdictLabel = useVerdictLabel();
  const statusLabel = useClaimStatusLabel();
  const [status, setStatus] = useState<'all' | ClaimStatus>('all');
  // Phones: the sheet is up when opened, or while a claim is selected.
  const [sheetOpen, setSheetOpen] = useState(false);
  const sheetShown = sheetOpen || selectedId !== null;
  const [verdict, setVerdict] = useState<'all' | 'none' | Verdict>('all');
  const [assignee, setAssignee] = useState<'all' | 'none' | string>('all');
  const [orphanedOnly, setOrphanedOnly] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  const memberName = useMemo(() => new Map(members.map((m) => [m.id, m.name])), [members]);

  const visible = items.filter((item) => {
    const c = claims.get(item.id);
    if (!c) return false;
    if (status !== 'all' && c.status !== status) return false;
    if (verdict === 'none' ? c.verdict !== null : verdict !== 'all' && c.verdict !== verdict) return false;
    if (assignee === 'none' ? c.assigneeId !== null : assignee !== 'all' && c.assigneeId !== assignee) return false;
    if (orphanedOnly && !item.orphaned) return false;
    return true;
  });
  const { onVisibleOrder } = props;
  const visibleIds = visible.map((v) => v.id).join(',');
  useEffect(() => {
    onVisibleOrder(visibleIds ? visibleIds.split(',') : []);
  }, [visibleIds, onVisibleOrder]);

  useEffect(() => {
    if (!selectedId) return;
    listRef.current?.querySelector(`[data-claim-item="${CSS.escape(selectedId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  const counts = new Map<string, number>();
  for (const c of claims.values()) counts.set(c.verdict ?? 'none', (counts.get(c.verdict ?? 'none') ?? 0) + 1);
  const orphanCount = items.filter((i) => i.orphaned).length;

  return (
    <aside className={`claim-sidebar${sheetShown ? ' sheet-open' : ''}`} aria-label={t('claims')}>
      <div className="sidebar-head">
        <h2>
          {t('claims')} <span className="count">{claims.size}</span>
        </h2>
        {/* On phones the sidebar is a bottom sheet: this opens and closes it. */}
        <button
          type="button"
          className="button ghost small sheet-toggle"
          aria-expanded={sheetShown}
          onClick={() => {
            setSheetOpen(!sheetShown);
            if (sheetShown && selectedId) props.onClose();
          }}
        >
          {sheetShown ? t('hide') : t('show')}
        </button>
        {claims.size > 0 && (
          <ul className="verdict-counts" aria-label={t('perVerdict')}>
            {[...DEFAULT_VERDICT_SCALE.map((v) => v.key), 'none' as const]
              .filter((k) => counts.get(k))
              .map((k) => (
                <li key={k}>
                  <VerdictBadge verdict={k === 'none' ? null : k} /> {counts.get(k)}
                </li>
              ))}
          </ul>
        )}
      </div>
      {claims.size > 0 && (
        <div className="filters" role="group" aria-label={t('filter')}>
          <label>
            <span>{t('status')}</span>
            <select aria-label={t('byStatus')} value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
              <option value="all">{t('all')}</option>
              {CLAIM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('verdict')}</span>
            <select aria-label={t('byVerdict')} value={verdict} onChange={(e) => setVerdict(e.target.value as typeof verdict)}>
              <option value="all">{t('all')}</option>
              <option value="none">{verdictLabel(null)}</option>
              {DEFAULT_VERDICT_SCALE.map((v) => (
                <option key={v.key} value={v.key}>
                  {verdictLabel(v.key)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('assignee')}</span>
            <select aria-label={t('byAssignee')} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
              <option value="all">{t('anyone')}</option>
              <option value="none">{t('unassigned')}</option>
              <option value={props.currentUserId}>{t('me')}</option>
              {members
                .filter((m) => m.id !== props.currentUserId)
                .map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
            </select>
          </label>
          <label className="check">
            <input type="checkbox" aria-label={t('onlyOrphaned')} checked={orphanedOnly} onChange={(e) => setOrphanedOnly(e.target.checked)} />
            <span>{t('orphanedCount', { count: orphanCount })}</span>
          </label>
        </div>
      )}
      {claims.size === 0 ? (
        <div className="sidebar-empty">
          <p>
            <strong>{t('noClaims')}</strong>
          </p>
          {canEdit ? (
            <p>
              {t.rich('howTo', { shortcut: `${shortcutLabel('Mod-Shift-')}M`, em: (chunks) => <em>{chunks}</em> })}
            </p>
          ) : (
            <p>{t('whenMarked')}</p>
          )}
        </div>
      ) : visible.length === 0 ? (
        <p className="sidebar-empty">{t('noMatch')}</p>
      ) : (
        <ol className="claim-list" ref={listRef}>
          {visible.map((item, index) => {
            const c = claims.get(item.id)!;
            const selected = c.id === selectedId;
            return (
              <li key={c.id} data-claim-item={c.id} className={`claim-item${selected ? ' is-selected' : ''}${item.orphaned ? ' is-orphaned' : ''}`}>
                {/* The whole summary is clickable; the button (the statement) is what keyboards and screen readers use. */}
                <div className="claim-item-summary" onClick={() => props.onSelect(c.id)}>
                  <span className="claim-item-top">
                    <VerdictBadge verdict={c.verdict} />
                    <span className={`status-chip status-${c.status}`}>{statusLabel(c.status)}</span>
                    {item.orphaned && <span className="orphan-chip">{t('orphaned')}</span>}
                    <span className="spacer" />
                    <span className="source-count" title={t('sourcesTitle')}>
                      {t('sources', { count: c.sources.length })}
                    </span>
                    <CommentBadge count={props.commentCounts.get(c.id)} />
                    {props.checkedBefore.has(c.id) && <CheckedBeforeMarker />}
                    {c.assigneeId && (
                      <span className="avatar small" title={t('assignedTo', { name: memberName.get(c.assigneeId) ?? t('someone') })}>
                        {initials(memberName.get(c.assigneeId) ?? '?')}
                      </span>
                    )}
                  </span>
                  <button
                    type="button"
                    className="claim-item-button"
                    aria-expanded={selected}
                    aria-label={t('itemLabel', { n: index + 1, statement: c.statement, verdict: verdictLabel(c.verdict), status: statusLabel(c.status), orphaned: item.orphaned ? 'yes' : 'no', comments: commentSummary(props.commentCounts.get(c.id), t) })}
                    onClick={(e) => {
                      e.stopPropagation();
                      props.onSelect(c.id);
                    }}
                  >
                    <span className="claim-item-statement">{c.statement}</span>
                  </button>
                  <span className="claim-item-quote">„{item.text.length > 140 ? `${item.text.slice(0, 140)}…` : item.text}“</span>
                </div>
                {selected && (
                  <ClaimDetails
                    key={c.id}
                    claim={c}
                    orphaned={item.orphaned}
                    members={members}
                    canEdit={canEdit}
                    onSaved={props.onSaved}
                    onDeleted={props.onDeleted}
                    onReattach={props.onReattach}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
    </aside>
  );
});

function commentSummary(count: CommentCount | undefined, t: ReturnType<typeof useTranslations<'sidebar'>>): string {
  if (!count?.total) return '';
  return `, ${t('commentSummary', { total: count.total, open: count.open })}`;
}

/** "💬 3" with the open threads marked, or nothing when there are no comments. */
function CommentBadge({ count }: { count: CommentCount | undefined }) {
  const t = useTranslations('sidebar');
  if (!count?.total) return null;
  return (
    <span className={`comment-count${count.open ? ' has-open' : ''}`} title={commentSummary(count, t).slice(2)}>
      <span aria-hidden="true">💬</span> {count.total}
    </span>
  );
}
