// pdfmake's QR encoder ships no types; the one call used is typed where it is used (qr.ts).
declare module 'pdfmake/js/qrEnc.js' {
  const qrEnc: unknown;
  export default qrEnc;
}
