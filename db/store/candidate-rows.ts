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
  name: string;
  birth_year: number | null;
  hometown: string | null;
  position: string | null;
  unit: string | null;
  education: string | null;
  biography: string | null;
}

interface PhotoRow {
  name: string;
  jpeg: Buffer;
  width: number;
  height: number;
  sha256: string;
}

/**
 * The election's candidates in ballot order, each with what is known of them; details kept for
 * a name no longer on the list are not shown.
 */
export function candidateDetails(
  db: Db,
  electionId: number,
  candidates: readonly { code: string; name: string }[],
): CandidateDetailView[] {
  const details = new Map(
    (
      stmt(db, 'SELECT * FROM candidate_detail WHERE election_id = ?').all(
        electionId,
      ) as DetailRow[]
    ).map((r) => [r.name, r]),
  );
  const photos = new Map(
    (
      stmt(
        db,
        'SELECT name, jpeg, width, height, sha256 FROM candidate_photo WHERE election_id = ?',
      ).all(electionId) as PhotoRow[]
    ).map((r) => [r.name, r]),
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
      photo:
        p === undefined
          ? null
          : {
              base64: p.jpeg.toString('base64'),
              width: p.width,
              height: p.height,
              sha256: p.sha256,
            },
    };
  });
}
