import { useMutation, useQuery } from '@apollo/client/react';
import {
  type UnitSubmissionQuery,
  UnitCreateSubmissionDocument,
  UnitSubmissionChecksDocument,
  UnitSubmissionDocument,
  UnitSubmissionsDocument,
  UnitSubmitSubmissionDocument,
  UnitUpdateSubmissionDocument,
  UnitWithdrawSubmissionDocument,
  UnitWorkspaceDocument,
} from '@meritgraph/client';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../../session';
import { Loading, Page } from '../../ui/Page';
import { Refused, useRefusal } from '../../ui/Refused';
import { UnitAttachments } from '../files/UnitAttachments';
import { CheckHistory } from './CheckHistory';
import { ACTIONS, type DraftValues, DraftForm, EMPTY_DRAFT, contentOf } from './DraftForm';
import { formatTime, windowOpen } from './format';
import { PriorHonors } from './PriorHonors';
import { Results } from './Results';

function useWorkspace() {
  const org = useSession()?.org ?? '';
  const { data, error } = useQuery(UnitWorkspaceDocument, { variables: { org }, skip: !org });
  const contests = (data?.participations?.nodes ?? []).flatMap((p) => (p.contest ? [p.contest] : []));
  return { org, contests, people: data?.people?.nodes ?? [], error, loaded: !!data };
}

/** A new draft: the contests open for submissions the unit is enrolled in, and every field. */
export function NewSubmission() {
  const { t } = useTranslation('unit');
  const navigate = useNavigate();
  const { org, contests, people, error, loaded } = useWorkspace();
  const open = contests.filter((c) => c.status === 'OPEN_FOR_SUBMISSIONS');
  const [values, setValues] = useState<DraftValues>(EMPTY_DRAFT);
  const [create, { error: saveError, loading }] = useMutation(UnitCreateSubmissionDocument, {
    refetchQueries: [UnitSubmissionsDocument],
  });
  const refusal = useRefusal(saveError);
  useEffect(() => {
    if (!values.contestId && open.length === 1) setValues((v) => ({ ...v, contestId: open[0]!.id }));
  }, [open, values.contestId]);
  const contest = open.find((c) => c.id === values.contestId);
  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    const result = await create({ variables: { input: { contestId: values.contestId, organizationId: org, ...contentOf(values) } } }).catch(
      () => null,
    );
    const id = result?.data?.createSubmission.id;
    if (id) void navigate(`/unit/submissions/${id}`);
  };
  return (
    <Page title={t('newTitle')}>
      <p>
        <Link to="/unit">{t('back')}</Link>
      </p>
      <Refused error={error} />
      {loaded && open.length === 0 ? <p className="notice">{t('noOpenContest')}</p> : null}
      <Refused error={saveError} />
      <DraftForm
        values={values}
        onChange={setValues}
        onSave={(e) => void onSave(e)}
        refusal={refusal}
        contests={open}
        tracks={contest?.tracks ?? []}
        people={people}
        disabled={open.length === 0}
        busy={loading}
      />
    </Page>
  );
}

type Submission = NonNullable<UnitSubmissionQuery['submission']>;
const FACTS = { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 16px', margin: '0 0 12px' } as const;

const valuesOf = (s: Submission): DraftValues => ({
  contestId: s.contest?.id ?? '',
  trackId: s.track?.id ?? '',
  title: s.title,
  summary: s.summary ?? '',
  achievementKind: s.achievementKind ?? '',
  leaderId: s.leader?.id ?? '',
  teamMemberIds: s.teamMembers.map((p) => p.id),
  keywords: s.keywords.join(', '),
  applicationEffect: s.applicationEffect ?? '',
  metrics: s.metrics.map((m) => ({ name: m.name, value: String(m.value), unit: m.unit })),
});

/** One application: its form while a draft, submit and withdraw when the window allows, its results and prior honors. */
export function SubmissionScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation('unit');
  const { data, error, loading, refetch } = useQuery(UnitSubmissionDocument, { variables: { id } });
  const submission = data?.submission;
  const checks = useQuery(UnitSubmissionChecksDocument, { variables: { id }, skip: !submission });
  const checked = checks.data?.submission;
  // Reloading after a version conflict starts the form again from the stored record.
  const [generation, setGeneration] = useState(0);
  const reload = () => void refetch().then(() => setGeneration((g) => g + 1));
  return (
    <Page title={submission ? submission.title : t('draftTitle')}>
      <p>
        <Link to="/unit">{t('back')}</Link>
      </p>
      <Refused error={error} />
      {loading && !data ? <Loading /> : null}
      {checked ? (
        <CheckOutcome status={checked.status} returnReason={checked.returnReason} rejectionReason={checked.rejectionReason} />
      ) : null}
      {submission ? <Editor key={`${submission.id}:${generation}`} submission={submission} reload={reload} /> : null}
      {checked && (checked.checks.length > 0 || checked.contest?.requiresEndorsement || checked.contest?.requiresFormCheck) ? (
        <section aria-labelledby="submission-checks">
          <h2 id="submission-checks">{t('checks.title')}</h2>
          <CheckHistory checks={checked.checks} />
        </section>
      ) : null}
      {submission ? (
        <UnitAttachments submissionId={submission.id} editable={submission.status === 'DRAFT' || submission.status === 'RETURNED'} />
      ) : null}
      {submission ? <Results submission={submission} /> : null}
      {submission ? <PriorHonors submission={submission} /> : null}
    </Page>
  );
}

function Editor({ submission, reload }: { submission: Submission; reload(): void }) {
  const { t, i18n } = useTranslation('unit');
  const { contests, people } = useWorkspace();
  const [values, setValues] = useState(() => valuesOf(submission));
  const [dirty, setDirty] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [reason, setReason] = useState('');
  const refetchQueries = [UnitSubmissionsDocument, UnitSubmissionDocument, UnitSubmissionChecksDocument];
  const [update, updating] = useMutation(UnitUpdateSubmissionDocument, { refetchQueries });
  const [submit, submitting] = useMutation(UnitSubmitSubmissionDocument, { refetchQueries, awaitRefetchQueries: true });
  const [withdraw, withdrawing] = useMutation(UnitWithdrawSubmissionDocument, { refetchQueries });
  const refusal = useRefusal(failure);
  const busy = updating.loading || submitting.loading || withdrawing.loading;
  const contest = submission.contest;
  const tracks = contests.find((c) => c.id === contest?.id)?.tracks ?? (submission.track ? [submission.track] : []);
  const isDraft = submission.status === 'DRAFT';
  // Returned for revision, the unit edits it as it edits a draft and submits it again (it keeps its reference number).
  const isReturned = submission.status === 'RETURNED';
  const editable = isDraft || isReturned;
  const inWindow = windowOpen(contest);
  const mayWithdraw =
    isDraft ||
    (['SUBMITTED', 'RETURNED', 'ENDORSED', 'ACCEPTED'].includes(submission.status) && contest?.status === 'OPEN_FOR_SUBMISSIONS');

  /** Saves the form when it changed; the version to quote next, or null when refused. */
  const save = async (): Promise<number | null> => {
    if (!dirty) return submission.version;
    const result = await update({
      variables: { id: submission.id, expectedVersion: submission.version, input: contentOf(values) },
    }).catch((e: unknown) => {
      setFailure(e);
      return null;
    });
    const version = result?.data?.updateSubmission.version ?? null;
    if (version !== null) setDirty(false);
    return version;
  };
  const run = async (step: () => Promise<string | null>) => {
    setFailure(null);
    setNotice(null);
    const done = await step().catch((e: unknown) => {
      setFailure(e);
      return null;
    });
    if (done) setNotice(done);
  };
  const onSave = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => ((await save()) !== null ? t('saved') : null));
  };
  const onSubmit = () =>
    void run(async () => {
      const version = await save();
      if (version === null) return null;
      const result = await submit({ variables: { id: submission.id, expectedVersion: version } });
      return t(isReturned ? 'resubmitted' : 'submitted', { reference: result.data?.submitSubmission.referenceNumber ?? '' });
    });
  const onWithdraw = () =>
    void run(async () => {
      await withdraw({ variables: { id: submission.id, reason: reason.trim() || null } });
      return t('withdrawn');
    });

  return (
    <>
      <dl className="facts" data-testid="submission-facts" style={FACTS}>
        <dt>{t('col.contest')}</dt>
        <dd style={{ margin: 0 }}>{contest?.name ?? '—'}</dd>
        <dt>{t('col.status')}</dt>
        <dd style={{ margin: 0 }}>
          <span className="status" data-testid="submission-status" data-status={submission.status}>
            {t(`status.${submission.status}`)}
          </span>
        </dd>
        <dt>{t('col.reference')}</dt>
        <dd style={{ margin: 0 }} data-testid="submission-reference">
          {submission.referenceNumber ?? '—'}
        </dd>
        <dt>{t('col.updated')}</dt>
        <dd style={{ margin: 0 }}>{formatTime(submission.updatedAt, i18n.language)}</dd>
      </dl>
      {contest?.submissionOpensAt || contest?.submissionClosesAt ? (
        <p>
          {t('window', {
            opens: formatTime(contest.submissionOpensAt, i18n.language),
            closes: formatTime(contest.submissionClosesAt, i18n.language),
          })}
        </p>
      ) : null}
      {notice ? (
        <p className="notice" role="status" data-testid="notice">
          {notice}
        </p>
      ) : null}
      <div data-testid="refusal">
        <Refused error={failure} />
      </div>
      {refusal?.code === 'VERSION_CONFLICT' ? (
        <button type="button" onClick={reload} data-testid="reload">
          {t('reload')}
        </button>
      ) : null}
      {!editable ? <p className="notice">{t('readOnly', { status: t(`status.${submission.status}`) })}</p> : null}
      {editable && !inWindow ? <p className="notice">{t('windowClosed')}</p> : null}
      <DraftForm
        values={values}
        onChange={(v) => {
          setValues(v);
          setDirty(true);
        }}
        onSave={onSave}
        refusal={refusal}
        contests={null}
        tracks={tracks}
        people={people}
        disabled={!editable}
        busy={busy}
      >
        <div className="actions" style={ACTIONS}>
          {editable && inWindow ? (
            <button type="button" className="primary" onClick={onSubmit} disabled={busy} data-testid="submit-submission">
              {isReturned ? t('resubmit') : t('submit')}
            </button>
          ) : null}
          {mayWithdraw && submission.status !== 'WITHDRAWN' ? (
            <>
              <label htmlFor="withdraw-reason">{t('withdrawReason')}</label>{' '}
              <input id="withdraw-reason" value={reason} onChange={(e) => setReason(e.target.value)} />{' '}
              <button type="button" onClick={onWithdraw} disabled={busy} data-testid="withdraw-submission">
                {t('withdraw')}
              </button>
            </>
          ) : null}
        </div>
      </DraftForm>
    </>
  );
}

const OUTCOME = { borderLeft: '4px solid #b3261e', background: '#fdecea', padding: '8px 16px', margin: '8px 0 16px' } as const;

/** Why the union returned the entry (to revise and submit again) or the office rejected it, where the unit sees it first. */
function CheckOutcome({
  status,
  returnReason,
  rejectionReason,
}: {
  status: string;
  returnReason: string | null;
  rejectionReason: string | null;
}) {
  const { t } = useTranslation('unit');
  if (status !== 'RETURNED' && status !== 'REJECTED') return null;
  const returned = status === 'RETURNED';
  return (
    <section aria-labelledby="check-outcome" data-testid="check-outcome" data-status={status} style={OUTCOME}>
      <h2 id="check-outcome" style={{ margin: '4px 0' }}>
        {returned ? t('checks.returnedTitle') : t('checks.rejectedTitle')}
      </h2>
      <p style={{ margin: '4px 0' }}>
        {t('checks.reasonLabel')}
        <strong data-testid={returned ? 'return-reason' : 'rejection-reason'}>{(returned ? returnReason : rejectionReason) ?? '—'}</strong>
      </p>
      <p className="hint" style={{ margin: '4px 0' }}>
        {returned ? t('checks.returnedHint') : t('checks.rejectedHint')}
      </p>
    </section>
  );
}
