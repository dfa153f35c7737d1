/** The approve deck's record, optionally with a list of `names` generated candidates instead. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRecord, type ElectionRecord } from '../../core/record.ts';
import { ROOT } from '../cli/run-cli.ts';

export function approveRecord(names?: number): ElectionRecord {
  const json = JSON.parse(
    readFileSync(join(ROOT, 'tests/decks/approve-with-surplus/record.json'), 'utf8'),
  ) as Record<string, unknown>;
  if (names !== undefined) {
    json.candidates = Array.from({ length: names }, (_, i) => ({
      id: `c${i + 1}`,
      name: `Nguyễn Thị Người Thứ ${i + 1}`,
    }));
    // The deck's ballots name three candidates: none is needed to print or read a ballot.
    json.ballots = { ...(json.ballots as object), entered: [] };
  }
  const parsed = parseRecord(json);
  if (!parsed.ok) throw new Error('record refused');
  return parsed.value;
}
