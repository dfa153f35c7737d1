// fontkit ships no types; the one call used here is typed where it is used (glyphs.ts).
declare module 'fontkit' {
  export function create(buffer: Uint8Array): unknown;
}
