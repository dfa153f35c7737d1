/**
 * A PKCS#7 detached signer for @signpdf that keeps the certificate exactly as issued. node-forge
 * re-encodes a parsed certificate's names, which corrupts UTF8String names (every Vietnamese
 * name): the embedded certificate and the signer's issuer no longer match the real certificate,
 * and readers cannot find the signer. So the certificates and the issuer are put back byte for
 * byte from the PKCS#12 after forge has built and signed the structure.
 */
import forge from 'node-forge';
import { Signer } from '@signpdf/utils';

interface Bundle {
  readonly key: forge.pki.rsa.PrivateKey;
  readonly cert: forge.pki.Certificate;
  /** The signer's certificate as issued. */
  readonly certAsn1: forge.asn1.Asn1;
  /** Every certificate of the bundle as issued (the chain). */
  readonly chain: readonly forge.asn1.Asn1[];
}

const ORIGINAL = Symbol('certificate as issued');
type Kept = forge.pki.Certificate & { [ORIGINAL]?: forge.asn1.Asn1 };

/** Why a PKCS#12 could not be opened: the password, or the file itself. */
export class P12Error extends Error {
  constructor(
    readonly kind: 'password' | 'unreadable' | 'no-key' | 'no-certificate',
    message: string,
  ) {
    super(message);
  }
}

type Pbe = {
  getCipherForPBES2: (oid: string, params: unknown, password: string) => unknown;
};

/**
 * PKCS#12 uses two password encodings. The PKCS#12 key derivation (the MAC, and the legacy
 * 3DES/RC2 bags) takes the password as a BMPString, UTF-16 big-endian, which forge builds from the
 * JS string's code units. PBES2 (PBKDF2 with AES, OpenSSL 3's default) takes its UTF-8 bytes
 * (RFC 8018), but forge hands PBKDF2 the JS string as if it were bytes, so every letter beyond
 * Latin-1 ("ậ", "ẩ") is lost and the file cannot be opened. PBES2 gets the UTF-8 bytes here.
 */
function withUtf8Pbes2<T>(run: () => T): T {
  const pbe = (forge.pki as unknown as { pbe: Pbe }).pbe;
  const original = pbe.getCipherForPBES2;
  pbe.getCipherForPBES2 = (oid, params, password) =>
    original(oid, params, forge.util.encodeUtf8(password));
  try {
    return run();
  } finally {
    pbe.getCipherForPBES2 = original;
  }
}

function parsePfx(p12: Buffer, passphrase: string): forge.pkcs12.Pkcs12Pfx {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
  } catch (e) {
    throw new P12Error('unreadable', `not a PKCS#12 file: ${(e as Error).message}`);
  }
  try {
    return withUtf8Pbes2(() => forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase));
  } catch (e) {
    const message = (e as Error).message;
    // The MAC is checked first; without one, a wrong password fails the decryption.
    if (/MAC could not be verified|Failed to decrypt|Invalid password/iu.test(message))
      throw new P12Error('password', message);
    throw new P12Error('unreadable', message);
  }
}

/**
 * Opens with the password as typed; when that fails on the password, with its other Unicode
 * form (a password typed in NFD on one system and NFC on another reads the same).
 */
function parseAnyForm(p12: Buffer, passphrase: string): forge.pkcs12.Pkcs12Pfx {
  const forms = [
    ...new Set([passphrase, passphrase.normalize('NFC'), passphrase.normalize('NFD')]),
  ];
  let last: unknown;
  for (const form of forms) {
    try {
      return parsePfx(p12, form);
    } catch (e) {
      if (!(e instanceof P12Error) || e.kind !== 'password') throw e;
      last = e;
    }
  }
  throw last;
}

/** Parses the PKCS#12, keeping each certificate's ASN.1 as issued (forge drops it). */
function parseKeepingCertificates(p12: Buffer, passphrase: string): forge.pkcs12.Pkcs12Pfx {
  const pki = forge.pki as unknown as {
    certificateFromAsn1: (obj: forge.asn1.Asn1, hash?: boolean) => Kept;
  };
  const parse = pki.certificateFromAsn1;
  pki.certificateFromAsn1 = (obj, hash) => {
    const cert = parse(obj, hash);
    cert[ORIGINAL] = obj;
    return cert;
  };
  try {
    return parseAnyForm(p12, passphrase);
  } finally {
    pki.certificateFromAsn1 = parse;
  }
}

export function openP12(p12: Buffer, passphrase: string): Bundle {
  const bundle = parseKeepingCertificates(p12, passphrase);
  const keyOid = forge.pki.oids.pkcs8ShroudedKeyBag as string;
  const certOid = forge.pki.oids.certBag as string;
  const keyBag =
    bundle.getBags({ bagType: keyOid })[keyOid]?.[0] ??
    bundle.getBags({ bagType: forge.pki.oids.keyBag as string })[
      forge.pki.oids.keyBag as string
    ]?.[0];
  const key = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new P12Error('no-key', 'the PKCS#12 holds no private key');
  const certBags = bundle.getBags({ bagType: certOid })[certOid] ?? [];
  const original = (b: (typeof certBags)[number]) =>
    (b.cert as Kept | undefined)?.[ORIGINAL] ?? b.asn1;
  const chain = certBags.map(original).filter((a): a is forge.asn1.Asn1 => a !== undefined);
  const own = certBags.find((b) => {
    const pub = b.cert?.publicKey as forge.pki.rsa.PublicKey | undefined;
    return pub !== undefined && pub.n.compareTo(key.n) === 0 && pub.e.compareTo(key.e) === 0;
  });
  const ownAsn1 = own ? original(own) : undefined;
  if (!own?.cert || !ownAsn1)
    throw new P12Error('no-certificate', 'no certificate of the PKCS#12 matches its private key');
  return { key, cert: own.cert, certAsn1: ownAsn1, chain };
}

/** The issuer Name of a certificate, as encoded in it. */
function issuerOf(certAsn1: forge.asn1.Asn1): forge.asn1.Asn1 {
  const tbs = (certAsn1.value as forge.asn1.Asn1[])[0]!;
  const fields = tbs.value as forge.asn1.Asn1[];
  // tbsCertificate: [0] version (optional), serialNumber, signature, issuer, …
  const hasVersion = fields[0]?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC;
  return fields[hasVersion ? 3 : 2]!;
}

export class OriginalCertificateP12Signer extends Signer {
  constructor(
    private readonly p12: Buffer,
    private readonly passphrase: string,
  ) {
    super();
  }

  override async sign(pdfBuffer: Buffer, signingTime: Date = new Date()): Promise<Buffer> {
    const { key, cert, certAsn1, chain } = openP12(this.p12, this.passphrase);
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    p7.addCertificate(cert);
    p7.addSigner({
      key,
      certificate: cert,
      digestAlgorithm: forge.pki.oids.sha256 as string,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType as string, value: forge.pki.oids.data as string },
        { type: forge.pki.oids.signingTime as string, value: signingTime as unknown as string },
        { type: forge.pki.oids.messageDigest as string },
      ],
    });
    p7.sign({ detached: true });
    const contentInfo = p7.toAsn1();
    // ContentInfo → [0] → SignedData: version, digestAlgorithms, contentInfo, [0] certificates, signerInfos
    const signedData = (
      (contentInfo.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[]
    )[0]!;
    const parts = signedData.value as forge.asn1.Asn1[];
    const certificates = parts.find(
      (p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0,
    );
    if (certificates) certificates.value = [...chain];
    const signerInfos = parts[parts.length - 1]!.value as forge.asn1.Asn1[];
    for (const info of signerInfos) {
      const issuerAndSerial = (info.value as forge.asn1.Asn1[])[1]!;
      (issuerAndSerial.value as forge.asn1.Asn1[])[0] = issuerOf(certAsn1);
    }
    return Buffer.from(forge.asn1.toDer(contentInfo).getBytes(), 'binary');
  }
}
