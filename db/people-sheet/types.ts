/**
 * The public shape of a people sheet: the fields a column can hold, the column mapping (checked
 * with zod where it comes in), the people read, and the problems found.
 */
import { z } from 'zod';
import type { VietnameseEncoding } from '../../core/legacy-text.ts';

export const PEOPLE_FIELDS = [
  'no',
  'name',
  'family',
  'given',
  'unit',
  'position',
  'category',
  'status',
  'gender',
  'birthYear',
] as const;
export type PeopleField = (typeof PEOPLE_FIELDS)[number];

const column = z.number().int().min(1).max(16_384);
const optionalColumns = {
  no: column.optional(),
  unit: column.optional(),
  position: column.optional(),
  category: column.optional(),
  status: column.optional(),
  gender: column.optional(),
  birthYear: column.optional(),
};

/** Columns by field, 1-based (A = 1): one name column, or family (with middle) + given. */
export const columnMappingSchema = z.union([
  z.strictObject({ name: column, ...optionalColumns }),
  z.strictObject({ family: column, given: column, ...optionalColumns }),
]);
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export type PersonStatus = 'official' | 'alternate';

export interface SheetPerson {
  /** The spreadsheet row number (1-based), as the operator sees it in Excel. */
  readonly row: number;
  readonly name: string;
  readonly family?: string;
  readonly given?: string;
  readonly no?: string;
  readonly unit?: string;
  readonly position?: string;
  readonly category?: string;
  readonly status?: PersonStatus;
  readonly gender?: string;
  readonly birthYear?: number;
}

export interface SheetColumn {
  readonly field: PeopleField;
  readonly column: number;
  /** The header text as found (decoded), or '' when the mapping was given without a header. */
  readonly header: string;
  readonly encoding: VietnameseEncoding;
}

export type SheetSource =
  | { readonly format: 'xlsx'; readonly sheetName: string }
  | { readonly format: 'csv'; readonly charset: CsvCharset; readonly delimiter: CsvDelimiter };

export interface PeopleSheet {
  readonly source: SheetSource;
  /** 1-based; 0 when a mapping was given and no header row was found or named. */
  readonly headerRow: number;
  readonly mapping: ColumnMapping;
  readonly columns: readonly SheetColumn[];
  readonly people: readonly SheetPerson[];
  /** Row problems; any of them blocks the import (see importablePeople). */
  readonly problems: readonly SheetProblem[];
}

export type SheetProblem =
  | { readonly code: 'unsupported-type'; readonly fileName: string }
  | { readonly code: 'unreadable'; readonly fileName: string; readonly reason: string }
  | { readonly code: 'empty-file'; readonly fileName: string }
  | { readonly code: 'no-header' }
  | {
      readonly code: 'column-out-of-range';
      readonly field: PeopleField;
      readonly column: number;
      readonly columns: number;
    }
  | { readonly code: 'bad-mapping'; readonly reason: string }
  | { readonly code: 'no-people'; readonly rows: readonly number[] }
  | { readonly code: 'empty-name'; readonly rows: readonly number[]; readonly field: PeopleField }
  | {
      readonly code: 'duplicate-name';
      readonly rows: readonly number[];
      readonly field: PeopleField;
      readonly name: string;
    }
  | {
      readonly code: 'unknown-status' | 'invalid-birth-year';
      readonly rows: readonly number[];
      readonly field: PeopleField;
      readonly value: string;
    };

export interface ReadPeopleSheetInput {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  /** Overrides header detection; columns are 1-based. */
  readonly mapping?: ColumnMapping;
  /** The header row (1-based) when the mapping is given; data starts on the next row. */
  readonly headerRow?: number;
}

export type CsvCharset = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type CsvDelimiter = ',' | ';' | '\t';
