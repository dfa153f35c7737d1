/** The SHA-256 fingerprint of an election record, printed in the minutes to match paper and file. */
import { canonicalJson } from '../core/canonical-json.ts';
import { ballotLayoutText } from '../core/documents/ballot.ts';
import type { ElectionRecord } from '../core/record.ts';
import { sha256 } from './audit.ts';

/** Of the record's content (canonical JSON: key order and spacing do not change it). */
export const recordFingerprint = (record: ElectionRecord): string => sha256(canonicalJson(record));

/** Of what a ballot of this election looks like (list, seats, layout), for its QR code. */
export const layoutFingerprint = (record: ElectionRecord): string =>
  sha256(ballotLayoutText(record));
