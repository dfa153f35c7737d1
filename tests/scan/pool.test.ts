/** The reading pool: a worker that dies fails its page alone, and the batch goes on. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../core/record.ts';
import { scanFiles } from '../../db/scan/scan-files.ts';
import { ROOT } from '../cli/run-cli.ts';

describe('scanFiles on worker threads', () => {
  it('fails the page a worker died on, names it, and reads the pages after it', async () => {
    const parsed = parseRecord(
      JSON.parse(
        readFileSync(join(ROOT, 'tests/decks/medium-delegates-congress/record.json'), 'utf8'),
      ),
    );
    if (!parsed.ok) throw new Error('record refused');
    const dir = mkdtempSync(join(tmpdir(), 'kp-pool-'));
    const names = ['a.png', 'crash.png', 'b.png', 'crash-again.png', 'c.png', 'd.png'];
    for (const [i, name] of names.entries()) {
      const png = await sharp({
        create: {
          width: 40,
          height: 40,
          channels: 3,
          background: { r: 200 + i, g: 200 + i, b: 200 + i },
        },
      })
        .png()
        .toBuffer();
      writeFileSync(join(dir, name), png);
    }
    const sheets = await scanFiles({
      record: parsed.value,
      files: names.map((n) => join(dir, n)),
      threads: 2,
      workerUrl: new URL('./crashing-worker.mjs', import.meta.url),
    });
    expect(sheets.map((s) => [s.file.slice(dir.length + 1), s.status, s.reason])).toEqual([
      ['a.png', 'skipped', 'blank'],
      ['crash.png', 'rejected', 'reader-crashed'],
      ['b.png', 'skipped', 'blank'],
      ['crash-again.png', 'rejected', 'reader-crashed'],
      ['c.png', 'skipped', 'blank'],
      ['d.png', 'skipped', 'blank'],
    ]);
  });
});
