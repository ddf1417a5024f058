import { useQuery } from '@apollo/client/react';
import { ExpertAssignmentsDocument, type ExpertAssignmentsQuery } from '@meritgraph/client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../session';
import { Loading, Page } from '../../ui/Page';
import { Refused } from '../../ui/Refused';

type Row = NonNullable<NonNullable<ExpertAssignmentsQuery['expert']>['assignments']>['nodes'][number];

/** The rounds the rows belong to, in the order the graph gives them (round by round). */
function roundsOf(rows: Row[]) {
  const seen = new Map<string, { id: string; name: string; assigned: number }>();
  for (const a of rows) {
    const r = a.entry?.round;
    if (!r) continue;
    const entry = seen.get(r.id) ?? { id: r.id, name: r.name, assigned: 0 };
    if (a.status === 'ASSIGNED') entry.assigned += 1;
    seen.set(r.id, entry);
  }
  return [...seen.values()];
}

/** The expert's assignments across every open round, with how many are scored. */
export function Assignments() {
  const { t } = useTranslation('expert');
  const expertId = useSession()?.expert ?? '';
  const { data, error, loading, fetchMore } = useQuery(ExpertAssignmentsDocument, {
    variables: { expertId },
    skip: !expertId,
    fetchPolicy: 'cache-and-network',
  });
  const list = data?.expert?.assignments;
  const rows = list?.nodes ?? [];
  const active = rows.filter((a) => a.status === 'ASSIGNED');
  const scored = active.filter((a) => a.scorecard).length;
  const batchRounds = roundsOf(rows).filter((r) => r.assigned > 1);
  return (
    <Page title={t('title')}>
      <Refused error={error} />
      {loading && !data ? <Loading /> : null}
      {list ? (
        <p className="notice" data-testid="assignment-summary" data-scored={scored} data-total={active.length}>
          <strong>{t('summaryLabel')}</strong>
          {t('summary', { scored, total: active.length })}
        </p>
      ) : null}
      {list && rows.length === 0 ? <p className="notice">{t('noAssignments')}</p> : null}
      {rows.length > 0 ? (
        <table data-testid="my-assignments">
          <caption className="visually-hidden">{t('title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col.contest')}</th>
              <th scope="col">{t('col.round')}</th>
              <th scope="col">{t('col.panel')}</th>
              <th scope="col">{t('col.reference')}</th>
              <th scope="col">{t('col.title')}</th>
              <th scope="col">{t('col.track')}</th>
              <th scope="col">{t('col.status')}</th>
              <th scope="col">{t('col.scored')}</th>
              <th scope="col" className="number">
                {t('col.total')}
              </th>
              <th scope="col">{t('col.reviewDate')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => {
              const round = a.entry?.round;
              return (
                <tr
                  key={a.id}
                  data-testid="assignment-row"
                  data-id={a.id}
                  data-entry={a.entry?.id}
                  data-status={a.status}
                  data-scored={a.scorecard ? 'true' : 'false'}
                >
                  <td>{round?.contest?.name ?? '—'}</td>
                  <td>{round ? t('roundWithStage', { round: round.name, stage: t(`stage.${round.stage}`) }) : '—'}</td>
                  <td>{a.panel?.name ?? t('noPanel')}</td>
                  <td>{a.entry?.referenceNumber ?? '—'}</td>
                  <td>
                    {a.entry ? (
                      <Link to={`entries/${a.entry.id}`} data-testid="open-entry">
                        {a.entry.title}
                      </Link>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{a.entry ? (a.entry.track?.name ?? a.entry.trackCode) : '—'}</td>
                  <td>
                    <span className="status">{t(`assignmentStatus.${a.status}`)}</span>
                  </td>
                  <td data-measure="scored">{a.scorecard ? t('scoredYes') : t('scoredNo')}</td>
                  <td className="number">{a.scorecard ? a.scorecard.total : '—'}</td>
                  <td>{round?.reviewDate ?? t('noDate')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {list?.pageInfo.hasNextPage ? (
        <button
          type="button"
          onClick={() =>
            void fetchMore({
              variables: { after: list.pageInfo.endCursor },
              updateQuery: (prev, { fetchMoreResult }) => {
                const before = prev.expert?.assignments;
                const next = fetchMoreResult.expert?.assignments;
                if (!prev.expert || !before || !next) return fetchMoreResult as ExpertAssignmentsQuery;
                return { ...prev, expert: { ...prev.expert, assignments: { ...next, nodes: [...before.nodes, ...next.nodes] } } };
              },
            })
          }
        >
          {t('more')}
        </button>
      ) : null}
      {batchRounds.length > 0 ? (
        <>
          <h2>{t('openRounds')}</h2>
          <ul data-testid="batch-links">
            {batchRounds.map((r) => (
              <li key={r.id}>
                <Link to={`rounds/${r.id}/batch`}>{t('batchLink', { round: r.name })}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Page>
  );
}
