import { normalizeTitle } from './text';

describe('normalizeTitle', () => {
  it('makes titles that differ only in spacing, width or case compare equal', () => {
    expect(normalizeTitle('  Tunnel   Endoscopy\tfor GI ')).toBe(normalizeTitle('tunnel endoscopy for gi'));
    expect(normalizeTitle('ＡＩ 平台')).toBe(normalizeTitle('ai 平台'));
  });

  it('keeps different titles different', () => {
    expect(normalizeTitle('北斗卫星')).not.toBe(normalizeTitle('北斗导航卫星'));
  });
});
