/** Numbered migrations, applied in order; `PRAGMA user_version` records the last one applied. */
import { sql as initial } from './0001-initial.ts';
import { sql as clientKeysAndDisplay } from './0002-client-keys-and-display.ts';
import { sql as electionCommittee } from './0003-election-committee.ts';
import { sql as delegatePosition } from './0004-delegate-position.ts';
import { sql as scans } from './0005-scans.ts';
import { sql as candidateDetails } from './0006-candidate-details.ts';
import { sql as readings } from './0007-readings.ts';
import { sql as practice } from './0008-practice.ts';
import { sql as scanReadings } from './0009-scan-readings.ts';

export const MIGRATIONS: readonly { readonly version: number; readonly sql: string }[] = [
  { version: 1, sql: initial },
  { version: 2, sql: clientKeysAndDisplay },
  { version: 3, sql: electionCommittee },
  { version: 4, sql: delegatePosition },
  { version: 5, sql: scans },
  { version: 6, sql: candidateDetails },
  { version: 7, sql: readings },
  { version: 8, sql: practice },
  { version: 9, sql: scanReadings },
];
