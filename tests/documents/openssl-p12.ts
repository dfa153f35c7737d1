/** PKCS#12 files made by OpenSSL, as a certificate authority or an office would issue them. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const P12_FORMATS = {
  /** OpenSSL 3's default: PBES2 (PBKDF2 + AES-256-CBC), the password as UTF-8. */
  aes: [],
  /** The legacy format (RC2 certificates, 3DES key), the password as a BMPString. */
  legacy: ['-legacy'],
  /** 3DES for both bags, as older Windows exports make. */
  '3des': ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES'],
} as const;
export type P12Format = keyof typeof P12_FORMATS;

/** A self-signed certificate for `name` in each format, all with `password`; returns the paths. */
export function opensslP12s(
  dir: string,
  { name, password }: { name: string; password: string },
): Record<P12Format, string> {
  const key = join(dir, 'khoa.pem');
  const cert = join(dir, 'chung-thu.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-utf8',
      '-subj',
      `/CN=${name}/O=Ban kiểm phiếu`,
      '-days',
      '3650',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  const out = {} as Record<P12Format, string>;
  for (const [format, args] of Object.entries(P12_FORMATS) as [P12Format, readonly string[]][]) {
    const file = join(dir, `ky-${format}.p12`);
    execFileSync(
      'openssl',
      [
        'pkcs12',
        '-export',
        ...args,
        '-inkey',
        key,
        '-in',
        cert,
        '-out',
        file,
        '-passout',
        'env:KP_P12_PASS',
      ],
      { env: { ...process.env, KP_P12_PASS: password }, stdio: 'ignore' },
    );
    out[format] = file;
  }
  return out;
}
