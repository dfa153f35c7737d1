/**
 * What `verify` can find wrong with a congress file (db/verify.ts): the file itself, the audit
 * chain, the log replayed (db/replay.ts), the tables compared with the replay
 * (db/replay-compare.ts) and the backups. Their texts are in the one catalogue (core/messages,
 * section `verifyProblem`), so a problem added here without its words in both languages fails
 * the typecheck.
 */
import { messages, type Lang } from './messages/index.ts';
import { refusalText, type Refusal } from './refusal.ts';

/** The first audit row that breaks the hash chain. */
export type ChainProblem =
  | { readonly kind: 'gap'; readonly seq: number; readonly expected: number }
  | { readonly kind: 'prev-hash'; readonly seq: number }
  | { readonly kind: 'hash'; readonly seq: number }
  | { readonly kind: 'payload'; readonly seq: number };

/** Where a replay stops: the audit row and its command. */
interface ReplayedCommand {
  readonly seq: number;
  readonly command: string;
}

export type ReplayProblem =
  | ({ readonly kind: 'replay-unknown' } & ReplayedCommand)
  | { readonly kind: 'replay-actor'; readonly seq: number; readonly actor: string }
  | ({ readonly kind: 'replay-payload' } & ReplayedCommand)
  | ({ readonly kind: 'replay-failed'; readonly detail: string } & ReplayedCommand)
  | ({ readonly kind: 'replay-refused'; readonly refusals: readonly Refusal[] } & ReplayedCommand);

/** A row of the file that the replayed log does not account for. */
interface TableRow {
  readonly table: string;
  readonly row: string;
}

export type TableProblem =
  | { readonly kind: 'column-missing'; readonly table: string; readonly column: string }
  | {
      readonly kind: 'schema-object';
      readonly type: string;
      readonly name: string;
      readonly change: 'missing' | 'extra' | 'changed';
    }
  | ({ readonly kind: 'row-not-logged' } & TableRow)
  | ({ readonly kind: 'row-missing' } & TableRow)
  | ({
      readonly kind: 'field-changed';
      readonly column: string;
      /** What the file holds and what the log says, as text (never a PIN hash). */
      readonly file: string;
      readonly log: string;
    } & TableRow)
  | {
      readonly kind: 'audit-differs';
      readonly seq: number;
      readonly columns: readonly string[];
    };

/** A backup, and the audit row where it parts from the file. */
interface BackupRow {
  readonly backup: string;
  readonly seq: number;
}

export type FileProblem =
  | { readonly kind: 'unreadable'; readonly detail: string }
  | { readonly kind: 'integrity'; readonly detail: string }
  | { readonly kind: 'schema'; readonly version: number; readonly latest: number }
  | { readonly kind: 'chain'; readonly chain: ChainProblem }
  | ReplayProblem
  | TableProblem
  | ({ readonly kind: 'backup-ahead'; readonly fileRows: number } & BackupRow)
  | ({ readonly kind: 'backup-diverges' } & BackupRow)
  | { readonly kind: 'backup-unreadable'; readonly backup: string; readonly detail: string }
  | { readonly kind: 'scan-missing'; readonly file: string; readonly sha256: string }
  | { readonly kind: 'scan-altered'; readonly file: string; readonly sha256: string }
  /** The ballots of a stack read more than once are not the ones its readings agreed on. */
  | {
      readonly kind: 'readings-mismatch';
      readonly election: string;
      /** The stack's label; null for ballots in no stack. */
      readonly stack: string | null;
      /**
       * `outside`: ballots in no stack of an election read several times; `unsettled`: ballots of
       * a stack whose readings do not agree yet; `unreadable`: readings that give no ballots;
       * `count`: as many ballots as the readings give (`agreed`) but `counted`; `ballot`: ballot
       * `n` is not the readings' ballot at `position`.
       */
      readonly problem: 'outside' | 'unsettled' | 'unreadable' | 'count' | 'ballot';
      readonly counted: number;
      readonly agreed: number;
      readonly n: number | null;
      readonly position: number | null;
    };

/**
 * One sentence per problem. `where` is what the catalogue's text cannot work out alone: the
 * table named in the reader's language, or the replay's refusals in their own words.
 */
export function fileProblemText(p: FileProblem, lang: Lang): string {
  const m = messages(lang);
  const where =
    'table' in p
      ? m.verifyTable(p.table)
      : p.kind === 'replay-refused'
        ? p.refusals.map((r) => refusalText(r, lang)).join('; ')
        : '';
  return (m.verifyProblem[p.kind] as (p: FileProblem, where: string) => string)(p, where);
}
