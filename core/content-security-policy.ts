/**
 * The UI's Content-Security-Policy, one string for both hosts (the browser host's header, the
 * desktop host's session). renderer/index.html repeats it as a meta tag, which cannot import.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; frame-src blob:; " +
  "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
