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

/** A moment as Beijing reads it (UTC+8, no daylight saving): 2019-12-06 24:00 style, minutes precision. */
export function beijingDateTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
