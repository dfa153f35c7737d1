/**
 * A standard PDF signature (adbe.pkcs7.detached) with the user's PKCS#12 certificate, and its
 * verification: the signed byte ranges must cover the whole file but the signature itself, their
 * SHA-256 must match the signed digest, and the signature must verify with the certificate.
 */
import { createHash } from 'node:crypto';
import forge from 'node-forge';
import { SignPdf } from '@signpdf/signpdf';
import { OriginalCertificateP12Signer, P12Error, openP12 } from './p12-signer.ts';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import type { Refusal } from '../../core/refusal.ts';
import { err, ok, type Result } from '../../core/result.ts';

export interface SignOptions {
  readonly p12: Buffer;
  readonly passphrase: string;
  readonly reason: string;
  readonly location?: string;
  readonly signingTime?: Date;
}

/**
 * The signer's common name, from the certificate that matches the key (the one the signature
 * carries, not a CA of the chain); a wrong password or a bundle without one is a refusal.
 */
export function p12Signer(p12: Buffer, passphrase: string): Result<{ name: string }, Refusal[]> {
  try {
    const { cert } = openP12(p12, passphrase);
    return ok({ name: decodeName(String(cert.subject.getField('CN')?.value ?? '')) });
  } catch (e) {
    if (!(e instanceof P12Error)) throw e;
    if (e.kind === 'password') return err([{ code: 'p12-password', path: 'p12' }]);
    return err([{ code: 'p12-unreadable', problem: e.kind, path: 'p12' }]);
  }
}

/** forge keeps a UTF8String's value as its UTF-8 bytes in a binary string. */
function decodeName(value: string): string {
  try {
    return forge.util.decodeUtf8(value).normalize('NFC');
  } catch {
    return value.normalize('NFC');
  }
}

/**
 * The signature dictionary's text fields written by @signpdf are safe only in ASCII (its string
 * encoding breaks on other characters), so they carry the name without diacritics; the signer's
 * full Vietnamese name is in the certificate, which is what readers and pdfsig show.
 */
export function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D')
    .replace(/[^\x20-\x7e]/gu, '')
    .replace(/[()\\]/gu, ' ');
}

export async function signPdf(
  pdf: Buffer,
  options: SignOptions,
): Promise<Result<Buffer, Refusal[]>> {
  const signer = p12Signer(options.p12, options.passphrase);
  if (!signer.ok) return signer;
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: asciiFold(options.reason),
    contactInfo: '',
    name: asciiFold(signer.value.name),
    location: asciiFold(options.location ?? ''),
    signatureLength: 16_384,
    appName: 'KiemPhieu',
    ...(options.signingTime ? { signingTime: options.signingTime } : {}),
  });
  const signed = await new SignPdf().sign(
    withPlaceholder,
    new OriginalCertificateP12Signer(options.p12, options.passphrase),
    options.signingTime,
  );
  return ok(signed);
}

export interface SignatureCheck {
  readonly signer: string;
  readonly signedAt: string | null;
  readonly coversWholeFile: boolean;
}

export type SignatureProblem =
  'no-signature' | 'byte-range' | 'not-whole-file' | 'digest' | 'signature' | 'malformed';

/** Checks the (last) signature of a PDF and that nothing of the file is outside what it signs. */
export function verifyPdfSignature(pdf: Buffer): Result<SignatureCheck, SignatureProblem> {
  const text = pdf.toString('latin1');
  const at = text.lastIndexOf('/ByteRange');
  if (at < 0) return err('no-signature');
  const m = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/u.exec(text.slice(at, at + 120));
  if (!m) return err('byte-range');
  const [a, b, c, d] = m.slice(1, 5).map(Number) as [number, number, number, number];
  if (a !== 0 || c < a + b || c + d > pdf.length) return err('byte-range');
  const coversWholeFile = c + d === pdf.length;
  if (!coversWholeFile) return err('not-whole-file');
  const contents = text.slice(a + b, c).replace(/[<>\s]/gu, '');
  const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  try {
    // The placeholder is padded with zeros after the DER: parse the first object only.
    const fromDer = forge.asn1.fromDer as unknown as (
      bytes: string,
      options: object,
    ) => forge.asn1.Asn1;
    const der = forge.util.hexToBytes(contents);
    const p7 = forge.pkcs7.messageFromAsn1(
      fromDer(der, { strict: false, parseAllBytes: false }),
    ) as forge.pkcs7.PkcsSignedData & {
      rawCapture: {
        authenticatedAttributes?: forge.asn1.Asn1[];
        signature: string;
        digestAlgorithm: string;
      };
    };
    const cert = p7.certificates[0];
    if (!cert) return err('malformed');
    const attributes = p7.rawCapture.authenticatedAttributes ?? [];
    let digest: string | null = null;
    let signedAt: string | null = null;
    for (const attr of attributes) {
      const [oid, set] = attr.value as forge.asn1.Asn1[];
      const type = forge.asn1.derToOid((oid?.value as string) ?? '');
      const value = (set?.value as forge.asn1.Asn1[] | undefined)?.[0];
      if (type === forge.pki.oids.messageDigest && value) digest = value.value as string;
      if (type === forge.pki.oids.signingTime && value)
        signedAt = forge.asn1.utcTimeToDate(value.value as string).toISOString();
    }
    const actual = createHash('sha256').update(signed).digest('binary');
    if (digest === null || digest !== actual) return err('digest');
    // The signature covers the DER of the authenticated attributes as a SET.
    const set = forge.asn1.create(
      forge.asn1.Class.UNIVERSAL,
      forge.asn1.Type.SET,
      true,
      attributes,
    );
    const md = forge.md.sha256.create();
    md.update(forge.asn1.toDer(set).getBytes());
    const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
    if (!publicKey.verify(md.digest().getBytes(), p7.rawCapture.signature)) return err('signature');
    return ok({
      signer: decodeName(cert.subject.getField('CN')?.value ?? ''),
      signedAt,
      coversWholeFile,
    });
  } catch {
    return err('malformed');
  }
}
