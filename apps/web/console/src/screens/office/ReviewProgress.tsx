import { useQuery } from '@apollo/client/react';
import { OfficeReviewProgressDocument } from '@meritgraph/client';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../ui/Page';
import { Refused } from '../../ui/Refused';

const MEASURES = ['assigned', 'scored', 'declined', 'conflicts'] as const;
/** How often the figures are asked again while a round is open (the read model follows the feeds within a second or two). */
export const PROGRESS_POLL_MS = 3000;

/**
 * Each expert's assignments in each round and panel: assigned, scored, declined, conflicts
 * declared. From the analytics read model (fact ASSIGNMENT by round, panel and expert), asked
 * again every three seconds while any round of the contest is open (the first 200 rows).
 */
export function ReviewProgress({ contestId, open }: { contestId: string; open: boolean }) {
  const { t } = useTranslation('office');
  const [behind, setBehind] = useState(0);
  const { data, error, loading } = useQuery(OfficeReviewProgressDocument, {
    variables: { contestId },
    errorPolicy: 'all',
    // Asked again while a round is open, and while the read model has changes still to apply.
    pollInterval: open || behind > 0 ? PROGRESS_POLL_MS : 0,
    notifyOnNetworkStatusChange: false,
  });
  const lag = (data?.analyticsStatus ?? []).reduce((n, f) => n + f.lag, 0);
  useEffect(() => setBehind(lag), [lag]);
  const cells = [...(data?.analytics.cube?.cells ?? [])].sort(
    (a, b) =>
      (a.group.round?.roundOrder ?? 0) - (b.group.round?.roundOrder ?? 0) ||
      (a.group.panel?.name ?? '').localeCompare(b.group.panel?.name ?? '') ||
      (a.group.expert?.person?.name ?? '').localeCompare(b.group.expert?.person?.name ?? ''),
  );
  return (
    <section aria-labelledby="progress">
      <h2 id="progress">{t('progressTitle')}</h2>
      <p className="hint">{open ? t('progressLive') : t('progressStill')}</p>
      {behind > 0 && (
        <p className="notice" data-testid="progress-behind">
          {t('progressBehind', { count: behind })}
        </p>
      )}
      <Refused error={error} />
      {(data?.analytics.cube?.groups ?? 0) > cells.length && (
        <p className="notice">{t('progressTruncated', { shown: cells.length, total: data?.analytics.cube?.groups })}</p>
      )}
      {loading && !data ? (
        <Loading />
      ) : cells.length === 0 ? (
        <p data-testid="no-progress">{t('noProgress')}</p>
      ) : (
        <div className="scroll">
          <table data-testid="review-progress">
            <thead>
              <tr>
                <th scope="col">{t('round')}</th>
                <th scope="col">{t('panel')}</th>
                <th scope="col">{t('expert')}</th>
                {MEASURES.map((m) => (
                  <th key={m} scope="col" className="number">
                    {t(`measure.${m}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cells.map((c) => (
                <tr
                  key={`${c.group.round?.id}-${c.group.panel?.id ?? ''}-${c.group.expert?.id}`}
                  data-round={c.group.round?.id}
                  data-panel={c.group.panel?.id ?? ''}
                  data-expert={c.group.expert?.id}
                >
                  <td>{c.group.round?.name}</td>
                  <td>{c.group.panel?.name ?? t('noPanel')}</td>
                  <th scope="row">{c.group.expert?.person?.name ?? c.group.expert?.id}</th>
                  {MEASURES.map((m, i) => (
                    <td key={m} className="number" data-measure={m}>
                      {c.values[i] ?? '—'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
