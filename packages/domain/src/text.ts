/** Titles compare equal when they differ only in whitespace, width or case. */
export function normalizeTitle(title: string): string {
  return title.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('en');
}

/**
 * C0 and C1 control characters, DEL, and the bidirectional embeddings, overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069), which make a name display as something other
 * than what is stored (a null byte cuts it short in C tools; an override reverses it).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
/** The same, with tab and line breaks (LF, or CR LF) allowed: for text of several lines. */
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_IN_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/u;

/**
 * Why a text may not be stored, or null. Names, titles, codes and other single-line text
 * take no control character at all; text of several lines (`multiline`) takes tabs and
 * line breaks. This is the one rule every text input is checked by (see Checker.text).
 */
export function textCharacterProblem(value: string, opts: { multiline?: boolean } = {}): string | null {
  const found = (opts.multiline ? CONTROL_IN_LINES : CONTROL).exec(value);
  if (!found) return null;
  const code = found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `must not contain control or bidirectional-override characters (U+${code} found)`;
}
