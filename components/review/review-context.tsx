'use client';

/** What review components inside the document page need to know about the reader and the document. */
import { useTranslations } from 'next-intl';
import { createContext, useContext } from 'react';
import type { DocumentStatus, Role } from '@/db/enums';

/** A workspace member, as the document page knows them (assignees, mentions, names in the history). */
export interface Member {
  id: string;
  name: string;
  /** Whether they may work on claims (viewers may not, so they are never assignees). */
  canWork?: boolean;
}

export interface ReviewContextValue {
  documentId: string;
  documentStatus: DocumentStatus;
  role: Role;
  currentUserId: string;
  members: Member[];
}

export const ReviewContext = createContext<ReviewContextValue | null>(null);

/** The review context; components using it are always rendered inside the document page. */
export function useReview(): ReviewContextValue {
  const value = useContext(ReviewContext);
  if (!value) throw new Error('useReview outside the document page');
  return value;
}

/** Name of a member by id ("a former member" when they left). */
export function useMemberName() {
  const { members } = useReview();
  const t = useTranslations('common');
  return (id: string | null | undefined) => (id ? (members.find((m) => m.id === id)?.name ?? t('formerMember')) : null);
}

/** Window event telling comment lists that a claim's comments changed elsewhere. */
export const COMMENTS_CHANGED_EVENT = 'factdesk:comments-changed';
