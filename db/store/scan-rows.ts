/** Scanned sheets and the decisions on them: rows written once, read in feed order. */
import type { Db } from '../connection.ts';
import { numberOf, stmt } from '../connection.ts';
import type { Ballot } from '../../core/ballot.ts';
import type { ScanSheet, ScanStatus, ScanView } from '../../core/scan/sheet-record.ts';

interface ScanRow {
  id: number;
  election_id: number;
  seq: number;
  batch_id: number | null;
  reading_id: number | null;
  file: string;
  page: number;
  pages: number;
  sha256: string;
  file_sha256: string;
  status: ScanStatus;
  reason: string | null;
  reading: string;
  ballot_n: number | null;
  scanned_by: string;
  scanned_at: string;
  decision: string | null;
  decided_n: number | null;
  decided_by: string | null;
  decided_at: string | null;
}

/** What of a sheet is kept as its reading (the columns hold the rest). */
type Reading = Pick<ScanSheet, 'lines' | 'review' | 'reasons' | 'outsideMm2' | 'transforms'> & {
  detail?: string;
};

const SELECT = `SELECT s.*, d.decision, d.ballot_n AS decided_n, d.decided_by, d.decided_at
  FROM scan s LEFT JOIN scan_decision d ON d.scan_id = s.id`;

function view(row: ScanRow): ScanView {
  const reading = JSON.parse(row.reading) as Reading;
  return {
    id: row.id,
    seq: row.seq,
    batchId: row.batch_id,
    readingId: row.reading_id,
    file: row.file,
    page: row.page,
    pages: row.pages,
    sha256: row.sha256,
    fileSha256: row.file_sha256,
    status: row.status,
    reason: row.reason,
    detail: reading.detail ?? null,
    lines: reading.lines ?? [],
    review: reading.review,
    reasons: reading.reasons,
    transforms: reading.transforms ?? [],
    ballotN: row.ballot_n ?? row.decided_n,
    decision:
      row.decision === null
        ? null
        : {
            ballot: JSON.parse(row.decision) as Ballot,
            by: row.decided_by!,
            at: row.decided_at!,
          },
    scannedBy: row.scanned_by,
  };
}

/** The sheets of one scanner pass, in feed order. */
export const readingScans = (db: Db, readingId: number): ScanView[] =>
  (stmt(db, `${SELECT} WHERE s.reading_id = ? ORDER BY s.seq`).all(readingId) as ScanRow[]).map(
    view,
  );

/** The election's sheets in feed order; with `readingId`, only that scanner pass's. */
export const scans = (db: Db, electionId: number, readingId?: number): ScanView[] =>
  (readingId === undefined
    ? (stmt(db, `${SELECT} WHERE s.election_id = ? ORDER BY s.seq`).all(electionId) as ScanRow[])
    : (stmt(db, `${SELECT} WHERE s.election_id = ? AND s.reading_id = ? ORDER BY s.seq`).all(
        electionId,
        readingId,
      ) as ScanRow[])
  ).map(view);

export function scan(db: Db, scanId: number): (ScanView & { electionId: number }) | undefined {
  const row = stmt(db, `${SELECT} WHERE s.id = ?`).get(scanId) as ScanRow | undefined;
  return row === undefined ? undefined : { ...view(row), electionId: row.election_id };
}

/** The same image already fed (a blank back side is no image of a ballot: many look alike). */
export const scanned = (db: Db, electionId: number, sha256: string): boolean =>
  stmt(db, "SELECT 1 FROM scan WHERE election_id = ? AND sha256 = ? AND status <> 'skipped'").get(
    electionId,
    sha256,
  ) !== undefined;

/** The files already fed to an election, by their SHA-256. */
export const scannedFiles = (db: Db, electionId: number): Set<string> =>
  new Set(
    (
      stmt(db, 'SELECT DISTINCT file_sha256 AS h FROM scan WHERE election_id = ?').all(
        electionId,
      ) as { h: string }[]
    ).map((r) => r.h),
  );

/** Every image the file refers to, for verify. */
export const scanImages = (
  db: Db,
): { fileSha256: string; file: string; pages: { page: number; sha256: string }[] }[] => {
  const rows = stmt(
    db,
    'SELECT file_sha256, file, page, sha256 FROM scan ORDER BY file_sha256, page',
  ).all() as { file_sha256: string; file: string; page: number; sha256: string }[];
  const byFile = new Map<
    string,
    { fileSha256: string; file: string; pages: { page: number; sha256: string }[] }
  >();
  for (const r of rows) {
    const f = byFile.get(r.file_sha256) ?? { fileSha256: r.file_sha256, file: r.file, pages: [] };
    f.pages.push({ page: r.page, sha256: r.sha256 });
    byFile.set(r.file_sha256, f);
  }
  return [...byFile.values()];
};

export function insertScan(
  db: Db,
  row: {
    electionId: number;
    batchId: number | null;
    readingId: number | null;
    sheet: ScanSheet;
    ballotN: number | null;
    by: string;
    at: string;
  },
): number {
  const { sheet } = row;
  const seq =
    numberOf(
      db,
      'SELECT COALESCE(MAX(seq), 0) AS n FROM scan WHERE election_id = ?',
      row.electionId,
    ) + 1;
  const reading: Reading = {
    ...(sheet.lines === undefined ? {} : { lines: sheet.lines }),
    review: sheet.review,
    reasons: sheet.reasons,
    outsideMm2: sheet.outsideMm2,
    transforms: sheet.transforms,
    ...(sheet.detail === undefined ? {} : { detail: sheet.detail }),
  };
  return Number(
    stmt(
      db,
      `INSERT INTO scan (election_id, seq, batch_id, file, page, pages, sha256, file_sha256, status,
         reason, reading, ballot_n, scanned_by, scanned_at, reading_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      row.electionId,
      seq,
      row.batchId,
      sheet.file,
      sheet.page,
      sheet.pages,
      sheet.sha256,
      sheet.fileSha256,
      sheet.status,
      sheet.reason ?? null,
      JSON.stringify(reading),
      row.ballotN,
      row.by,
      row.at,
      row.readingId,
    ).lastInsertRowid,
  );
}

export const insertScanDecision = (
  db: Db,
  d: { scanId: number; ballotN: number | null; ballot: Ballot; by: string; at: string },
): void => {
  stmt(
    db,
    'INSERT INTO scan_decision (scan_id, ballot_n, decision, decided_by, decided_at) VALUES (?, ?, ?, ?, ?)',
  ).run(d.scanId, d.ballotN, JSON.stringify(d.ballot), d.by, d.at);
};

/** Sheets of a stack (or, with null, of the whole election) still in review. */
export const undecidedScans = (db: Db, electionId: number, batchId: number | null): number =>
  numberOf(
    db,
    `SELECT COUNT(*) AS n FROM scan s LEFT JOIN scan_decision d ON d.scan_id = s.id
      WHERE s.election_id = ? AND s.status = 'review' AND d.scan_id IS NULL
        AND (? IS NULL OR s.batch_id = ?)`,
    electionId,
    batchId,
    batchId,
  );
