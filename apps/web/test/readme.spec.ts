/**
 * The README's pictures of the console are the browser journeys' screenshots: each one it
 * shows is in docs/screenshots and is taken by a journey under the same name, so
 * `npm run screenshots` brings every one of them up to date.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const JOURNEYS = join(__dirname, 'journeys');

describe('the README’s screenshots of the console', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const shown = [...readme.matchAll(/\(docs\/screenshots\/([\w-]+)\.png\)/g)].map((m) => m[1]!);
  const taken = readdirSync(JOURNEYS).flatMap((file) =>
    [...readFileSync(join(JOURNEYS, file), 'utf8').matchAll(/screenshot\(\w+, '([\w-]+)'\)/g)].map((m) => m[1]!),
  );

  it('shows the dashboard, the scorecard form and the 公示 page, among others', () => {
    expect(shown).toEqual(expect.arrayContaining(['office-dashboard', 'expert-scorecard', 'public-announcements']));
  });

  it('shows only pictures that a journey takes and that are in docs/screenshots', () => {
    expect(shown.filter((name) => !taken.includes(name))).toEqual([]);
    expect(shown.filter((name) => !existsSync(join(ROOT, 'docs', 'screenshots', `${name}.png`)))).toEqual([]);
  });

  it('shows every screenshot the journeys take', () => {
    expect(taken.filter((name) => !shown.includes(name))).toEqual([]);
  });
});
