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
import { CheckQueue, CheckedList } from '../organizer/CheckTables';
import { ReasonDialog } from '../organizer/ReasonDialog';
import { ContestPicker } from '../public/ContestPicker';
import { useChosenContest } from '../public/contests';

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
  const { t: tu } = useTranslation('unit');
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
  const checkedTexts = {
    none: t('formCheck.none'),
    title: t('formCheck.titleCol'),
    unit: t('formCheck.unit'),
    reference: t('formCheck.reference'),
    status: t('formCheck.status'),
    history: t('formCheck.history'),
    reason: t('formCheck.reason'),
  };

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
                <CheckQueue
                  rows={awaiting}
                  selected={selected}
                  onToggle={toggle}
                  refusals={byRow}
                  onAct={setRejecting}
                  texts={{
                    choose: t('formCheck.choose'),
                    title: t('formCheck.titleCol'),
                    unit: t('formCheck.unit'),
                    track: t('track'),
                    reference: t('formCheck.reference'),
                    submittedAt: t('formCheck.submittedAt'),
                    history: t('formCheck.history'),
                    actions: t('formCheck.actions'),
                    select: (title) => t('formCheck.select', { title }),
                    act: t('formCheck.reject'),
                    actWhich: (title) => t('formCheck.rejectWhich', { title }),
                  }}
                  ids={{ table: 'form-check-queue', row: 'form-check-row', action: 'reject-submission', checkbox: 'accept' }}
                />
              </>
            )}
          </section>
          <CheckedList
            heading={t('formCheck.acceptedList', { count: contest.accepted?.totalCount ?? 0 })}
            rows={contest.accepted?.nodes ?? []}
            testId="accepted-row"
            texts={checkedTexts}
            statusText={(status) => tu(`status.${status}`)}
          />
          <CheckedList
            heading={t('formCheck.rejectedList', { count: contest.rejected?.totalCount ?? 0 })}
            rows={contest.rejected?.nodes ?? []}
            testId="rejected-row"
            texts={checkedTexts}
            statusText={(status) => tu(`status.${status}`)}
            reason={{ of: (s) => s.rejectionReason, testId: 'rejection-reason' }}
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
