import { useQuery } from '@apollo/client/react';
import { OrganizerParticipationsDocument, OrganizerSubmissionsDocument } from '@meritgraph/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session';
import { Loading, Page } from '../../ui/Page';
import { Refused } from '../../ui/Refused';
import { formatTime } from '../unit/format';
import { OrganizerNav } from './Nav';

/** The submissions of the units the union mobilized (and its own), by contest. */
export function Submissions() {
  const { t } = useTranslation('organizer');
  const org = useSession()?.org ?? '';
  const [contestId, setContestId] = useState('');
  const contests = useQuery(OrganizerParticipationsDocument, { variables: { org, after: null }, skip: !org });
  const { data, error, loading } = useQuery(OrganizerSubmissionsDocument, { variables: { contestId: contestId || null, after: null } });
  const list = data?.submissions;
  return (
    <Page title={t('submissions.title')}>
      <OrganizerNav />
      <div className="field">
        <label htmlFor="organizer-contest">{t('submissions.filter')}</label>{' '}
        <select id="organizer-contest" value={contestId} onChange={(e) => setContestId(e.target.value)}>
          <option value="">{t('submissions.all')}</option>
          {(contests.data?.contests?.nodes ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <Refused error={error} />
      {loading && !data ? <Loading /> : null}
      {list ? (
        <>
          <p data-testid="submissions-count" data-count={list.totalCount}>
            {t('submissions.count', { count: list.totalCount })}
          </p>
          <table data-testid="organizer-submissions">
            <thead>
              <tr>
                <th scope="col">{t('submissions.titleCol')}</th>
                <th scope="col">{t('submissions.unit')}</th>
                <th scope="col">{t('submissions.contest')}</th>
                <th scope="col">{t('submissions.track')}</th>
                <th scope="col">{t('submissions.status')}</th>
                <th scope="col">{t('submissions.reference')}</th>
                <th scope="col">{t('submissions.updated')}</th>
              </tr>
            </thead>
            <SubmissionRows contestId={contestId || null} after={null} />
          </table>
        </>
      ) : null}
    </Page>
  );
}

function SubmissionRows({ contestId, after }: { contestId: string | null; after: string | null }) {
  const { t, i18n } = useTranslation('organizer');
  const [more, setMore] = useState(false);
  const { data, error } = useQuery(OrganizerSubmissionsDocument, { variables: { contestId, after } });
  const page = data?.submissions;
  if (error)
    return (
      <tbody>
        <tr>
          <td colSpan={7}>
            <Refused error={error} />
          </td>
        </tr>
      </tbody>
    );
  if (!page) return null;
  return (
    <>
      <tbody>
        {page.nodes.map((s) => (
          <tr key={s.id} data-testid="organizer-submission-row" data-id={s.id} data-status={s.status}>
            <td>{s.title}</td>
            <td>{s.organization?.name ?? '—'}</td>
            <td>{s.contest?.name ?? '—'}</td>
            <td>{s.track?.code ?? '—'}</td>
            <td>
              <span className="status">{t(`status.${s.status}`)}</span>
            </td>
            <td>{s.referenceNumber ?? '—'}</td>
            <td>{formatTime(s.updatedAt, i18n.language)}</td>
          </tr>
        ))}
      </tbody>
      {page.pageInfo.hasNextPage && page.pageInfo.endCursor ? (
        more ? (
          <SubmissionRows contestId={contestId} after={page.pageInfo.endCursor} />
        ) : (
          <tbody>
            <tr>
              <td colSpan={7}>
                <button type="button" onClick={() => setMore(true)} data-testid="more-submissions">
                  {t('more')}
                </button>
              </td>
            </tr>
          </tbody>
        )
      ) : null}
    </>
  );
}
