import { normalizeTitle, textCharacterProblem } from './text';

describe('normalizeTitle', () => {
  it('makes titles that differ only in spacing, width or case compare equal', () => {
    expect(normalizeTitle('  Tunnel   Endoscopy\tfor GI ')).toBe(normalizeTitle('tunnel endoscopy for gi'));
    expect(normalizeTitle('ＡＩ 平台')).toBe(normalizeTitle('ai 平台'));
  });

  it('keeps different titles different', () => {
    expect(normalizeTitle('北斗卫星')).not.toBe(normalizeTitle('北斗导航卫星'));
  });
});

describe('textCharacterProblem', () => {
  it('accepts ordinary names and titles, Chinese and Latin, with punctuation and spaces', () => {
    for (const ok of ['复旦大学附属中山医院', '“聚力新科技，奋进新时代”', 'Zhang San-Feng', '沪工总〔2020〕1号', 'A\u00a0B', 'עברית'])
      expect(textCharacterProblem(ok)).toBeNull();
  });

  it('refuses a null byte, other C0 and C1 controls and DEL in a name, naming the character', () => {
    expect(textCharacterProblem('中山\u0000医院')).toMatch(/U\+0000/);
    expect(textCharacterProblem('a\u001bb')).toMatch(/U\+001B/);
    expect(textCharacterProblem('a\u007fb')).toMatch(/U\+007F/);
    expect(textCharacterProblem('a\u0085b')).toMatch(/U\+0085/);
    expect(textCharacterProblem('a\u009fb')).toMatch(/U\+009F/);
  });

  it('refuses tabs and line breaks in a single-line text', () => {
    expect(textCharacterProblem('a\tb')).toMatch(/U\+0009/);
    expect(textCharacterProblem('a\nb')).toMatch(/U\+000A/);
    expect(textCharacterProblem('a\r\nb')).toMatch(/U\+000D/);
  });

  it('refuses every bidirectional embedding, override and isolate', () => {
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'])
      expect(textCharacterProblem(`名称${c}abc`)).toMatch(/bidirectional/);
    // The neighbours of the ranges are ordinary characters.
    expect(textCharacterProblem('a\u2029b\u202fc\u2065d\u206ae')).toBeNull();
  });

  it('lets text of several lines keep tabs and line breaks, and nothing else', () => {
    expect(textCharacterProblem('第一段\n\t第二段\r\n第三段', { multiline: true })).toBeNull();
    expect(textCharacterProblem('a\rb', { multiline: true })).toMatch(/U\+000D/);
    expect(textCharacterProblem('a\u0000b', { multiline: true })).toMatch(/U\+0000/);
    expect(textCharacterProblem('a\u000bb', { multiline: true })).toMatch(/U\+000B/);
    expect(textCharacterProblem('a\u202eb', { multiline: true })).toMatch(/U\+202E/);
  });
});
