/**
 * The shapes of the catalogue's code-keyed sections: a code added to a union without its text in
 * both languages fails the typecheck.
 */
import type { InvalidCode } from '../codes.ts';
import type { RefusalDetail } from '../refusal.ts';
import type { SheetProblem } from '../protocol/sheet.ts';
import type { Warning } from '../warnings.ts';
import type { FileProblem } from '../verification.ts';

export type Texts<K extends string> = Readonly<Record<K, string>>;

/** What the ballot list and the entry screen call a ballot's state. */
export type BallotStatus = InvalidCode | 'voided' | 'valid';

/** A spreadsheet's or a photo's refusal is worded by its problem's own text (refusalText). */
export type RefusalTexts = {
  readonly [C in Exclude<RefusalDetail['code'], 'sheet' | 'photo'>]: (
    r: Extract<RefusalDetail, { code: C }>,
  ) => string;
};

export type WarningTexts = {
  readonly [C in Warning['code']]: (w: Extract<Warning, { code: C }>) => string;
};

/** A sheet problem's text; problems about rows are prefixed with the rows and the column. */
export type SheetProblemTexts = {
  readonly [C in SheetProblem['code']]: (
    p: Extract<SheetProblem, { code: C }>,
    field: string,
  ) => string;
};

/** Types a section by its shape rather than by its literal texts, so `en` may word it otherwise. */
export const typed = <T>(section: T): T => section;

/** A verify finding's text; `where` is the table's name, or the replay's refusals, in words. */
export type VerifyProblemTexts = {
  readonly [K in FileProblem['kind']]: (
    p: Extract<FileProblem, { kind: K }>,
    where: string,
  ) => string;
};
