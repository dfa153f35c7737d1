import { messages, photoProblemText, sheetProblemText, type Lang } from './messages/index.ts';
import type { SheetProblem } from './protocol/sheet.ts';
import type { PhotoProblem } from './candidate-details.ts';
import type { ReadingRefusal } from './readings/refusal.ts';

/** Why a record or a command was refused; `path` is the JSON path of the offending field. */
export type RefusalDetail =
  | { readonly code: 'not-json'; readonly reason: string }
  | { readonly code: 'wrong-format'; readonly expected: string; readonly received: string }
  | { readonly code: 'required' }
  | { readonly code: 'type'; readonly expected: string; readonly received: string }
  | { readonly code: 'enum'; readonly value: string; readonly allowed: readonly string[] }
  | { readonly code: 'too-small'; readonly min: number }
  | { readonly code: 'too-big'; readonly max: number }
  | { readonly code: 'not-integer' }
  | { readonly code: 'empty-text' }
  | { readonly code: 'bad-date'; readonly value: string }
  | { readonly code: 'bad-format' }
  | { readonly code: 'unknown-field'; readonly keys: readonly string[] }
  | { readonly code: 'ballot-shape' }
  | { readonly code: 'unsafe-character'; readonly character: string }
  | { readonly code: 'bad-utf8'; readonly offset: number }
  | { readonly code: 'too-deep'; readonly limit: number }
  | { readonly code: 'client-key-conflict'; readonly n: number }
  | { readonly code: 'duplicate-n'; readonly n: number }
  | { readonly code: 'duplicate-candidate-id'; readonly id: string }
  | { readonly code: 'unknown-candidate'; readonly id: string }
  | { readonly code: 'duplicate-struck'; readonly id: string }
  | { readonly code: 'missing-mark'; readonly id: string }
  | { readonly code: 'layout-mismatch'; readonly layout: string; readonly ballotLayout: string }
  | { readonly code: 'note-required' }
  | {
      readonly code: 'exclusion-category';
      readonly category: string;
      readonly allowed: readonly string[];
    }
  | { readonly code: 'base-below-one'; readonly convened: number; readonly excluded: number }
  | { readonly code: 'not-found'; readonly what: Entity; readonly id: string }
  | {
      readonly code: 'wrong-status';
      readonly status: ElectionStatus;
      readonly allowed: readonly ElectionStatus[];
    }
  | { readonly code: 'forbidden'; readonly role: string; readonly needed: readonly string[] }
  | { readonly code: 'wrong-pin' }
  /** A stack's readings (core/readings/refusal.ts). */
  | ReadingRefusal
  | { readonly code: 'bad-order' }
  | { readonly code: 'duplicate-code'; readonly id: string }
  | { readonly code: 'no-follow-up'; readonly status: string }
  | { readonly code: 'already-voided'; readonly n: number }
  | { readonly code: 'file'; readonly reason: string }
  | { readonly code: 'one-head'; readonly heads: number }
  | { readonly code: 'ruling-on-paper-invalid' }
  | { readonly code: 'token' }
  | { readonly code: 'login-required' }
  | { readonly code: 'too-large'; readonly limit: number }
  | { readonly code: 'no-file' }
  | { readonly code: 'pairing'; readonly reason: 'wrong-code' | 'too-many' }
  | { readonly code: 'file-exists'; readonly path: string }
  /** Practice and real congresses never mix: `practice` is what the file (or record) is. */
  | { readonly code: 'practice-mixed'; readonly practice: boolean }
  | { readonly code: 'p12-password' }
  | {
      readonly code: 'p12-unreadable';
      readonly problem: 'unreadable' | 'no-key' | 'no-certificate';
    }
  | { readonly code: 'sheet'; readonly problem: SheetProblem }
  | { readonly code: 'photo'; readonly problem: PhotoProblem }
  | { readonly code: 'throttled'; readonly seconds: number }
  | { readonly code: 'duplicate-scan'; readonly file: string; readonly page: number }
  | { readonly code: 'scan-not-open'; readonly status: string }
  | { readonly code: 'scans-undecided'; readonly count: number }
  /** The election needs more than one reading per stack: ballots enter through readings. */
  | { readonly code: 'readings-in-use'; readonly required: number }
  /** The readings required are fixed once a ballot or a reading exists. */
  | { readonly code: 'readings-fixed' }
  /** Entering into, or ending, another person's reading. */
  | { readonly code: 'not-your-reading'; readonly operator: string; readonly reading: number }
  /** Closing while stacks' ballots do not count yet (labels of those stacks). */
  | { readonly code: 'stacks-unsettled'; readonly stacks: readonly string[] }
  /** Finalizing without the committee's confirmation of the result as it stands. */
  | { readonly code: 'not-confirmed'; readonly changed: boolean }
  | { readonly code: 'scan-busy'; readonly done: number; readonly listed: number }
  | {
      readonly code: 'unknown-call';
      readonly kind: string;
      readonly name: string;
      readonly allowed: readonly string[];
    };

export { ELECTION_STATUSES, type ElectionStatus } from './lifecycle/election.ts';
import type { ElectionStatus } from './lifecycle/election.ts';

export type Entity =
  | 'election'
  | 'ballot'
  | 'candidate'
  | 'delegate'
  | 'batch'
  | 'operator'
  | 'backup'
  | 'base'
  | 'congress'
  | 'scan'
  | 'reading';
export type Refusal = RefusalDetail & {
  /** JSON path, e.g. `ballots.entered[3].struck[0]`. */
  readonly path: string;
  /** The ballot's number `n`, when the refusal is about one ballot. */
  readonly ballot?: number;
};

export type { Lang };

/** One line naming where and what: the ballot number when there is one, then the field. */
export function refusalText(r: Refusal, lang: Lang): string {
  const m = messages(lang);
  const where = r.path === '' ? '' : `${r.path}: `;
  const ballot = r.ballot === undefined ? '' : m.refusalBallot(r.ballot);
  const detail =
    r.code === 'sheet'
      ? sheetProblemText(r.problem, lang)
      : r.code === 'photo'
        ? photoProblemText(r.problem, lang)
        : (m.refusal[r.code] as (r: RefusalDetail) => string)(r);
  return `${ballot}${where}${detail}`;
}

/** JSON path text from a path array: ["ballots","entered",3,"n"] → "ballots.entered[3].n". */
export function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}
