/**
 * Data rows into people, with the problems of each row: an empty name, a duplicate name, a status
 * that is neither official nor alternate, a birth year that is not one, a formula where a name
 * belongs. Rows that are not people (totals, signatures, dates, a bare count, and everything
 * below the signatures) and rows the operator leaves out are listed apart, with their numbers.
 */
import type { VietnameseEncoding } from '../../core/legacy-text.ts';
import { cleanName } from '../../core/names.ts';
import type { LeftOutReason, LeftOutRow } from '../../core/protocol/sheet.ts';
import { foldName } from '../../core/names.ts';
import { cellUnicode, columnEncoding, headerText } from './cell-text.ts';
import { countOnly, footerCell, footerRow } from './footer.ts';
import { EMPTY, cellAt, type Cell, type Grid } from './grid.ts';
import { mappedColumns } from './header.ts';
import { SHEET_LIMITS } from './limits.ts';
import type {
  ColumnMapping,
  PeopleField,
  PersonStatus,
  SheetPerson,
  SheetProblem,
} from './types.ts';

/** What the introductions show of a candidate (a delegate's unit and position too), each within its length. */
const DETAIL_FIELDS = ['unit', 'position', 'hometown', 'education', 'biography'] as const;

const isNumbering = (text: string): boolean => /^\(?\d{1,2}\)?$/u.test(text.trim());

function parseStatus(text: string): PersonStatus | undefined | 'unknown' {
  const folded = foldName(text);
  if (folded === '') return undefined;
  if (/^(dai bieu )?(chinh thuc|ct)$|^official$/u.test(folded)) return 'official';
  if (/^(dai bieu )?(du khuyet|dk)$|^alternate$/u.test(folded)) return 'alternate';
  return 'unknown';
}

function parseBirthYear(text: string): number | undefined {
  const t = text.trim();
  const year =
    /^(\d{4})(\.0+)?$/u.exec(t)?.[1] ??
    /^(\d{4})-\d{2}-\d{2}$/u.exec(t)?.[1] ??
    /^\d{1,2}[/.-]\d{1,2}[/.-](\d{4})$/u.exec(t)?.[1];
  const n = Number(year);
  return year !== undefined && n >= 1900 && n <= 2100 ? n : undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface RowRead {
  /** Absent when the row has no name: such a row is only a problem. */
  readonly person?: SheetPerson;
  readonly problems: readonly SheetProblem[];
}

function readRow(value: (field: PeopleField) => string, row: number, split: boolean): RowRead {
  const problems: SheetProblem[] = [];
  const person: Mutable<SheetPerson> = { row, name: '' };
  if (split) {
    const family = value('family');
    const given = value('given');
    Object.assign(person, { name: cleanName(`${family} ${given}`), family, given });
    if (given === '') problems.push({ code: 'empty-name', rows: [row], field: 'given' });
  } else {
    person.name = value('name');
    if (person.name === '') problems.push({ code: 'empty-name', rows: [row], field: 'name' });
  }
  for (const field of ['no', 'category', 'gender'] as const) {
    const text = value(field);
    if (text !== '') person[field] = text;
  }
  for (const field of DETAIL_FIELDS) {
    const text = value(field);
    const max = field === 'biography' ? SHEET_LIMITS.biographyChars : SHEET_LIMITS.detailChars;
    const length = [...text].length;
    if (length > max) problems.push({ code: 'too-long', rows: [row], field, length, max });
    else if (text !== '') person[field] = text;
  }
  const status = value('status');
  const parsed = parseStatus(status);
  if (parsed === 'unknown') {
    problems.push({ code: 'unknown-status', rows: [row], field: 'status', value: status });
  } else if (parsed !== undefined) {
    person.status = parsed;
  }
  const born = value('birthYear');
  const year = parseBirthYear(born);
  if (born !== '' && year === undefined) {
    problems.push({ code: 'invalid-birth-year', rows: [row], field: 'birthYear', value: born });
  } else if (year !== undefined) {
    person.birthYear = year;
  }
  const named = split ? person.given !== '' : person.name !== '';
  return named ? { person, problems } : { problems };
}

interface RowsRead {
  readonly people: SheetPerson[];
  readonly leftOut: LeftOutRow[];
  readonly problems: SheetProblem[];
  readonly encodings: ReadonlyMap<PeopleField, VietnameseEncoding>;
}

const NAME_FIELDS = ['name', 'family', 'given'] as const;

/** A name cell that is a formula: in an .xlsx, or typed as one in a CSV ("=1+1"). */
function formulaIn(cell: Cell): string | undefined {
  if (cell.formula !== undefined) return cell.formula;
  const text = cell.text.trim();
  return /^=./u.test(text) ? text.slice(1) : undefined;
}

const rowText = (cells: readonly string[]): string => {
  const text = cells.join(' | ');
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
};

export function readRows(
  grid: Grid,
  mapping: ColumnMapping,
  headerRow: number,
  leaveOut: ReadonlySet<number> = new Set(),
): RowsRead {
  const columns = new Map(mappedColumns(mapping));
  const firstRow = headerRow + 1;
  const dataRows = grid.slice(headerRow);
  const encodings = new Map(
    [...columns].map(([field, c]) => [
      field,
      columnEncoding(dataRows.map((r) => r[c - 1] ?? EMPTY)),
    ]),
  );
  const people: SheetPerson[] = [];
  const leftOut: LeftOutRow[] = [];
  const problems: SheetProblem[] = [];
  /** Rows with numbers and no name: a count when nobody follows them, else a missing name. */
  const counts: { row: number; text: string; problems: readonly SheetProblem[] }[] = [];
  let belowSignature = false;
  for (let row = firstRow; row <= grid.length; row++) {
    const own = (grid[row - 1] ?? []).filter((c) => !c.inherited && c.text.trim() !== '');
    if (own.length === 0) continue;
    // A row of column numbers, "1 2 3 …" or "(1) (2) (3) …", printed under the header.
    if (row === firstRow && own.length > 1 && own.every((c) => isNumbering(c.text))) continue;
    const texts = (): string[] => own.map((c) => headerText(c.text)).filter((t) => t !== '');
    const leave = (reason: LeftOutReason): void => {
      leftOut.push({ row, reason, text: rowText(texts()) });
    };
    if (leaveOut.has(row)) {
      leave('operator');
      continue;
    }
    if (belowSignature) {
      leave(footerRow(texts()) ?? 'below-signature');
      continue;
    }
    const value = (field: PeopleField): string => {
      const c = columns.get(field);
      if (c === undefined) return '';
      return cellUnicode(cellAt(grid, row, c), field, encodings.get(field) ?? 'unicode');
    };
    const split = !('name' in mapping);
    const name = split ? cleanName(`${value('family')} ${value('given')}`) : value('name');
    // Only a row whose name is empty or footer text is looked at as a whole.
    if (name === '' || footerCell(name) !== undefined) {
      const cells = texts();
      const kind = footerRow(cells);
      if (kind !== undefined) {
        leave(kind);
        // The signer's name is written under the signature: nothing below is a delegate.
        if (kind !== 'summary' && people.length > 0) belowSignature = true;
        continue;
      }
      if (name === '' && countOnly(cells)) {
        counts.push({ row, text: rowText(cells), problems: readRow(value, row, split).problems });
        continue;
      }
    }
    const formulas = NAME_FIELDS.flatMap((field) => {
      const c = columns.get(field);
      const formula = c === undefined ? undefined : formulaIn(cellAt(grid, row, c));
      return formula === undefined
        ? []
        : [{ code: 'formula' as const, rows: [row], field, formula }];
    });
    if (formulas.length > 0) {
      problems.push(...formulas);
      continue;
    }
    const read = readRow(value, row, split);
    if (read.person) people.push(read.person);
    problems.push(...read.problems);
  }
  const lastPerson = people.at(-1)?.row ?? 0;
  for (const c of counts) {
    if (c.row > lastPerson) leftOut.push({ row: c.row, reason: 'count-only', text: c.text });
    else problems.push(...c.problems);
  }
  leftOut.sort((a, b) => a.row - b.row);
  problems.push(...duplicates(people));
  if (people.length === 0 && problems.length === 0) {
    problems.push({ code: 'no-people', rows: headerRow > 0 ? [headerRow] : [] });
  }
  problems.sort((a, b) => firstRowOf(a) - firstRowOf(b));
  return { people, leftOut, problems, encodings };
}

// Compared after NFC and case folding; reported on the full name even in split files, since the
// message quotes the whole name.
function duplicates(people: readonly SheetPerson[]): SheetProblem[] {
  const byKey = new Map<string, SheetPerson[]>();
  for (const p of people) {
    const key = p.name.normalize('NFC').toLowerCase();
    const group = byKey.get(key);
    if (group === undefined) byKey.set(key, [p]);
    else group.push(p);
  }
  return [...byKey.values()]
    .filter((group) => group.length > 1)
    .map((group) => ({
      code: 'duplicate-name' as const,
      rows: group.map((p) => p.row),
      field: 'name' as const,
      name: group[0]?.name ?? '',
    }));
}

const firstRowOf = (p: SheetProblem): number => ('rows' in p ? (p.rows[0] ?? 0) : 0);
