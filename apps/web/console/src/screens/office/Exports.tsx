import type { OfficeDashboardQuery } from '@meritgraph/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session';
import { Refused } from '../../ui/Refused';

type Contest = NonNullable<OfficeDashboardQuery['contest']>;
type Format = 'csv' | 'xlsx';

interface ExportItem {
  key: string;
  list: string;
  params: Record<string, string>;
  label: string;
}

/** The body of a refused export (a JSON error with its code), as the graph's refusals read. */
async function refusalOf(response: Response): Promise<unknown> {
  try {
    const body = (await response.json()) as { errors?: unknown[] };
    if (Array.isArray(body.errors)) return body.errors;
  } catch {
    // not JSON: fall through
  }
  return [{ message: response.statusText, extensions: { code: response.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR' } }];
}

/** The contest's lists as files: fetched with the caller's token, then saved through an object URL. */
export function Exports({ contest }: { contest: Contest }) {
  const { t } = useTranslation('office');
  const session = useSession();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const rounds = contest.reviewRounds ?? [];
  const items: ExportItem[] = [
    { key: 'submissions', list: 'submissions', params: { contest: contest.id }, label: t('lists.submissions') },
    { key: 'announced-honors', list: 'announced-honors', params: { contest: contest.id }, label: t('lists.announcedHonors') },
    { key: 'conferral-list', list: 'conferral-list', params: { contest: contest.id }, label: t('lists.conferralList') },
    { key: 'organizer-ranking', list: 'organizer-ranking', params: { contest: contest.id }, label: t('lists.organizerRanking') },
    ...rounds
      .filter((r) => r.status === 'FINALIZED')
      .flatMap((r) => [
        { key: `leaderboard-${r.id}`, list: 'leaderboard', params: { round: r.id }, label: t('lists.leaderboard', { round: r.name }) },
        { key: `scorecards-${r.id}`, list: 'scorecards', params: { round: r.id }, label: t('lists.scorecards', { round: r.name }) },
      ]),
  ];

  async function download(item: ExportItem, format: Format) {
    setBusy(`${item.key}.${format}`);
    setError(null);
    try {
      const response = await fetch(`/export/${item.list}.${format}?${new URLSearchParams(item.params).toString()}`, {
        headers: session ? { authorization: `Bearer ${session.token}` } : {},
      });
      if (!response.ok) {
        setError(await refusalOf(response));
        return;
      }
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${item.key}-${contest.code}.${format}`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e instanceof Error ? [{ message: e.message, extensions: { code: 'GATEWAY_UNREACHABLE' } }] : e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="exports">
      <h2 id="exports">{t('exportsTitle')}</h2>
      <Refused error={error} />
      <table data-testid="exports">
        <thead>
          <tr>
            <th scope="col">{t('list')}</th>
            <th scope="col">{t('download')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.key} data-export={item.key}>
              <th scope="row">{item.label}</th>
              <td className="actions">
                {(['csv', 'xlsx'] as const).map((format) => (
                  <button
                    key={format}
                    type="button"
                    data-format={format}
                    disabled={busy !== null}
                    aria-busy={busy === `${item.key}.${format}` || undefined}
                    onClick={() => void download(item, format)}
                  >
                    {t(`format.${format}`)}
                  </button>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
