import { useMutation, useQuery } from '@apollo/client/react';
import {
  type OrganizerEndorsementQueueQuery,
  OrganizerEndorseSubmissionsDocument,
  OrganizerEndorsementContestsDocument,
  OrganizerEndorsementQueueDocument,
  OrganizerReturnSubmissionDocument,
} from '@meritgraph/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, Page } from '../../ui/Page';
import { Refused } from '../../ui/Refused';
import { ContestPicker } from '../public/ContestPicker';
import { useChosenContest } from '../public/contests';
import { CheckHistory } from '../unit/CheckHistory';
import { formatTime } from '../unit/format';
import { refusedRows } from './batch';
import { OrganizerNav } from './Nav';
import { ReasonDialog } from './ReasonDialog';

type Row = NonNullable<OrganizerEndorsementQueueQuery['pending']>['nodes'][number];

const BAR = { display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', margin: '8px 0' } as const;

/**
 * The union's endorsement (推荐) of its units' entries in a contest that asks it: the SUBMITTED
 * ones to endorse in bulk (all or nothing) or to return one for revision with a reason, and
 * those it returned or endorsed, each with its history of checks.
 */
export function Endorsement() {
  const { t, i18n } = useTranslation('organizer');
  const language = i18n.language === 'en' ? 'en' : 'zh';
  const contests = useQuery(OrganizerEndorsementContestsDocument);
  const asking = (contests.data?.contests?.nodes ?? []).filter((c) => c.requiresEndorsement);
  const [code, choose] = useChosenContest(contests.data ? asking : undefined);
  const contest = asking.find((c) => c.code === code);
  const queue = useQuery(OrganizerEndorsementQueueDocument, {
    variables: { contestId: contest?.id ?? '' },
    skip: !contest,
    fetchPolicy: 'cache-and-network',
  });
  const [selected, setSelected] = useState<string[]>([]);
  const [sent, setSent] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [returning, setReturning] = useState<Row | null>(null);
  const [endorse, endorsing] = useMutation(OrganizerEndorseSubmissionsDocument);
  const [giveBack, givingBack] = useMutation(OrganizerReturnSubmissionDocument);
  const pending = queue.data?.pending?.nodes ?? [];
  const byRow = refusedRows(endorsing.error, sent, language);
  const toggle = (id: string, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));
  const chosen = pending.filter((s) => selected.includes(s.id));

  const onEndorse = async () => {
    if (chosen.length === 0) return;
    setNotice(null);
    setSent(chosen.map((s) => s.id));
    const result = await endorse({ variables: { inputs: chosen.map((s) => ({ id: s.id, expectedVersion: s.version })) } }).catch(
      () => null,
    );
    // Refused, the queue stays as it was sent, each refused row marked; reloading it shows what changed meanwhile.
    if (result?.data) {
      setNotice(t('endorsement.endorsed', { count: result.data.endorseSubmissions.length }));
      setSelected([]);
      await queue.refetch();
    }
  };
  const onReload = async () => {
    endorsing.reset();
    setSelected([]);
    await queue.refetch();
  };
  const onReturn = async (reason: string) => {
    if (!returning) return;
    const result = await giveBack({ variables: { id: returning.id, expectedVersion: returning.version, reason } }).catch(() => null);
    if (result?.data) {
      setNotice(t('endorsement.returnedOne', { title: returning.title }));
      setSelected((s) => s.filter((x) => x !== returning.id));
      setReturning(null);
      givingBack.reset();
      await queue.refetch();
    }
  };

  return (
    <Page
      title={t('endorsement.title')}
      actions={<ContestPicker contests={asking} value={code} onChange={choose} label={t('endorsement.contest')} />}
    >
      <OrganizerNav />
      <Refused error={contests.error} />
      {contests.loading && !contests.data ? <Loading /> : null}
      {contests.data && asking.length === 0 ? <p className="notice">{t('endorsement.noContest')}</p> : null}
      {contest ? (
        <p data-testid="endorsement-contest" data-contest={contest.id}>
          {t('endorsement.intro', { contest: contest.name })}
        </p>
      ) : null}
      {notice ? (
        <p className="notice" role="status" data-testid="endorsement-notice">
          {notice}
        </p>
      ) : null}
      <Refused error={queue.error} />
      {contest && queue.loading && !queue.data ? <Loading /> : null}
      {queue.data ? (
        <>
          <section aria-labelledby="endorsement-pending">
            <h2 id="endorsement-pending">{t('endorsement.pending', { count: queue.data.pending?.totalCount ?? 0 })}</h2>
            <div data-testid="endorse-refusal">
              <Refused error={endorsing.error} />
              {endorsing.error ? (
                <button type="button" onClick={() => void onReload()} data-testid="reload-queue">
                  {t('endorsement.reload')}
                </button>
              ) : null}
            </div>
            {pending.length === 0 ? (
              <p className="notice" data-testid="nothing-pending">
                {t('endorsement.nothingPending')}
              </p>
            ) : (
              <>
                <div style={BAR}>
                  <button
                    type="button"
                    className="primary"
                    onClick={() => void onEndorse()}
                    disabled={chosen.length === 0 || endorsing.loading}
                    data-testid="endorse-selected"
                  >
                    {t('endorsement.endorseSelected', { count: chosen.length })}
                  </button>
                  <span className="hint">{t('endorsement.allOrNothing')}</span>
                </div>
                <table data-testid="endorsement-queue">
                  <thead>
                    <tr>
                      <th scope="col">{t('endorsement.choose')}</th>
                      <th scope="col">{t('submissions.titleCol')}</th>
                      <th scope="col">{t('submissions.unit')}</th>
                      <th scope="col">{t('submissions.track')}</th>
                      <th scope="col">{t('submissions.reference')}</th>
                      <th scope="col">{t('endorsement.submittedAt')}</th>
                      <th scope="col">{t('endorsement.history')}</th>
                      <th scope="col">{t('endorsement.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {pending.map((s) => {
                      const refused = byRow.get(s.id);
                      return (
                        <tr key={s.id} data-testid="endorsement-row" data-id={s.id} data-status={s.status} data-refused={refused?.code}>
                          <td>
                            <input
                              type="checkbox"
                              id={`endorse-${s.id}`}
                              checked={selected.includes(s.id)}
                              onChange={(e) => toggle(s.id, e.target.checked)}
                            />
                            <label htmlFor={`endorse-${s.id}`} className="visually-hidden">
                              {t('endorsement.select', { title: s.title })}
                            </label>
                          </td>
                          <td>
                            {s.title}
                            {refused ? (
                              <span className="field-error" role="alert" data-testid="row-refusal" data-code={refused.code}>
                                {refused.text} ({refused.code})
                              </span>
                            ) : null}
                          </td>
                          <td>{s.organization?.name ?? '—'}</td>
                          <td>{s.track?.code ?? '—'}</td>
                          <td>{s.referenceNumber ?? '—'}</td>
                          <td>{formatTime(s.submittedAt, i18n.language)}</td>
                          <td>
                            <CheckHistory checks={s.checks} />
                          </td>
                          <td>
                            <button type="button" onClick={() => setReturning(s)} data-testid="return-submission">
                              {t('endorsement.return')}
                              <span className="visually-hidden">{t('endorsement.returnWhich', { title: s.title })}</span>
                            </button>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </>
            )}
          </section>
          <Handled
            heading={t('endorsement.returnedList', { count: queue.data.returned?.totalCount ?? 0 })}
            rows={queue.data.returned?.nodes ?? []}
            testId="returned-row"
            showReason
          />
          <Handled
            heading={t('endorsement.endorsedList', { count: queue.data.endorsed?.totalCount ?? 0 })}
            rows={queue.data.endorsed?.nodes ?? []}
            testId="endorsed-row"
          />
        </>
      ) : null}
      {returning ? (
        <ReasonDialog
          title={t('endorsement.returnTitle', { title: returning.title })}
          hint={t('endorsement.returnHint')}
          label={t('endorsement.reason')}
          submitLabel={t('endorsement.confirmReturn')}
          cancelLabel={t('endorsement.cancel')}
          error={givingBack.error}
          busy={givingBack.loading}
          onSubmit={(reason) => void onReturn(reason)}
          onCancel={() => {
            setReturning(null);
            givingBack.reset();
          }}
          testId="return-dialog"
        />
      ) : null}
    </Page>
  );
}

/** The entries the union returned (awaiting the unit's revision) or endorsed, with their history. */
function Handled({ heading, rows, testId, showReason }: { heading: string; rows: readonly Row[]; testId: string; showReason?: boolean }) {
  const { t } = useTranslation('organizer');
  const id = `${testId}-heading`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {rows.length === 0 ? (
        <p className="hint">{t('none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('submissions.titleCol')}</th>
              <th scope="col">{t('submissions.unit')}</th>
              <th scope="col">{t('submissions.reference')}</th>
              <th scope="col">{t('submissions.status')}</th>
              {showReason ? <th scope="col">{t('endorsement.reason')}</th> : null}
              <th scope="col">{t('endorsement.history')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id} data-testid={testId} data-id={s.id} data-status={s.status}>
                <td>{s.title}</td>
                <td>{s.organization?.name ?? '—'}</td>
                <td>{s.referenceNumber ?? '—'}</td>
                <td>
                  <span className="status">{t(`status.${s.status}`)}</span>
                </td>
                {showReason ? <td data-testid="return-reason">{s.returnReason ?? '—'}</td> : null}
                <td>
                  <CheckHistory checks={s.checks} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
