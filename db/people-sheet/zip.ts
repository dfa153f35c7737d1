/**
 * An .xlsx's zip opened with a budget, before exceljs sees it: the central directory's declared
 * sizes are summed first (an honest bomb is refused without inflating a byte), then every part is
 * inflated with a hard cap on its output (a bomb that lies about its size stops at the cap). What
 * comes back is every part's bytes, all of them within the budget.
 */
import { Buffer } from 'node:buffer';
import { inflateRawSync } from 'node:zlib';

export type ZipRefusal =
  | { readonly kind: 'damaged'; readonly reason: string }
  | { readonly kind: 'entries'; readonly max: number }
  | { readonly kind: 'expanded'; readonly max: number; readonly part: string };

export type ZipRead =
  | { readonly ok: true; readonly parts: ReadonlyMap<string, Uint8Array> }
  | { readonly ok: false; readonly refusal: ZipRefusal };

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

const damaged = (reason: string): ZipRead => ({ ok: false, refusal: { kind: 'damaged', reason } });

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressed: number;
  readonly declared: number;
  readonly offset: number;
}

function endOfDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf.readUInt32LE(i) === END_OF_DIRECTORY) return i;
  }
  return -1;
}

function directory(buf: Buffer, maxEntries: number): Entry[] | ZipRead {
  const end = endOfDirectory(buf);
  if (end < 0) return damaged('no zip directory');
  const count = buf.readUInt16LE(end + 10);
  const size = buf.readUInt32LE(end + 12);
  const start = buf.readUInt32LE(end + 16);
  // 0xFFFF / 0xFFFFFFFF mark zip64, which no people list needs.
  if (count === 0xffff || start === 0xffffffff) return damaged('zip64');
  if (count > maxEntries) return { ok: false, refusal: { kind: 'entries', max: maxEntries } };
  if (start + size > end) return damaged('directory outside the file');
  const entries: Entry[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || buf.readUInt32LE(at) !== DIRECTORY_ENTRY) {
      return damaged('broken directory');
    }
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    entries.push({
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
      method: buf.readUInt16LE(at + 10),
      compressed: buf.readUInt32LE(at + 20),
      declared: buf.readUInt32LE(at + 24),
      offset: buf.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Every part of the zip, inflated within `maxExpanded` bytes in all. */
export function readZip(
  bytes: Uint8Array,
  { maxEntries, maxExpanded }: { readonly maxEntries: number; readonly maxExpanded: number },
): ZipRead {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22) return damaged('too short for a zip');
  const entries = directory(buf, maxEntries);
  if (!Array.isArray(entries)) return entries;

  // Declared sizes first: nothing is inflated when they already say too much.
  let declared = 0;
  for (const e of entries) {
    declared += e.declared;
    if (declared > maxExpanded) {
      return { ok: false, refusal: { kind: 'expanded', max: maxExpanded, part: e.name } };
    }
  }

  const parts = new Map<string, Uint8Array>();
  let expanded = 0;
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== LOCAL_HEADER) {
      return damaged(`no local header for ${e.name}`);
    }
    const dataStart =
      e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
    if (dataStart + e.compressed > buf.length) return damaged(`${e.name} runs past the end`);
    const data = buf.subarray(dataStart, dataStart + e.compressed);
    const budget = maxExpanded - expanded;
    let content: Uint8Array;
    if (e.method === 0) {
      content = data;
    } else if (e.method === 8) {
      try {
        // One byte over the budget tells a bomb from a part that fills it exactly.
        content = inflateRawSync(data, { maxOutputLength: budget + 1 });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          return { ok: false, refusal: { kind: 'expanded', max: maxExpanded, part: e.name } };
        }
        return damaged(`${e.name} does not inflate`);
      }
    } else {
      return damaged(`${e.name} is compressed with method ${e.method}`);
    }
    if (content.length > budget) {
      return { ok: false, refusal: { kind: 'expanded', max: maxExpanded, part: e.name } };
    }
    // A part larger than it declares is a bomb that lies; a smaller one is damaged.
    if (content.length !== e.declared) return damaged(`${e.name} is not the size it declares`);
    expanded += content.length;
    parts.set(e.name, content);
  }
  return { ok: true, parts };
}
