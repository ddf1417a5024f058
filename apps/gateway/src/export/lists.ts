/** The lists served at /export/<list>.csv and .xlsx: each name, the analytics list it reads, and its file name. */
export interface ExportedList {
  list: string;
  /** The query parameters it takes; any other is refused. */
  parameters: readonly ('contest' | 'round' | 'group')[];
  /** The file's name in Chinese, before the scope's id. */
  zh: string;
  /**
   * Headers as the import sheets lay them out (a row of Chinese headers, then a row of English
   * ones), so that the file can be imported as it is; otherwise one row of "中文 / English".
   */
  importable?: boolean;
}

export const EXPORTED_LISTS: Readonly<Record<string, ExportedList>> = {
  submissions: { list: 'SUBMISSIONS', parameters: ['contest'], zh: '申报清单' },
  leaderboard: { list: 'LEADERBOARD', parameters: ['round', 'group'], zh: '评审排名' },
  scorecards: { list: 'SCORECARDS', parameters: ['round'], zh: '评分表' },
  'announced-honors': { list: 'ANNOUNCED_HONORS', parameters: ['contest'], zh: '公示名单' },
  'conferral-list': { list: 'CONFERRAL_LIST', parameters: ['contest'], zh: '授予名单' },
  'organizer-ranking': { list: 'ORGANIZER_RANKING', parameters: ['contest'], zh: '优秀组织单位排名' },
  organizations: { list: 'ORGANIZATIONS', parameters: [], zh: '单位名录', importable: true },
  people: { list: 'PEOPLE', parameters: [], zh: '人员名录', importable: true },
  experts: { list: 'EXPERTS', parameters: [], zh: '评审专家库', importable: true },
};

/** A saved cube query's cells: /export/saved/<name>.csv. */
export const SAVED: ExportedList = { list: 'SAVED_CUBE', parameters: [], zh: '保存的查询' };

export type ExportFormat = 'csv' | 'xlsx';

/** The list and format a path names (/export/scorecards.csv, /export/saved/by-track.xlsx); null for none. */
export function parseExportPath(pathname: string): { name: string; list: ExportedList; saved: string | null; format: ExportFormat } | null {
  const match = /^\/export\/(saved\/)?([a-z0-9-]{1,60})\.(csv|xlsx)$/.exec(pathname);
  if (!match) return null;
  const [, saved, name, format] = match as unknown as [string, string | undefined, string, ExportFormat];
  if (saved) return { name: `saved-${name}`, list: SAVED, saved: name, format };
  const list = EXPORTED_LISTS[name];
  return list ? { name, list, saved: null, format } : null;
}

/** Content-Disposition for a download: an ASCII name, and the UTF-8 one (RFC 5987, RFC 6266). */
export function contentDisposition(ascii: string, utf8: string): string {
  const safe = ascii.replace(/[^A-Za-z0-9._-]/g, '_');
  const encoded = encodeURIComponent(utf8).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${safe}"; filename*=UTF-8''${encoded}`;
}
