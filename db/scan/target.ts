/** What the reader needs to know about an election: its code, and per paper its geometry and blank. */
import { ballotGeometry, type Paper } from '../../core/documents/ballot-geometry.ts';
import type { ElectionRecord } from '../../core/record.ts';
import { sideReference } from '../../core/scan/reference.ts';
import type { BallotCode } from '../../core/documents/ballot-code.ts';
import { codeSymbols, type ScanTarget } from '../../core/scan/read-sheet.ts';
import { layoutFingerprint } from '../fingerprint.ts';
import { tinosOutlines } from './glyphs.ts';

export function scanTarget(record: ElectionRecord, paper: Paper = 'A4'): ScanTarget {
  const cache = new Map<Paper, ReturnType<ScanTarget['layoutFor']>>();
  const expected: BallotCode = {
    election: record.election.id,
    round: record.election.round,
    layout: record.election.layout,
    paper,
    side: 1,
    sides: ballotGeometry(record, paper).sides.length,
    fingerprint: layoutFingerprint(record).slice(0, 24),
  };
  return {
    expected,
    layoutFor: (p) => {
      if (!cache.has(p)) {
        let made: ReturnType<ScanTarget['layoutFor']> = null;
        try {
          const geometry = ballotGeometry(record, p);
          made = {
            geometry,
            references: geometry.sides.map((s) => sideReference(s, tinosOutlines)),
            symbols: codeSymbols(geometry, expected),
          };
        } catch {
          made = null; // a list that does not fit this paper: no ballot of it exists
        }
        cache.set(p, made);
      }
      return cache.get(p) ?? null;
    },
  };
}
