import { contentDisposition, parseExportPath } from './lists';
import { csvText, headerOf, headerRows } from './writers';

describe(parseExportPath.name, () => {
  it.each([
    ['/export/submissions.csv', 'SUBMISSIONS', 'csv'],
    ['/export/announced-honors.xlsx', 'ANNOUNCED_HONORS', 'xlsx'],
    ['/export/conferral-list.csv', 'CONFERRAL_LIST', 'csv'],
    ['/export/organizer-ranking.xlsx', 'ORGANIZER_RANKING', 'xlsx'],
    ['/export/organizations.xlsx', 'ORGANIZATIONS', 'xlsx'],
    ['/export/people.csv', 'PEOPLE', 'csv'],
    ['/export/experts.xlsx', 'EXPERTS', 'xlsx'],
  ])('%s names the %s list as %s', (path, list, format) => {
    expect(parseExportPath(path)).toMatchObject({ list: { list }, format, saved: null });
  });

  it('the registers take no parameters and are headed as their import sheets', () => {
    for (const path of ['/export/organizations.xlsx', '/export/people.xlsx', '/export/experts.xlsx'])
      expect(parseExportPath(path)).toMatchObject({ list: { parameters: [], importable: true } });
    expect(parseExportPath('/export/submissions.xlsx')?.list.importable).toBeFalsy();
  });

  it('a saved query is exported by its name under /export/saved/', () => {
    expect(parseExportPath('/export/saved/scores-by-track.xlsx')).toMatchObject({
      list: { list: 'SAVED_CUBE' },
      saved: 'scores-by-track',
      format: 'xlsx',
    });
  });

  it.each(['/export/everything.csv', '/export/submissions.pdf', '/export/SUBMISSIONS.csv', '/export/saved/Bad Name.csv', '/export/'])(
    '%s is no export',
    (path) => {
      expect(parseExportPath(path)).toBeNull();
    },
  );
});

describe(contentDisposition.name, () => {
  it('gives an ASCII file name and the Chinese one encoded after RFC 5987', () => {
    expect(contentDisposition('scorecards-r1.csv', '评分表-r1.csv')).toBe(
      `attachment; filename="scorecards-r1.csv"; filename*=UTF-8''%E8%AF%84%E5%88%86%E8%A1%A8-r1.csv`,
    );
  });

  it('replaces what a quoted file name cannot hold, so the header cannot be broken out of', () => {
    expect(contentDisposition('a"b;c\r\n.csv', "x'(y).csv")).toBe(`attachment; filename="a_b_c__.csv"; filename*=UTF-8''x%27%28y%29.csv`);
  });
});

describe(csvText.name, () => {
  it.each(['=SUM(A1:A9)', '+1', '-2', '@cmd', '\tx'])(
    'text a spreadsheet would run as a formula (%j) starts with an apostrophe',
    (value) => {
      expect(csvText(value)).toBe(`'${value}`);
    },
  );

  it('leaves other text as it is', () => {
    expect(csvText('上海测试研究院, "甲"')).toBe('上海测试研究院, "甲"');
  });
});

describe(headerOf.name, () => {
  it('heads a column in Chinese and English', () => {
    expect(headerOf({ key: 'referenceNumber', zh: '申报编号', en: 'Reference number', kind: 'TEXT' })).toBe('申报编号 / Reference number');
  });
});

describe(headerRows.name, () => {
  const columns = [
    { key: 'name', zh: '单位名称', en: 'Name', kind: 'TEXT' as const },
    { key: 'kind', zh: '单位类型', en: 'Kind', kind: 'TEXT' as const },
  ];

  it('lays out one row of "中文 / English" by default', () => {
    expect(headerRows(columns, 'combined')).toEqual([['单位名称 / Name', '单位类型 / Kind']]);
  });

  it('lays out a Chinese row then an English row as the import sheets have them', () => {
    expect(headerRows(columns, 'import')).toEqual([
      ['单位名称', '单位类型'],
      ['Name', 'Kind'],
    ]);
  });
});
