/**
 * Signing with certificates OpenSSL issued in both PKCS#12 formats, with a Vietnamese password
 * ("Mật-khẩu 2025"): the PBES2/AES one takes the password as UTF-8, the legacy 3DES/RC2 one as a
 * BMPString. pdfsig checks each signed file; one goes through the CLI end to end.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../db/pdf/render.ts';
import { signPdf } from '../../db/pdf/sign.ts';
import { ROOT, runSignedMinutes } from '../cli/run-cli.ts';
import { tempDir } from '../db/helpers.ts';
import { P12_FORMATS, opensslP12s, type P12Format } from './openssl-p12.ts';
import { minutesOf, overHalfRecord } from './records.ts';

const SIGNER = 'Hoàng Văn Trưởng';
const PASSWORD = 'Mật-khẩu 2025';

let dir: string;
let files: Record<P12Format, string>;
let unsigned: Buffer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiem-phieu-p12-'));
  files = opensslP12s(dir, { name: SIGNER, password: PASSWORD });
  const record = overHalfRecord();
  unsigned = await renderPdf(minutesOf(record));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function signedBy(format: P12Format, passphrase: string): Promise<string> {
  const signed = await signPdf(unsigned, {
    p12: readFileSync(files[format]),
    passphrase,
    reason: 'Biên bản kiểm phiếu',
    location: 'Thái Nguyên',
  });
  if (!signed.ok) throw new Error(JSON.stringify(signed.error));
  const pdf = join(tempDir(), `bien-ban-${format}.pdf`);
  writeFileSync(pdf, signed.value);
  return execFileSync('pdfsig', [pdf], { encoding: 'utf8' });
}

describe('a Vietnamese password opens both PKCS#12 formats', () => {
  for (const format of Object.keys(P12_FORMATS) as P12Format[]) {
    it(`${format}: the minutes are signed and pdfsig finds the signature valid`, async () => {
      const out = await signedBy(format, PASSWORD);
      expect(out).toContain('Signature Validation: Signature is Valid.');
      expect(out).toContain(`Signer Certificate Common Name: ${SIGNER}`);
    });
  }

  it('the same password typed in decomposed form (NFD) opens the AES file too', async () => {
    expect(await signedBy('aes', PASSWORD.normalize('NFD'))).toContain('Signature is Valid.');
  });

  it('through the CLI: kiem-phieu minutes --sign with the AES file', async () => {
    const pdf = join(tempDir(), 'bien-ban-cli.pdf');
    const run = await runSignedMinutes({
      record: join(ROOT, 'tests/decks/tie-one-seat/record.json'),
      pdf,
      p12: files.aes,
      password: PASSWORD,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(execFileSync('pdfsig', [pdf], { encoding: 'utf8' })).toContain('Signature is Valid.');
  });
});
