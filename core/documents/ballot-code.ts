/**
 * The QR code of a ballot: which election, round, layout, paper and side it is, and the list's
 * fingerprint. Never anything about one ballot: every copy of a side carries the same code.
 */
import type { Paper } from './ballot-geometry.ts';

export interface BallotCode {
  readonly election: string;
  readonly round: number;
  readonly layout: 'strike' | 'approve';
  readonly paper: Paper;
  readonly side: number;
  readonly sides: number;
  /** The first 24 hex digits of the layout fingerprint (SHA-256 of ballotLayoutText). */
  readonly fingerprint: string;
}

const PREFIX = 'KP2';

export const formatBallotCode = (code: BallotCode): string =>
  [
    PREFIX,
    encodeURIComponent(code.election),
    code.round,
    code.layout,
    code.paper,
    `${code.side}/${code.sides}`,
    code.fingerprint.slice(0, 24),
  ].join('|');

/** The code read from a QR symbol, or null when it is not a Kiểm phiếu ballot code. */
export function parseBallotCode(text: string): BallotCode | null {
  const parts = text.split('|');
  if (parts.length !== 7 || parts[0] !== PREFIX) return null;
  const [, election, round, layout, paper, sides, fingerprint] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const side = /^(\d{1,2})\/(\d{1,2})$/u.exec(sides);
  if (
    !/^\d{1,3}$/u.test(round) ||
    (layout !== 'strike' && layout !== 'approve') ||
    (paper !== 'A4' && paper !== 'A5') ||
    side === null ||
    !/^[0-9a-f]{24}$/u.test(fingerprint)
  ) {
    return null;
  }
  let id: string;
  try {
    id = decodeURIComponent(election);
  } catch {
    return null;
  }
  return {
    election: id,
    round: Number(round),
    layout,
    paper,
    side: Number(side[1]),
    sides: Number(side[2]),
    fingerprint,
  };
}
