import shipped from 'chinese-days/dist/chinese-days.json';
import type { StatutoryCalendar } from '@meritgraph/domain';

/** What chinese-days ships: each date of the State Council's holidays and make-up workdays, with its name. */
interface ChineseDays {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

let loaded: StatutoryCalendar | null = null;

/**
 * The State Council's holidays and make-up workdays (国务院办公厅 notices) from the chinese-days
 * package, taken from the data it ships: no network. The years it covers are those it has a date
 * of; the office's own calendar days win over it.
 */
export function statutoryCalendar(): StatutoryCalendar {
  if (loaded) return loaded;
  const data = shipped as ChineseDays;
  const holidays = new Set(Object.keys(data.holidays));
  const workdays = new Set(Object.keys(data.workdays));
  const years = new Set([...holidays, ...workdays].map((d) => Number(d.slice(0, 4))));
  loaded = { holidays, workdays, years };
  return loaded;
}
