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
import { refusedRows } from './batch';
import { CheckQueue, CheckedList } from './CheckTables';
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
  const handledTexts = {
    none: t('none'),
    title: t('submissions.titleCol'),
    unit: t('submissions.unit'),
    reference: t('submissions.reference'),
    status: t('submissions.status'),
    history: t('endorsement.history'),
    reason: t('endorsement.reason'),
  };

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
                <CheckQueue
                  rows={pending}
                  selected={selected}
                  onToggle={toggle}
                  refusals={byRow}
                  onAct={setReturning}
                  texts={{
                    choose: t('endorsement.choose'),
                    title: t('submissions.titleCol'),
                    unit: t('submissions.unit'),
                    track: t('submissions.track'),
                    reference: t('submissions.reference'),
                    submittedAt: t('endorsement.submittedAt'),
                    history: t('endorsement.history'),
                    actions: t('endorsement.actions'),
                    select: (title) => t('endorsement.select', { title }),
                    act: t('endorsement.return'),
                    actWhich: (title) => t('endorsement.returnWhich', { title }),
                  }}
                  ids={{ table: 'endorsement-queue', row: 'endorsement-row', action: 'return-submission', checkbox: 'endorse' }}
                />
              </>
            )}
          </section>
          <CheckedList
            heading={t('endorsement.returnedList', { count: queue.data.returned?.totalCount ?? 0 })}
            rows={queue.data.returned?.nodes ?? []}
            testId="returned-row"
            texts={handledTexts}
            statusText={(status) => t(`status.${status}`)}
            reason={{ of: (s) => s.returnReason, testId: 'return-reason' }}
          />
          <CheckedList
            heading={t('endorsement.endorsedList', { count: queue.data.endorsed?.totalCount ?? 0 })}
            rows={queue.data.endorsed?.nodes ?? []}
            testId="endorsed-row"
            texts={handledTexts}
            statusText={(status) => t(`status.${status}`)}
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
