/**
 * The wordings of a report, in the report's language (the document's: German, English or
 * Spanish) and with times in its time zone, named ("1 Dec 2026, 09:14 CET"). Every format
 * (page, PDF, Markdown, DOCX, CSV) takes its words from here, so they all say the same.
 */
import type { ClaimStatus, DocumentStatus } from '@/db/enums';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/locales';
import { translator, type Translator } from '../i18n/messages';
import type { ReportClaim, ReportCorrection, ReportSource } from './report';

/** What a report needs to be worded: its language and time zone. */
export interface ReportLanguage {
  locale?: string;
  timeZone?: string;
}

export interface Wording {
  locale: Locale;
  timeZone: string;
  t: Translator;
  /** "21 Dec 2021" for a date, "21 Dec 2021, 14:02 CET" for a timestamp. */
  formatDate(iso: string, withTime?: boolean): string;
  /** "By Priya Raman · published 2 Oct 2026", from what the article's source said; null when it said nothing. */
  articleLine(d: { byline: string | null; publishedAt: string | null }): string | null;
  /** "Publisher · published 3 Jan 2021 · accessed 5 Jan 2022". */
  sourceLine(s: ReportSource): string;
  /** "Proposed by Rita Reviewer on …; approved by Ben Reviewer on …". */
  reviewLine(c: ReportClaim): string | null;
  statusLabel(status: ClaimStatus | DocumentStatus): string;
  /** A correction's change: "„Shuttles“ → „Startanlagen“", "added „…“", "removed „…“". */
  correctionChange(c: ReportCorrection): string;
  /** "proposed by Rita Reviewer on …, accepted by Erik Editor on …". */
  correctionLine(c: ReportCorrection): string;
  stanceLabel(stance: string): string;
  /** The mark every format carries when the document is not signed off. */
  draftMark: string;
}

const cache = new Map<string, Wording>();

export function wording(r: ReportLanguage = {}): Wording {
  const locale: Locale = isLocale(r.locale) ? r.locale : DEFAULT_LOCALE;
  const timeZone = r.timeZone || 'UTC';
  const key = `${locale}|${timeZone}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const t = translator(locale, timeZone);
  // One formatter each: building one per call costs ~1 ms. Calendar dates (a claim's date, a
  // source's) are dates, not instants: shown as written, whatever the zone.
  // English reports write dates the international way ("2 Oct 2026, 14:02"), not the US way.
  const intlLocale = locale === 'en' ? 'en-GB' : locale;
  const dateFormat = new Intl.DateTimeFormat(intlLocale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const timeFormat = new Intl.DateTimeFormat(intlLocale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' });
  const formatDate = (iso: string, withTime = false) =>
    withTime ? timeFormat.format(new Date(iso)) : dateFormat.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso));
  const statusLabel = (status: ClaimStatus | DocumentStatus) =>
    ['draft', 'in_review', 'signed_off'].includes(status) ? t(`documentStatus.${status as DocumentStatus}`) : t(`claimStatus.${status as ClaimStatus}`);
  const w: Wording = {
    locale,
    timeZone,
    t,
    formatDate,
    articleLine(d) {
      const by = d.byline ? (/^(by|von|por|de|par)\s/i.test(d.byline) ? d.byline : t('report.byline', { byline: d.byline })) : null;
      const parts = [by, d.publishedAt ? t('report.published', { date: formatDate(d.publishedAt) }) : null].filter(Boolean);
      return parts.length ? parts.join(' · ') : null;
    },
    sourceLine(s) {
      return [s.publisher, s.publishedAt ? t('report.published', { date: formatDate(s.publishedAt) }) : null, t('report.accessed', { date: formatDate(s.accessedAt) })]
        .filter(Boolean)
        .join(' · ');
    },
    reviewLine(c) {
      const parts = [
        c.proposedBy && c.proposedAt ? t('report.proposedBy', { name: c.proposedBy.name, date: formatDate(c.proposedAt, true) }) : null,
        c.approvedBy && c.approvedAt && c.status === 'approved' ? t('report.approvedBy', { name: c.approvedBy.name, date: formatDate(c.approvedAt, true) }) : null,
      ].filter(Boolean);
      return parts.length ? parts.join('; ') : null;
    },
    statusLabel,
    correctionChange(c) {
      const q = (text: string) => t('report.quoted', { text });
      if (c.kind === 'format') return t('report.correctionFormat');
      if (!c.before) return t('report.correctionAdded', { after: q(c.after) });
      if (!c.after) return t('report.correctionRemoved', { before: q(c.before) });
      return `${q(c.before)} → ${q(c.after)}`;
    },
    correctionLine(c) {
      return [
        t('report.correctionProposed', { name: c.proposedBy?.name ?? t('common.FormerMember'), date: formatDate(c.proposedAt, true) }),
        c.acceptedAt ? t('report.correctionAccepted', { name: c.acceptedBy?.name ?? t('common.FormerMember'), date: formatDate(c.acceptedAt, true) }) : null,
      ]
        .filter(Boolean)
        .join(', ');
    },
    stanceLabel: (stance) => (['supports', 'refutes', 'context'].includes(stance) ? t(`report.stance.${stance as 'supports'}`) : stance),
    draftMark: t('report.draftMark'),
  };
  cache.set(key, w);
  return w;
}

/** The English draft mark (for code that has no report at hand). */
export const DRAFT_MARK = 'Draft — not signed off';
