/**
 * The public shape of a people sheet: the fields a column can hold, the column mapping (checked
 * with zod where it comes in), the people read, and the problems found.
 */

export {
  PEOPLE_FIELDS,
  columnMappingSchema,
  type PeopleField,
  type ColumnMapping,
  type PersonStatus,
  type SheetPerson,
  type SheetColumn,
  type SheetSource,
  type PeopleSheet,
  type SheetProblem,
  type SheetLimit,
  type LeftOutRow,
  type LeftOutReason,
  type CsvCharset,
  type CsvDelimiter,
} from '../../core/protocol/sheet.ts';
import type { ColumnMapping } from '../../core/protocol/sheet.ts';

export interface ReadPeopleSheetInput {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  /** Overrides header detection; columns are 1-based. */
  readonly mapping?: ColumnMapping;
  /** The header row (1-based) when the mapping is given; data starts on the next row. */
  readonly headerRow?: number;
  /** Rows the operator leaves out: neither people nor problems. */
  readonly leaveOut?: readonly number[];
}
