import { readFile } from 'node:fs/promises';
import { parseRecord, type ElectionRecord } from '../core/record.ts';
import type { Refusal } from '../core/refusal.ts';
import { err, type Result } from '../core/result.ts';

/** Reads and checks an election record file; refusals name the file's ballot and field. */
export async function readRecord(file: string): Promise<Result<ElectionRecord, Refusal[]>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return err([
      { code: 'not-json', reason: (e as NodeJS.ErrnoException).code ?? String(e), path: '' },
    ]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch (e) {
    return err([{ code: 'not-json', reason: (e as Error).message, path: '' }]);
  }
  return parseRecord(data);
}
