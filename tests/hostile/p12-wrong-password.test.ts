/**
 * A wrong password, or a file that is not a certificate, gets its own coded refusal and message
 * (never "Hồ sơ bị từ chối", which is about the record), in Vietnamese and English, and the CLI
 * writes nothing.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusalText } from '../../core/refusal.ts';
import { signPdf } from '../../db/pdf/sign.ts';
import { ROOT, runSignedMinutes } from '../cli/run-cli.ts';
import { P12_FORMATS, opensslP12s, type P12Format } from '../documents/openssl-p12.ts';

const PASSWORD = 'Mật-khẩu 2025';
const RECORD = join(ROOT, 'tests/decks/tie-one-seat/record.json');
const PDF = Buffer.from('%PDF-1.4\n');

let dir: string;
let files: Record<P12Format, string>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiem-phieu-p12-bad-'));
  files = opensslP12s(dir, { name: 'Hoàng Văn Trưởng', password: PASSWORD });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const refusalOf = async (p12: Buffer, passphrase: string) => {
  const r = await signPdf(PDF, { p12, passphrase, reason: 'thử' });
  if (r.ok) throw new Error('signed with a wrong password');
  return r.error;
};

describe('hostile: the certificate password and file', () => {
  for (const format of Object.keys(P12_FORMATS) as P12Format[]) {
    it(`${format}: a password one accent off is refused as a wrong password`, async () => {
      const p12 = readFileSync(files[format]);
      for (const wrong of ['Mat-khẩu 2025', 'mật-khẩu 2025', '', 'x'.repeat(200)])
        expect(await refusalOf(p12, wrong)).toEqual([{ code: 'p12-password', path: 'p12' }]);
    });
  }

  it('a file that is not PKCS#12 is unreadable, not a wrong password', async () => {
    for (const junk of [
      Buffer.from('đây không phải chứng thư số'),
      Buffer.alloc(0),
      readFileSync(files.aes).subarray(0, 300),
    ]) {
      const [r] = await refusalOf(junk, PASSWORD);
      expect(r?.code).toBe('p12-unreadable');
      expect(refusalText(r!, 'vi')).toContain('không đọc được tệp chứng thư số (.p12)');
    }
  });

  it('the CLI names the wrong password, not the record, and writes nothing (vi, en)', async () => {
    for (const [lang, said, notSaid] of [
      ['vi', 'sai mật khẩu của tệp chứng thư số (.p12)', 'Hồ sơ bị từ chối'],
      ['en', 'wrong password for the certificate file (.p12)', 'Record refused'],
    ] as const) {
      const pdf = join(dir, `khong-ghi-${lang}.pdf`);
      const run = await runSignedMinutes(
        { record: RECORD, pdf, p12: files.aes, password: 'Mat-khau 2025' },
        ['--lang', lang],
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(said);
      expect(run.stderr).not.toContain(notSaid);
      expect(existsSync(pdf)).toBe(false);
    }
  });
});
