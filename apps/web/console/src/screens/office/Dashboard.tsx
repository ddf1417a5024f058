import { useQuery } from '@apollo/client/react';
import { OfficeContestsDocument, OfficeDashboardDocument } from '@meritgraph/client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, Page } from '../../ui/Page';
import { Refused } from '../../ui/Refused';
import { ContestPicker } from '../public/ContestPicker';
import { useChosenContest } from '../public/contests';
import { Exports } from './Exports';
import { Funnel, PerTrack, Quotas } from './Figures';
import { Objections } from './Objections';
import { ReviewProgress } from './ReviewProgress';

/** The office's dashboard of one contest: funnel, entries per track, review progress, quotas, objections and exports. */
export function Dashboard() {
  const { t } = useTranslation('office');
  const list = useQuery(OfficeContestsDocument, { errorPolicy: 'all' });
  const contests = list.data?.contests?.nodes ?? [];
  const [code, choose] = useChosenContest(list.data ? contests : undefined);
  const { data, error, loading, refetch } = useQuery(OfficeDashboardDocument, {
    variables: { code: code ?? '' },
    skip: !code,
    errorPolicy: 'all',
  });
  const contest = data?.contest;
  const picker = (
    <>
      <ContestPicker contests={contests} value={code} onChange={choose} label={t('chooseContest')} />
      <Link to="/office/imports" data-testid="office-imports">
        {t('importsTitle')}
      </Link>
    </>
  );
  if (list.loading || (loading && !data)) return <Loading />;
  if (!contest)
    return (
      <Page title={t('title')} actions={picker}>
        <Refused error={error ?? list.error} />
        <p data-testid="no-contest">{t('noContest')}</p>
      </Page>
    );
  const open = (contest.reviewRounds ?? []).some((r) => r.status === 'OPEN');
  return (
    <Page title={t('titleOf', { contest: contest.name })} actions={picker}>
      <Refused error={error} />
      <div data-testid="office-dashboard" data-contest={contest.id} data-code={contest.code}>
        <div className="cards">
          <Funnel contest={contest} />
          <PerTrack contest={contest} />
        </div>
        <Quotas contest={contest} />
        <Objections contestId={contest.id} onResolved={() => void refetch()} />
        <Exports contest={contest} />
        <ReviewProgress contestId={contest.id} open={open} />
      </div>
    </Page>
  );
}
