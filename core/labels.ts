/**
 * The engine's codes in words, read from the one message catalogue (core/messages): the CLI, the
 * screens, the minutes and the spreadsheets all name a code the same way.
 */
import { CONFERENCE_KINDS, type ExclusionCategory, type InvalidCode } from './codes.ts';
import { messages, type Lang } from './messages/index.ts';
import { en } from './messages/en.ts';
import { vi } from './messages/vi.ts';
import { formatPercent } from './percent.ts';
import type { ElectionRecord } from './record.ts';
import type { CandidateResult, ElectionResult } from './tally.ts';
import type { Warning } from './warnings.ts';

type Text = { readonly vi: string; readonly en: string };

export const INVALID_LABELS: Readonly<Record<InvalidCode, Text>> = Object.fromEntries(
  Object.keys(vi.invalidFull).map((code) => [
    code,
    { vi: vi.invalidFull[code as InvalidCode], en: en.invalidFull[code as InvalidCode] },
  ]),
) as Record<InvalidCode, Text>;

/** The exclusions from the base, as the minutes and the spreadsheets name them. */
export const EXCLUSION_LABELS: Readonly<Record<ExclusionCategory, string>> = vi.exclusionLabels;

export const exclusionLabel = (category: string): string =>
  Object.hasOwn(EXCLUSION_LABELS, category)
    ? EXCLUSION_LABELS[category as ExclusionCategory]
    : category;

export const invalidLabel = (code: InvalidCode, lang: Lang): string =>
  messages(lang).invalidFull[code];

/** Numbers as the documents print them: comma decimals in Vietnamese. */
export const percentText = (votes: number, base: number, lang: Lang, decimals = 2): string =>
  `${formatPercent(votes, base, { decimals, separator: lang === 'vi' ? ',' : '.' })}%`;

export const warningText = (w: Warning, lang: Lang): string =>
  (messages(lang).warning[w.code] as (w: Warning) => string)(w);

/** What became of a candidate, as every screen, document and table names it. */
export const OUTCOMES = ['elected', 'tied', 'over-half-not-elected', 'not-elected'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Readonly<Record<Outcome, Text>> = Object.fromEntries(
  OUTCOMES.map((o) => [o, { vi: vi.outcome[o], en: en.outcome[o] }]),
) as Record<Outcome, Text>;

export function candidateOutcome(c: CandidateResult, result: ElectionResult): Outcome {
  if (c.elected) return 'elected';
  if (result.tie?.candidates.includes(c.id) === true) return 'tied';
  return c.qualified ? 'over-half-not-elected' : 'not-elected';
}

export const outcomeLabel = (c: CandidateResult, result: ElectionResult, lang: Lang): string =>
  OUTCOME_LABELS[candidateOutcome(c, result)][lang];

/**
 * An election's name with its round said once: "Bầu Ban Chấp hành … (vòng 2)". A follow-up's
 * title often names its round already ("… — bầu lại (vòng 2)"); then nothing is added.
 */
export function electionName(
  election: Pick<ElectionRecord['election'], 'title' | 'round'>,
  lang: Lang,
): string {
  const title = election.title.normalize('NFC').trim();
  if (election.round <= 1) return title;
  const says = new RegExp(`(^|[^\\p{L}])(vòng|round)\\s+(thứ\\s+)?${election.round}(?!\\d)`, 'iu');
  if (says.test(title)) return title;
  return `${title} (${messages(lang).roundOf(election.round)})`;
}

/** Whether an election is held at the new committee's conference rather than at the congress. */
export const isConference = (record: Pick<ElectionRecord, 'election'>): boolean =>
  CONFERENCE_KINDS.includes(record.election.kind);

/**
 * The base in one line, for the header of every screen and document of an election:
 * "Cơ sở tính tỷ lệ: 347 (triệu tập 350 − loại trừ 3); trúng cử khi được từ 174 phiếu trở lên".
 */
export function baseSummary(
  record: Pick<ElectionRecord, 'base' | 'rules'>,
  result: Pick<ElectionResult, 'base' | 'threshold'>,
  lang: Lang,
): string {
  const words = messages(lang).baseLine;
  const { base, rules } = record;
  const excluded = base.exclusions.reduce((s, x) => s + x.count, 0);
  const how =
    base.override !== null
      ? words.override(base.override.note)
      : rules === 'valid-ballots'
        ? words.validBallots
        : rules === 'collected-ballots'
          ? words.collectedBallots
          : words.convened(base.convened, excluded);
  return words.line(result.base, how, result.threshold);
}
