import { useQuery } from '@apollo/client/react';
import { PublicContestDocument, type PublicContestQuery, PublicContestsDocument } from '@meritgraph/client';
import { useTranslation } from 'react-i18next';
import { Loading, Page } from '../../ui/Page';
import { Refused } from '../../ui/Refused';
import { ContestPicker } from './ContestPicker';
import { useChosenContest } from './contests';
import { LatestNotices } from './Notices';

type Contest = NonNullable<PublicContestQuery['contest']>;

/** The public contest page: what it is about, who runs it, its tracks, its timeline and its published results. */
export function ContestPage() {
  const { t } = useTranslation('public');
  const list = useQuery(PublicContestsDocument, { errorPolicy: 'all' });
  const contests = list.data?.contests?.nodes ?? [];
  const [code, choose] = useChosenContest(list.data ? contests : undefined);
  const { data, error, loading } = useQuery(PublicContestDocument, {
    variables: { code: code ?? '' },
    skip: !code,
    errorPolicy: 'all',
  });
  const contest = data?.contest;
  const picker = <ContestPicker contests={contests} value={code} onChange={choose} />;
  if (list.loading || loading) return <Loading />;
  if (!contest)
    return (
      <Page title={t('contestTitle')} actions={picker}>
        <Refused error={error ?? list.error} />
        <p className="notice" data-testid="no-contest">
          {t('noContest')}
        </p>
      </Page>
    );
  return (
    <Page title={contest.name} actions={picker}>
      <Refused error={error} />
      <div data-testid="contest" data-code={contest.code}>
        <About contest={contest} />
        <LatestNotices contestId={contest.id} />
        <Tracks contest={contest} />
        <Timeline contest={contest} />
        <Results contest={contest} />
      </div>
    </Page>
  );
}

function About({ contest }: { contest: Contest }) {
  const { t } = useTranslation('public');
  return (
    <section aria-labelledby="about">
      <h2 id="about">{t('about')}</h2>
      {contest.theme && (
        <p data-testid="theme">
          <strong>{t('theme')}</strong>
          {contest.theme}
        </p>
      )}
      <dl className="facts">
        <dt>{t('organizer')}</dt>
        <dd data-testid="organizer">{contest.organizer?.name ?? '—'}</dd>
        <dt>{t('coOrganizers')}</dt>
        <dd data-testid="co-organizers">{contest.coOrganizers.length ? contest.coOrganizers.map((o) => o.name).join('、') : '—'}</dd>
        <dt>{t('period')}</dt>
        <dd>{contest.startsOn ? `${contest.startsOn} – ${contest.endsOn ?? ''}` : '—'}</dd>
        <dt>{t('status')}</dt>
        <dd>{t(`contestStatus.${contest.status}`)}</dd>
        <dt>{t('participants')}</dt>
        <dd>{contest.participantCount}</dd>
      </dl>
    </section>
  );
}

function Tracks({ contest }: { contest: Contest }) {
  const { t } = useTranslation('public');
  return (
    <section aria-labelledby="tracks">
      <h2 id="tracks">{t('tracks')}</h2>
      {contest.tracks.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul data-testid="tracks">
          {contest.tracks.map((track) => (
            <li key={track.id} data-track={track.code}>
              {track.name} <span className="status">{track.code}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Timeline({ contest }: { contest: Contest }) {
  const { t } = useTranslation('public');
  return (
    <section aria-labelledby="timeline">
      <h2 id="timeline">{t('timeline')}</h2>
      {contest.milestones.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <table data-testid="milestones">
          <thead>
            <tr>
              <th scope="col">{t('date')}</th>
              <th scope="col">{t('kind')}</th>
              <th scope="col">{t('milestoneTitle')}</th>
              <th scope="col">{t('host')}</th>
            </tr>
          </thead>
          <tbody>
            {contest.milestones.map((m) => (
              <tr key={m.id} data-kind={m.kind} data-date={m.date}>
                <td>
                  <time dateTime={m.date}>{m.date}</time>
                </td>
                <td>{t(`milestoneKind.${m.kind}`)}</td>
                <td>{m.title}</td>
                <td>{m.host?.name ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Results({ contest }: { contest: Contest }) {
  const { t } = useTranslation('public');
  const rounds = contest.reviewRounds ?? [];
  const steps = contest.reviewFunnel ?? [];
  return (
    <section aria-labelledby="results">
      <h2 id="results">{t('results')}</h2>
      {rounds.length === 0 && <p>{t('noRounds')}</p>}
      {rounds.map((round) => {
        const mine = steps.filter((s) => s.round.id === round.id);
        return (
          <section key={round.id} aria-labelledby={`round-${round.id}`} data-testid="round-results" data-round={round.id}>
            <h3 id={`round-${round.id}`}>
              {round.name} {round.reviewDate && <span className="status">{round.reviewDate}</span>}
            </h3>
            {!round.publishedAt || mine.length === 0 ? (
              <p>{t('notPublished')}</p>
            ) : (
              <table>
                <caption className="visually-hidden">{t('resultsOf', { round: round.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('group')}</th>
                    <th scope="col" className="number">
                      {t('entries')}
                    </th>
                    <th scope="col" className="number">
                      {t('advanced')}
                    </th>
                    <th scope="col" className="number">
                      {t('eliminated')}
                    </th>
                    <th scope="col" className="number">
                      {t('excellent')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {mine.map((s) => (
                    <tr key={s.groupCode ?? '-'} data-group={s.groupCode ?? ''}>
                      <th scope="row">{s.groupCode ?? t('allEntries')}</th>
                      <td className="number">{s.entries}</td>
                      <td className="number">{s.advanced}</td>
                      <td className="number">{s.eliminated}</td>
                      <td className="number">{s.excellent}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </section>
  );
}
