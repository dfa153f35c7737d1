/**
 * The candidates' details and photos for the introductions: the text from the candidates' sheet,
 * one photo per candidate as the JPEG the app made (db/candidate-photo.ts). Every name must be on
 * the election's list. A photo is checked again here (a station may send anything): a JPEG, its
 * declared size within the limits. The audit row keeps the whole input, so a replay rebuilds it.
 */
import { jpegSize, PHOTO_LIMITS } from '../../core/candidate-details.ts';
import type { CandidateDetailView } from '../../core/views.ts';
import type { Db } from '../connection.ts';
import { done, type Handlers } from '../context.ts';
import { refuse } from '../refused.ts';
import * as store from '../store.ts';
import {
  candidateDetails,
  candidatePhotoJpeg,
  replaceCandidateDetails,
  setCandidatePhoto,
} from '../store/candidate-rows.ts';
import { requireAllowed } from './elections.ts';

type CandidateDetailCommands = 'setCandidateDetails' | 'setCandidatePhoto';

function requireOnList(names: ReadonlySet<string>, name: string, path: string): void {
  if (!names.has(name)) refuse({ code: 'not-found', what: 'candidate', id: name }, path);
}

export const candidateDetailHandlers: Handlers<CandidateDetailCommands> = {
  setCandidateDetails(ctx, input) {
    const e = requireAllowed(ctx, input.electionId, 'setCandidateDetails');
    const names = new Set(e.candidates.map((c) => c.name));
    const seen = new Set<string>();
    input.details.forEach((d, i) => {
      requireOnList(names, d.name, `details[${i}].name`);
      if (seen.has(d.name))
        refuse({ code: 'duplicate-candidate-id', id: d.name }, `details[${i}].name`);
      seen.add(d.name);
    });
    replaceCandidateDetails(ctx.db, input.electionId, input.details);
    return done({ count: input.details.length }, { electionId: input.electionId });
  },

  setCandidatePhoto(ctx, input) {
    const e = requireAllowed(ctx, input.electionId, 'setCandidatePhoto');
    requireOnList(new Set(e.candidates.map((c) => c.name)), input.name, 'name');
    if (input.jpeg === null) {
      setCandidatePhoto(ctx.db, input.electionId, input.name, null);
      return done(null, { electionId: input.electionId });
    }
    const jpeg = new Uint8Array(Buffer.from(input.jpeg, 'base64'));
    if (jpeg.length > PHOTO_LIMITS.storedBytes) {
      refuse({ code: 'too-big', max: PHOTO_LIMITS.storedBytes }, 'jpeg');
    }
    const size = jpegSize(jpeg);
    if (size === null) refuse({ code: 'wrong-format', expected: 'JPEG', received: '?' }, 'jpeg');
    if (size.height > PHOTO_LIMITS.height || size.width > PHOTO_LIMITS.maxWidth) {
      refuse({ code: 'too-big', max: PHOTO_LIMITS.height }, 'jpeg');
    }
    setCandidatePhoto(ctx.db, input.electionId, input.name, { jpeg, ...size });
    return done(null, { electionId: input.electionId });
  },
};

/** The query: the election's candidates in ballot order with their details. */
export function candidateDetailsOf(db: Db, electionId: number): CandidateDetailView[] {
  const e = store.election(db, electionId);
  return candidateDetails(db, electionId, e.candidates);
}

/** The photo query: the JPEG a candidateDetails entry names, in base64. */
export function candidatePhotoBytes(db: Db, sha256: string): string {
  const jpeg = candidatePhotoJpeg(db, sha256);
  if (jpeg === null) refuse({ code: 'not-found', what: 'candidate', id: sha256 }, 'sha256');
  return jpeg.toString('base64');
}
