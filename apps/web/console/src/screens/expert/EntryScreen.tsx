import { useQuery } from '@apollo/client/react';
import { ExpertEntryDocument } from '@meritgraph/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../session';
import { Loading, Page } from '../../ui/Page';
import { Refused } from '../../ui/Refused';
import { EntryAttachments } from '../files/EntryAttachments';
import { ScorecardForm } from './ScorecardForm';
import { StepBack } from './StepBack';

/** One assigned entry as the expert may see it (in a blind round without unit and people), its scorecard, and stepping back. */
export function EntryScreen() {
  const { t, i18n } = useTranslation('expert');
  const { entryId = '' } = useParams();
  const expertId = useSession()?.expert ?? '';
  const { data, error, loading, refetch } = useQuery(ExpertEntryDocument, {
    variables: { entryId, expertId },
    skip: !expertId,
    fetchPolicy: 'cache-and-network',
  });
  const [steppedBack, setSteppedBack] = useState<{ status: string; note: string | null } | null>(null);
  const entry = data?.entry;
  const round = entry?.round;
  const assignment = entry?.assignments?.nodes[0];
  const dash = t('entry.none');
  const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN') : dash);

  const back = (
    <Link to="/expert" data-testid="back">
      {t('back')}
    </Link>
  );
  if (steppedBack)
    return (
      <Page title={t('stepBack.heading')} actions={back}>
        <p className="notice" role="status" data-testid="stepped-back" data-status={steppedBack.status}>
          {t('stepBack.done', { status: t(`assignmentStatus.${steppedBack.status}`) })}
          {steppedBack.note ? ` ${t('stepBack.note', { note: steppedBack.note })}` : ''}
        </p>
      </Page>
    );

  return (
    <Page title={entry ? entry.title : t('entry.heading')} actions={back}>
      <Refused error={error} />
      {loading && !data ? <Loading /> : null}
      {entry ? (
        <>
          <h2>{t('entry.heading')}</h2>
          {round?.blind ? (
            <p className="notice" data-testid="blind-notice">
              {t('entry.blind')}
            </p>
          ) : null}
          <dl data-testid="entry-details">
            <dt>{t('entry.reference')}</dt>
            <dd data-testid="reference">{entry.referenceNumber}</dd>
            <dt>{t('entry.track')}</dt>
            <dd>{entry.track ? `${entry.track.name} (${entry.trackCode})` : entry.trackCode}</dd>
            <dt>{t('entry.round')}</dt>
            <dd>
              {round
                ? t('entry.roundOf', { round: round.name, stage: t(`stage.${round.stage}`), status: t(`roundStatus.${round.status}`) })
                : dash}
            </dd>
            <dt>{t('entry.panel')}</dt>
            <dd>{assignment?.panel?.name ?? dash}</dd>
            <dt>{t('entry.reviewDate')}</dt>
            <dd>{round?.reviewDate ?? dash}</dd>
            <dt>{t('entry.submittedAt')}</dt>
            <dd>{when(entry.submittedAt)}</dd>
            {round?.blind ? null : (
              <>
                <dt>{t('entry.unit')}</dt>
                <dd data-testid="unit">{entry.organization?.name ?? dash}</dd>
                <dt>{t('entry.leader')}</dt>
                <dd>{entry.leader?.name ?? dash}</dd>
                <dt>{t('entry.people')}</dt>
                <dd>{entry.people.length ? entry.people.map((p) => p.name).join('、') : dash}</dd>
              </>
            )}
          </dl>
          <h2>{t('entry.summary')}</h2>
          <p data-testid="summary" style={{ whiteSpace: 'pre-wrap' }}>
            {entry.summary ?? dash}
          </p>
          <EntryAttachments entryId={entry.id} />
          {assignment?.status !== 'ASSIGNED' ? (
            <p className="notice">{t('stepBack.closed')}</p>
          ) : round ? (
            <>
              {round.status !== 'OPEN' ? <p className="notice">{t('card.notOpen')}</p> : null}
              <ScorecardForm
                key={entry.id}
                entryId={entry.id}
                criteria={round.criteria}
                screening={round.stage === 'SCREENING'}
                saved={assignment.scorecard ?? null}
                disabled={round.status !== 'OPEN'}
                onSaved={() => void refetch()}
              />
              {round.status === 'OPEN' ? (
                <StepBack assignmentId={assignment.id} onDone={(status, note) => setSteppedBack({ status, note })} />
              ) : null}
            </>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
