/** The contest a public page shows: the one named in ?contest=, else the latest (by year, then by creation). */
import { useSearchParams } from 'react-router';

export interface ContestChoice {
  code: string;
  name: string;
  year: number;
  createdAt: string;
}

export function latest<T extends ContestChoice>(contests: readonly T[]): T | undefined {
  return [...contests].sort((a, b) => b.year - a.year || b.createdAt.localeCompare(a.createdAt))[0];
}

/** The chosen contest's code (from the address, else the latest), and a setter that keeps it in the address. */
export function useChosenContest(contests: readonly ContestChoice[] | undefined): [string | undefined, (code: string) => void] {
  const [params, setParams] = useSearchParams();
  const asked = params.get('contest');
  const code = asked ?? (contests ? latest(contests)?.code : undefined);
  return [
    code,
    (next: string) =>
      setParams((p) => {
        p.set('contest', next);
        return p;
      }),
  ];
}

/** A moment as Beijing reads it (UTC+8, no daylight saving), to the minute; midnight is the day before's 24:00, as a window's end is written. */
export function beijingDateTime(iso: string): string {
  const t = new Date(iso).getTime() + 8 * 3600_000;
  const d = new Date(t);
  const midnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0;
  const day = midnight ? new Date(t - 1) : d;
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  return midnight ? `${date} 24:00` : `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
