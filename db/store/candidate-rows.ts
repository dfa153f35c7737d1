/** The candidates' details and photos for the introductions (migration 0006). */
import { createHash } from 'node:crypto';
import type { CandidateDetailView } from '../../core/views.ts';
import type { Db } from '../connection.ts';
import { stmt } from '../connection.ts';

export interface CandidateDetailRow {
  readonly name: string;
  readonly birthYear?: number;
  readonly hometown?: string;
  readonly position?: string;
  readonly unit?: string;
  readonly education?: string;
  readonly biography?: string;
}

/** Replaces the election's text details with `details` (its photos stay). */
export function replaceCandidateDetails(
  db: Db,
  electionId: number,
  details: readonly CandidateDetailRow[],
): void {
  stmt(db, 'DELETE FROM candidate_detail WHERE election_id = ?').run(electionId);
  const insert = stmt(
    db,
    `INSERT INTO candidate_detail (election_id, name, birth_year, hometown, position, unit, education, biography)
       VALUES (@electionId, @name, @birthYear, @hometown, @position, @unit, @education, @biography)`,
  );
  for (const d of details) {
    insert.run({
      electionId,
      name: d.name,
      birthYear: d.birthYear ?? null,
      hometown: d.hometown ?? null,
      position: d.position ?? null,
      unit: d.unit ?? null,
      education: d.education ?? null,
      biography: d.biography ?? null,
    });
  }
}

export function setCandidatePhoto(
  db: Db,
  electionId: number,
  name: string,
  photo: { jpeg: Uint8Array; width: number; height: number } | null,
): void {
  stmt(db, 'DELETE FROM candidate_photo WHERE election_id = ? AND name = ?').run(electionId, name);
  if (photo === null) return;
  stmt(
    db,
    `INSERT INTO candidate_photo (election_id, name, jpeg, width, height, sha256)
       VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    electionId,
    name,
    Buffer.from(photo.jpeg),
    photo.width,
    photo.height,
    createHash('sha256').update(photo.jpeg).digest('hex'),
  );
}

interface DetailRow {
  election_id: number;
  name: string;
  birth_year: number | null;
  hometown: string | null;
  position: string | null;
  unit: string | null;
  education: string | null;
  biography: string | null;
}

interface PhotoRow {
  election_id: number;
  name: string;
  width: number;
  height: number;
  sha256: string;
}

/**
 * The election, then the one it follows (a re-vote, a further round), and so on: the same
 * people, whose details need not be imported again. Bounded, in case a file's codes loop.
 */
function lineage(db: Db, electionId: number): number[] {
  const ids = [electionId];
  let row = stmt(db, 'SELECT parent_code FROM election WHERE id = ?').get(electionId) as
    { parent_code: string | null } | undefined;
  while (row?.parent_code != null && ids.length < 20) {
    const parent = stmt(db, 'SELECT id, parent_code FROM election WHERE code = ?').get(
      row.parent_code,
    ) as { id: number; parent_code: string | null } | undefined;
    if (parent === undefined || ids.includes(parent.id)) break;
    ids.push(parent.id);
    row = parent;
  }
  return ids;
}

/** Rows by name, the election's own over those of the elections it follows. */
function byName<R extends { election_id: number; name: string }>(
  rows: readonly R[],
  ids: readonly number[],
): Map<string, R> {
  const rank = (r: R) => ids.indexOf(r.election_id);
  const map = new Map<string, R>();
  for (const r of [...rows].sort((a, b) => rank(b) - rank(a))) map.set(r.name, r);
  return map;
}

/**
 * The election's candidates in ballot order, each with what is known of them (a re-vote's from
 * the election it follows, unless it has its own); details kept for a name no longer on the list
 * are not shown.
 */
export function candidateDetails(
  db: Db,
  electionId: number,
  candidates: readonly { code: string; name: string }[],
): CandidateDetailView[] {
  const ids = lineage(db, electionId);
  const inList = `(${ids.map(() => '?').join(', ')})`;
  const details = byName(
    db
      .prepare(`SELECT * FROM candidate_detail WHERE election_id IN ${inList}`)
      .all(...ids) as DetailRow[],
    ids,
  );
  const photos = byName(
    db
      .prepare(
        `SELECT election_id, name, width, height, sha256 FROM candidate_photo WHERE election_id IN ${inList}`,
      )
      .all(...ids) as PhotoRow[],
    ids,
  );
  return candidates.map((c, i) => {
    const d = details.get(c.name);
    const p = photos.get(c.name);
    return {
      code: c.code,
      no: i + 1,
      name: c.name,
      birthYear: d?.birth_year ?? null,
      hometown: d?.hometown ?? null,
      position: d?.position ?? null,
      unit: d?.unit ?? null,
      education: d?.education ?? null,
      biography: d?.biography ?? null,
      photo: p === undefined ? null : { width: p.width, height: p.height, sha256: p.sha256 },
    };
  });
}

/** A stored photo's JPEG by its SHA-256, or null. */
export function candidatePhotoJpeg(db: Db, sha256: string): Buffer | null {
  const row = stmt(db, 'SELECT jpeg FROM candidate_photo WHERE sha256 = ? LIMIT 1').get(sha256) as
    { jpeg: Buffer } | undefined;
  return row?.jpeg ?? null;
}
