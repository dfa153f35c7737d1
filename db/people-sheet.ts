/**
 * A list of people (delegates, party members, candidates) read from an .xlsx or .csv file, for
 * the import preview. Nothing is stored here: the preview shows every row and every problem at
 * once, and `importablePeople` is the gate that lets an import through only when there is none.
 *
 * Old party-office files are handled as they come: title rows above the header, merged cells,
 * split name columns, text in TCVN3 or VNI (decided once per column, see core/legacy-text.ts),
 * CSV in UTF-8, UTF-16, Windows-1258 or Windows-1252 with `,` `;` or tab (one encoding per file,
 * with a confidence). Totals, signatures and dates below the list are left out, by row.
 *
 * Hostile files are refused within hard limits (people-sheet/limits.ts), measured before anything
 * is expanded; hosts read through `readPeopleSheetInWorker`, on a worker thread killed past its
 * time and memory limits.
 */
export { importablePeople, readPeopleSheet } from './people-sheet/read.ts';
export { fieldLabel, problemText } from './people-sheet/messages.ts';
export { PEOPLE_FIELDS, columnMappingSchema } from './people-sheet/types.ts';
export type {
  ColumnMapping,
  CsvCharset,
  CsvDelimiter,
  PeopleField,
  PeopleSheet,
  PersonStatus,
  ReadPeopleSheetInput,
  SheetColumn,
  SheetPerson,
  SheetProblem,
  SheetSource,
} from './people-sheet/types.ts';
export { readPeopleSheetInWorker, type WorkerLimits } from './people-sheet/in-worker.ts';
