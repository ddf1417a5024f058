/** What the notice pages share: the kinds in their order, and a file's size as people read it. */
export const NOTICE_KINDS = ['NOTICE', 'RULES', 'RESULTS', 'ANNOUNCEMENT'] as const;
export type NoticeKindName = (typeof NOTICE_KINDS)[number];

/** Bytes as KB or MB, one decimal. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
