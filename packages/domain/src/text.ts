/** Titles compare equal when they differ only in whitespace, width or case. */
export function normalizeTitle(title: string): string {
  return title.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('en');
}
