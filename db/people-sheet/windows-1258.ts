/**
 * Windows-1258, the code page Vietnamese Excel writes its "CSV" in: Latin-1 with Ă Đ Ơ Ư ₫ in
 * place of some letters, and five combining tone marks (grave, hook, tilde, acute, dot below)
 * that follow their vowel. Decoded text is normalised to NFC, so "e" + "ˆ"-letter + tilde is ễ.
 */

// Bytes 0x80–0x9F and 0xC0–0xFF; 0xA0–0xBF are Latin-1 as they are. Undefined bytes map to the
// C1 control of the same number, as the WHATWG decoder does (cleanName drops them later).
const HIGH = [
  '€\u0081‚ƒ„…†‡ˆ‰\u008a‹Œ\u008d\u008e\u008f',
  '\u0090‘’“”•–—˜™\u009a›œ\u009d\u009eŸ',
  'ÀÁÂĂÄÅÆÇÈÉÊË\u0300ÍÎÏ',
  'ĐÑ\u0309ÓÔƠÖ×ØÙÚÛÜƯ\u0303ß',
  'àáâăäåæçèéêë\u0301íîï',
  'đñ\u0323óôơö÷øùúûüư₫ÿ',
].join('');

const TABLE: readonly string[] = Array.from({ length: 256 }, (_, b) => {
  if (b < 0x80 || (b >= 0xa0 && b < 0xc0)) return String.fromCharCode(b);
  return HIGH[b < 0xa0 ? b - 0x80 : b - 0xc0 + 0x20] as string;
});

export function decodeWindows1258(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    let text = '';
    for (const b of bytes.subarray(start, start + CHUNK)) text += TABLE[b];
    parts.push(text);
  }
  return parts.join('').normalize('NFC');
}
