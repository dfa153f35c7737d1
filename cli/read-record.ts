/**
 * Reads an election record file with bounds: its size, UTF-8 (a bad byte named by its offset),
 * its nesting (checked before `JSON.parse`), then the record's own checks. Hostile files are
 * refused with a message; none may crash the CLI or exhaust its memory.
 */
import { open } from 'node:fs/promises';
import { decodeUtf8, parseBoundedJson } from '../core/bounded-json.ts';
import {
  parseRecord,
  parseRecordWithReadings,
  type ElectionRecord,
  type RecordWithReadings,
} from '../core/record.ts';
import type { Refusal } from '../core/refusal.ts';
import { err, type Result } from '../core/result.ts';

/** A record of 100 000 ballots is about 5 MB; this leaves room and bounds the memory used. */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;

const fileRefusal = (e: unknown): Refusal[] => [
  { code: 'not-json', reason: (e as NodeJS.ErrnoException).code ?? String(e), path: '' },
];

/** A JSON file's value, read with the same bounds (size, UTF-8, depth). */
export async function readJsonFile(
  file: string,
  maxBytes = MAX_RECORD_BYTES,
): Promise<Result<unknown, Refusal[]>> {
  let bytes: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size > maxBytes) return err([{ code: 'too-large', limit: maxBytes, path: '' }]);
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (e) {
    return err(fileRefusal(e));
  }
  if (bytes.length > maxBytes) return err([{ code: 'too-large', limit: maxBytes, path: '' }]);
  const text = decodeUtf8(bytes);
  if (!text.ok) return text;
  return parseBoundedJson(text.value);
}

/** Reads and checks an election record file; refusals name the file's ballot and field. */
export async function readRecord(file: string): Promise<Result<ElectionRecord, Refusal[]>> {
  const data = await readJsonFile(file);
  return data.ok ? parseRecord(data.value) : data;
}

/** Reads and checks an election record file and the readings it carries, if any. */
export async function readRecordWithReadings(
  file: string,
): Promise<Result<RecordWithReadings, Refusal[]>> {
  const data = await readJsonFile(file);
  return data.ok ? parseRecordWithReadings(data.value) : data;
}
