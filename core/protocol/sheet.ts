/**
 * A people sheet (delegates or candidates from .xlsx/.csv) as a station sees it: the fields a
 * column can hold, the column mapping (checked with zod where it comes in), the people read and
 * the problems found, each worded by the message catalogue. db/people-sheet reads the files.
 */
import { z } from 'zod';
import type { VietnameseEncoding } from '../legacy-text.ts';

/** How far down a header row is looked for. */
export const HEADER_SEARCH_ROWS = 30;

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
  'hometown',
  'education',
  'biography',
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
  hometown: column.optional(),
  education: column.optional(),
  biography: column.optional(),
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
  /** Quê quán, trình độ, tóm tắt tiểu sử: a candidates' list gives them for the introductions. */
  readonly hometown?: string;
  readonly education?: string;
  readonly biography?: string;
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
  | {
      readonly format: 'csv';
      readonly charset: CsvCharset;
      readonly delimiter: CsvDelimiter;
      /** Per cent of the words outside ASCII that read as Vietnamese in this encoding. */
      readonly confidence: number;
    };

/** Why a row below the header is not a person: a footer, or the operator's choice. */
export const LEFT_OUT_REASONS = [
  'summary',
  'signature',
  'date',
  'count-only',
  'below-signature',
  'operator',
] as const;
export type LeftOutReason = (typeof LEFT_OUT_REASONS)[number];

export interface LeftOutRow {
  readonly row: number;
  readonly reason: LeftOutReason;
  /** The row's cells as read, joined, for the preview. */
  readonly text: string;
}

export interface PeopleSheet {
  readonly source: SheetSource;
  /** 1-based; 0 when a mapping was given and no header row was found or named. */
  readonly headerRow: number;
  readonly mapping: ColumnMapping;
  readonly columns: readonly SheetColumn[];
  readonly people: readonly SheetPerson[];
  /** Rows that are not people (totals, signatures, dates) or that the operator left out. */
  readonly leftOut: readonly LeftOutRow[];
  /** Row problems; any of them blocks the import (see importablePeople). */
  readonly problems: readonly SheetProblem[];
}

/** A limit a spreadsheet may not pass; db/people-sheet/limits.ts has their values. */
export type SheetLimit =
  | 'file-bytes'
  | 'expanded-bytes'
  | 'zip-entries'
  | 'rows'
  | 'columns'
  | 'cells'
  | 'cell-chars'
  | 'time'
  | 'memory';

/** A problem in some rows of one column: those rows, the column's field, and what is wrong. */
type InRows<Code extends string, Detail extends object = object> = {
  readonly code: Code;
  readonly rows: readonly number[];
  readonly field: PeopleField;
} & Detail;

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
  | InRows<'empty-name'>
  | InRows<'duplicate-name', { readonly name: string }>
  | InRows<'unknown-status', { readonly value: string }>
  | InRows<'invalid-birth-year', { readonly value: string }>
  /** A candidate's detail longer than the projector and the handout can show. */
  | InRows<'too-long', { readonly length: number; readonly max: number }>
  | {
      readonly code: 'over-limit';
      readonly fileName: string;
      readonly limit: SheetLimit;
      readonly max: number;
      /** Where the limit was passed, when that is a place: a row, a cell, a part of the zip. */
      readonly row?: number;
      readonly cell?: string;
      readonly part?: string;
    }
  | { readonly code: 'unterminated-quote'; readonly fileName: string; readonly row: number }
  | {
      readonly code: 'mixed-encoding';
      readonly fileName: string;
      /** Lines of the file: one in Vietnamese UTF-8, one that is not UTF-8. */
      readonly utf8Line: number;
      readonly otherLine: number;
    }
  | {
      readonly code: 'doubtful-encoding';
      readonly fileName: string;
      readonly charset: CsvCharset;
      readonly confidence: number;
    }
  | InRows<'formula', { readonly formula: string }>;

export type CsvCharset =
  'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'windows-1252';
export type CsvDelimiter = ',' | ';' | '\t';

/** The largest spreadsheet a station may send for a preview. */
export const MAX_SHEET_BYTES = 24 * 1024 * 1024;

export const sheetRequest = z.strictObject({
  fileName: z.string().min(1).max(300),
  base64: z.string().max(Math.ceil((MAX_SHEET_BYTES * 4) / 3)),
  mapping: columnMappingSchema.optional(),
  headerRow: z.int().min(1).optional(),
  /** Rows the operator leaves out of the import. */
  leaveOut: z.array(z.int().min(1)).max(25_000).optional(),
});

/** What the preview shows: the sheet as read, or nothing stored yet. */
export type SheetPreview = PeopleSheet;
