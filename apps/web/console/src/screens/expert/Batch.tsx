import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  type EliminationReason,
  ExpertRoundBatchDocument,
  ExpertSubmitScorecardsDocument,
  type ScreeningDecision,
} from '@meritgraph/client';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ERROR_TEXT } from '../../errors';
import { useSession } from '../../session';
import { Loading, Page } from '../../ui/Page';
import { FieldError, Refused, useRefusal } from '../../ui/Refused';
import { DECISIONS, ELIMINATION_REASONS, typedOf } from './ScorecardForm';
import { scoresInput, weightedTotal } from './total';

interface RowState {
  include: boolean;
  typed: Record<string, string>;
  decision: string;
  reason: string;
}

/** Each refused entry of a BATCH_REFUSED, by its code (from extensions.details.errors). */
function refusedRows(error: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!CombinedGraphQLErrors.is(error)) return out;
  for (const e of error.errors) {
    const details = e.extensions?.details as { errors?: { entryId?: string; code?: string }[] } | undefined;
    for (const row of details?.errors ?? []) if (row.entryId && row.code) out.set(row.entryId, row.code);
  }
  return out;
}

/** Several scorecards of one round submitted at once, all or nothing. */
export function Batch() {
  const { t, i18n } = useTranslation('expert');
  const { roundId = '' } = useParams();
  const expertId = useSession()?.expert ?? '';
  const { data, error, loading, refetch } = useQuery(ExpertRoundBatchDocument, {
    variables: { expertId, roundId },
    skip: !expertId,
    fetchPolicy: 'cache-and-network',
  });
  const [rows, setRows] = useState<Record<string, RowState>>({});
  const [submit, submitted] = useMutation(ExpertSubmitScorecardsDocument);
  const refusal = useRefusal(submitted.error);
  const byRow = refusedRows(submitted.error);
  const round = data?.reviewRound;
  const criteria = round?.criteria ?? [];
  const screening = round?.stage === 'SCREENING';
  const assignments = (data?.expert?.assignments?.nodes ?? []).filter((a) => a.status === 'ASSIGNED' && a.entry);
  const lang = i18n.language === 'en' ? 'en' : 'zh';

  const stateOf = (a: (typeof assignments)[number]): RowState =>
    rows[a.id] ?? {
      include: false,
      typed: typedOf(a.scorecard),
      decision: a.scorecard?.decision ?? '',
      reason: a.scorecard?.eliminationReason ?? '',
    };
  const set = (a: (typeof assignments)[number], patch: Partial<RowState>) =>
    setRows({ ...rows, [a.id]: { ...stateOf(a), ...patch, include: patch.include ?? true } });

  const chosen = assignments.filter((a) => stateOf(a).include);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen.length === 0) return;
    const inputs = chosen.map((a) => {
      const s = stateOf(a);
      return {
        entryId: a.entry!.id,
        scores: scoresInput(criteria, s.typed),
        comment: a.scorecard?.comment ?? null,
        decision: screening && s.decision ? (s.decision as ScreeningDecision) : null,
        eliminationReason: screening && s.decision === 'ELIMINATE' && s.reason ? (s.reason as EliminationReason) : null,
      };
    });
    void submit({ variables: { inputs } })
      .then(() => {
        setRows({});
        return refetch();
      })
      .catch(() => undefined);
  };
  // A batch of one gives its own refusal, naming the criterion.
  const single = chosen.length === 1 && !byRow.size ? chosen[0]!.id : null;

  return (
    <Page
      title={round ? t('batch.titleOf', { round: round.name }) : t('batch.title')}
      actions={
        <Link to="/expert" data-testid="back">
          {t('back')}
        </Link>
      }
    >
      <Refused error={error} />
      {loading && !data ? <Loading /> : null}
      <p>{t('batch.intro')}</p>
      {data && assignments.length === 0 ? <p className="notice">{t('batch.empty')}</p> : null}
      {assignments.length > 0 ? (
        <form onSubmit={onSubmit} data-testid="batch-form" noValidate>
          <Refused error={submitted.error} />
          {submitted.data && !submitted.error ? (
            <p className="notice" role="status" data-testid="batch-saved">
              {t('batch.submitted', { count: submitted.data.submitScorecards.length })}
            </p>
          ) : null}
          <table>
            <thead>
              <tr>
                <th scope="col">{t('batch.include')}</th>
                <th scope="col">{t('col.reference')}</th>
                {criteria.map((c) => (
                  <th scope="col" key={c.code}>
                    {t('batch.criterion', { name: c.name, max: c.maxScore, weight: c.weight })}
                  </th>
                ))}
                {screening ? <th scope="col">{t('card.decision')}</th> : null}
                <th scope="col" className="number">
                  {t('card.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {assignments.map((a) => {
                const s = stateOf(a);
                const total = weightedTotal(criteria, s.typed);
                const code = byRow.get(a.entry!.id);
                const rowRefusal = single === a.id ? refusal : null;
                return (
                  <tr key={a.id} data-testid="batch-row" data-entry={a.entry!.id} data-refused={code ?? ''}>
                    <td>
                      <input
                        id={`batch-${a.id}-include`}
                        type="checkbox"
                        checked={s.include}
                        onChange={(e) => set(a, { include: e.target.checked })}
                      />
                      <label htmlFor={`batch-${a.id}-include`} className="visually-hidden">
                        {t('batch.includeLabel', { reference: a.entry!.referenceNumber })}
                      </label>
                    </td>
                    <th scope="row">
                      {a.entry!.referenceNumber} {a.entry!.title}
                      {code ? (
                        <span className="field-error" role="alert">
                          {t('batch.rowRefused', { text: (ERROR_TEXT[code] ?? ERROR_TEXT.INTERNAL_SERVER_ERROR!)[lang] })}
                        </span>
                      ) : null}
                    </th>
                    {criteria.map((c) => {
                      const id = `batch-${a.id}-${c.code}`;
                      const field = `scores.${c.code}`;
                      return (
                        <td key={c.code}>
                          <label htmlFor={id} className="visually-hidden">
                            {a.entry!.referenceNumber} {t('card.scoreLabel', { name: c.name, max: c.maxScore })}
                          </label>
                          <input
                            id={id}
                            type="number"
                            min={0}
                            max={c.maxScore}
                            step="any"
                            style={{ width: '6em' }}
                            value={s.typed[c.code] ?? ''}
                            onChange={(e) => set(a, { typed: { ...s.typed, [c.code]: e.target.value } })}
                            {...(rowRefusal?.fields[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {})}
                          />
                          <FieldError id={id} refusal={rowRefusal} field={field} />
                        </td>
                      );
                    })}
                    {screening ? (
                      <td>
                        <label htmlFor={`batch-${a.id}-decision`} className="visually-hidden">
                          {a.entry!.referenceNumber} {t('card.decision')}
                        </label>
                        <select id={`batch-${a.id}-decision`} value={s.decision} onChange={(e) => set(a, { decision: e.target.value })}>
                          <option value="">{t('card.choose')}</option>
                          {DECISIONS.map((d) => (
                            <option key={d} value={d}>
                              {t(`decision.${d}`)}
                            </option>
                          ))}
                        </select>
                        {s.decision === 'ELIMINATE' ? (
                          <>
                            <label htmlFor={`batch-${a.id}-reason`} className="visually-hidden">
                              {a.entry!.referenceNumber} {t('card.eliminationReason')}
                            </label>
                            <select id={`batch-${a.id}-reason`} value={s.reason} onChange={(e) => set(a, { reason: e.target.value })}>
                              <option value="">{t('card.choose')}</option>
                              {ELIMINATION_REASONS.map((r) => (
                                <option key={r} value={r}>
                                  {t(`eliminationReason.${r}`)}
                                </option>
                              ))}
                            </select>
                          </>
                        ) : null}
                      </td>
                    ) : null}
                    <td className="number" data-testid="batch-total">
                      {total ?? '—'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {chosen.length === 0 ? <p className="notice">{t('batch.none')}</p> : null}
          <button type="submit" disabled={submitted.loading || chosen.length === 0} data-testid="submit-batch">
            {t('batch.submit')}
          </button>
        </form>
      ) : null}
    </Page>
  );
}
