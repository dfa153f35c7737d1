/** A PKCS#12 certificate made for tests, with a Vietnamese name (node's key generation, forge's PKCS#12). */
import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

export function makeP12({ name, passphrase }: { name: string; passphrase: string }): Buffer {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  );
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  );
  cert.serialNumber = '0a1b2c';
  cert.validity.notBefore = new Date(Date.UTC(2025, 0, 1));
  cert.validity.notAfter = new Date(Date.UTC(2035, 0, 1));
  // forge encodes UTF8String values itself: pass the name as it is.
  const attrs = [
    { name: 'commonName', value: name, valueTagClass: forge.asn1.Type.UTF8 },
    {
      name: 'organizationName',
      value: 'Ban kiểm phiếu Đại hội',
      valueTagClass: forge.asn1.Type.UTF8,
    },
  ];
  cert.setSubject(attrs as unknown as forge.pki.CertificateField[]);
  cert.setIssuer(attrs as unknown as forge.pki.CertificateField[]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}
