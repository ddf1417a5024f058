import { useMutation, useQuery } from '@apollo/client/react';
import {
  type OfficeFormCheckQueueQuery,
  OfficeAcceptSubmissionsDocument,
  OfficeContestsDocument,
  OfficeFormCheckQueueDocument,
  OfficeRejectSubmissionDocument,
} from '@meritgraph/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, Page } from '../../ui/Page';
import { Refused } from '../../ui/Refused';
import { refusedRows } from '../organizer/batch';
import { ReasonDialog } from '../organizer/ReasonDialog';
import { ContestPicker } from '../public/ContestPicker';
import { useChosenContest } from '../public/contests';
import { CheckHistory } from '../unit/CheckHistory';
import { formatTime } from '../unit/format';

type Contest = NonNullable<OfficeFormCheckQueueQuery['contest']>;
type Row = NonNullable<Contest['endorsed']>['nodes'][number];

const BAR = { display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', margin: '8px 0' } as const;

/**
 * The office's form check (形式审查) of a contest's entries: those awaiting it (endorsed by
 * their unions when the contest asks endorsement, else submitted) to accept in bulk, all or
 * nothing, or to reject one with a reason; and those accepted or rejected, with their history.
 */
export function FormCheck() {
  const { t, i18n } = useTranslation('office');
  const language = i18n.language === 'en' ? 'en' : 'zh';
  const list = useQuery(OfficeContestsDocument, { errorPolicy: 'all' });
  const contests = list.data?.contests?.nodes ?? [];
  const [code, choose] = useChosenContest(list.data ? contests : undefined);
  const queue = useQuery(OfficeFormCheckQueueDocument, {
    variables: { code: code ?? '' },
    skip: !code,
    fetchPolicy: 'cache-and-network',
  });
  const [selected, setSelected] = useState<string[]>([]);
  const [sent, setSent] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<Row | null>(null);
  const [accept, accepting] = useMutation(OfficeAcceptSubmissionsDocument);
  const [reject, rejectingOne] = useMutation(OfficeRejectSubmissionDocument);
  const contest = queue.data?.contest;
  const awaiting = (contest?.requiresEndorsement ? contest.endorsed : contest?.submitted)?.nodes ?? [];
  const awaitingCount = (contest?.requiresEndorsement ? contest.endorsed : contest?.submitted)?.totalCount ?? 0;
  const byRow = refusedRows(accepting.error, sent, language);
  const chosen = awaiting.filter((s) => selected.includes(s.id));
  const toggle = (id: string, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));

  const onAccept = async () => {
    if (chosen.length === 0) return;
    setNotice(null);
    setSent(chosen.map((s) => s.id));
    const result = await accept({ variables: { inputs: chosen.map((s) => ({ id: s.id, expectedVersion: s.version })) } }).catch(() => null);
    if (result?.data) {
      setNotice(t('formCheck.accepted', { count: result.data.acceptSubmissions.length }));
      setSelected([]);
      await queue.refetch();
    }
  };
  const onReject = async (reason: string) => {
    if (!rejecting) return;
    const result = await reject({ variables: { id: rejecting.id, expectedVersion: rejecting.version, reason } }).catch(() => null);
    if (result?.data) {
      setNotice(t('formCheck.rejectedOne', { title: rejecting.title }));
      setSelected((s) => s.filter((x) => x !== rejecting.id));
      setRejecting(null);
      rejectingOne.reset();
      await queue.refetch();
    }
  };

  const actions = <ContestPicker contests={contests} value={code} onChange={choose} label={t('chooseContest')} />;
  if (list.loading || (queue.loading && !queue.data)) return <Loading />;
  return (
    <Page title={contest ? t('formCheck.titleOf', { contest: contest.name }) : t('formCheck.title')} actions={actions}>
      <Refused error={list.error ?? queue.error} />
      {!contest ? <p data-testid="no-contest">{t('noContest')}</p> : null}
      {contest && !contest.requiresFormCheck ? (
        <p className="notice" data-testid="no-form-check">
          {t('formCheck.notAsked')}
        </p>
      ) : null}
      {notice ? (
        <p className="notice" role="status" data-testid="form-check-notice">
          {notice}
        </p>
      ) : null}
      {contest?.requiresFormCheck ? (
        <>
          <section aria-labelledby="form-check-awaiting">
            <h2 id="form-check-awaiting">{t('formCheck.awaiting', { count: awaitingCount })}</h2>
            <p className="hint">{contest.requiresEndorsement ? t('formCheck.afterEndorsement') : t('formCheck.afterSubmission')}</p>
            <div data-testid="accept-refusal">
              <Refused error={accepting.error} />
              {accepting.error ? (
                <button
                  type="button"
                  onClick={() => {
                    accepting.reset();
                    setSelected([]);
                    void queue.refetch();
                  }}
                >
                  {t('formCheck.reload')}
                </button>
              ) : null}
            </div>
            {awaiting.length === 0 ? (
              <p className="notice" data-testid="nothing-awaiting">
                {t('formCheck.nothingAwaiting')}
              </p>
            ) : (
              <>
                <div style={BAR}>
                  <button
                    type="button"
                    className="primary"
                    onClick={() => void onAccept()}
                    disabled={chosen.length === 0 || accepting.loading}
                    data-testid="accept-selected"
                  >
                    {t('formCheck.acceptSelected', { count: chosen.length })}
                  </button>
                  <span className="hint">{t('formCheck.allOrNothing')}</span>
                </div>
                <table data-testid="form-check-queue">
                  <thead>
                    <tr>
                      <th scope="col">{t('formCheck.choose')}</th>
                      <th scope="col">{t('formCheck.titleCol')}</th>
                      <th scope="col">{t('formCheck.unit')}</th>
                      <th scope="col">{t('track')}</th>
                      <th scope="col">{t('formCheck.reference')}</th>
                      <th scope="col">{t('formCheck.submittedAt')}</th>
                      <th scope="col">{t('formCheck.history')}</th>
                      <th scope="col">{t('formCheck.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {awaiting.map((s) => {
                      const refused = byRow.get(s.id);
                      return (
                        <tr key={s.id} data-testid="form-check-row" data-id={s.id} data-status={s.status} data-refused={refused?.code}>
                          <td>
                            <input
                              type="checkbox"
                              id={`accept-${s.id}`}
                              checked={selected.includes(s.id)}
                              onChange={(e) => toggle(s.id, e.target.checked)}
                            />
                            <label htmlFor={`accept-${s.id}`} className="visually-hidden">
                              {t('formCheck.select', { title: s.title })}
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
                            <button type="button" onClick={() => setRejecting(s)} data-testid="reject-submission">
                              {t('formCheck.reject')}
                              <span className="visually-hidden">{t('formCheck.rejectWhich', { title: s.title })}</span>
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
          <Checked
            heading={t('formCheck.acceptedList', { count: contest.accepted?.totalCount ?? 0 })}
            rows={contest.accepted?.nodes ?? []}
            testId="accepted-row"
          />
          <Checked
            heading={t('formCheck.rejectedList', { count: contest.rejected?.totalCount ?? 0 })}
            rows={contest.rejected?.nodes ?? []}
            testId="rejected-row"
            showReason
          />
        </>
      ) : null}
      {rejecting ? (
        <ReasonDialog
          title={t('formCheck.rejectTitle', { title: rejecting.title })}
          hint={t('formCheck.rejectHint')}
          label={t('formCheck.reason')}
          submitLabel={t('formCheck.confirmReject')}
          cancelLabel={t('formCheck.cancel')}
          error={rejectingOne.error}
          busy={rejectingOne.loading}
          onSubmit={(reason) => void onReject(reason)}
          onCancel={() => {
            setRejecting(null);
            rejectingOne.reset();
          }}
          testId="reject-dialog"
        />
      ) : null}
    </Page>
  );
}

/** The entries the office accepted (they go to review) or rejected (with the reason the unit reads). */
function Checked({ heading, rows, testId, showReason }: { heading: string; rows: readonly Row[]; testId: string; showReason?: boolean }) {
  const { t } = useTranslation('office');
  const { t: tu } = useTranslation('unit');
  const id = `${testId}-heading`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {rows.length === 0 ? (
        <p className="hint">{t('formCheck.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('formCheck.titleCol')}</th>
              <th scope="col">{t('formCheck.unit')}</th>
              <th scope="col">{t('formCheck.reference')}</th>
              <th scope="col">{t('formCheck.status')}</th>
              {showReason ? <th scope="col">{t('formCheck.reason')}</th> : null}
              <th scope="col">{t('formCheck.history')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id} data-testid={testId} data-id={s.id} data-status={s.status}>
                <td>{s.title}</td>
                <td>{s.organization?.name ?? '—'}</td>
                <td>{s.referenceNumber ?? '—'}</td>
                <td>
                  <span className="status">{tu(`status.${s.status}`)}</span>
                </td>
                {showReason ? <td data-testid="rejection-reason">{s.rejectionReason ?? '—'}</td> : null}
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
