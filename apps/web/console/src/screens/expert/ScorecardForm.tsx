import { useMutation } from '@apollo/client/react';
import { type EliminationReason, ExpertSubmitScorecardDocument, type ScreeningDecision } from '@meritgraph/client';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, Refused, useRefusal } from '../../ui/Refused';
import { type CriterionRule, scoreMax, scoresInput, weightedTotal } from './total';

export const DECISIONS: ScreeningDecision[] = ['PASS', 'RECOMMEND', 'ELIMINATE'];
export const ELIMINATION_REASONS: EliminationReason[] = ['DUPLICATE', 'INCOMPLETE', 'INELIGIBLE', 'LOW_RELEVANCE'];

export interface Criterion extends CriterionRule {
  name: string;
}

export interface SavedCard {
  comment?: string | null;
  decision?: ScreeningDecision | null;
  eliminationReason?: EliminationReason | null;
  scores: { criterion: string; score: number }[];
}

/** The form's text as typed, from a saved card or empty. */
export function typedOf(card: SavedCard | null | undefined): Record<string, string> {
  return Object.fromEntries((card?.scores ?? []).map((s) => [s.criterion, String(s.score)]));
}

const idOf = (field: string) => `card-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;

interface Props {
  entryId: string;
  criteria: Criterion[];
  screening: boolean;
  saved: SavedCard | null;
  disabled: boolean;
  onSaved(): void;
}

/** One scorecard: a score per criterion within its range, the live weighted total, a comment and, in screening, the decision. */
export function ScorecardForm({ entryId, criteria, screening, saved, disabled, onSaved }: Props) {
  const { t } = useTranslation('expert');
  const [typed, setTyped] = useState<Record<string, string>>(() => typedOf(saved));
  const [comment, setComment] = useState(saved?.comment ?? '');
  const [decision, setDecision] = useState<string>(saved?.decision ?? '');
  const [reason, setReason] = useState<string>(saved?.eliminationReason ?? '');
  const [submit, { data, error, loading }] = useMutation(ExpertSubmitScorecardDocument);
  const refusal = useRefusal(error);
  const total = weightedTotal(criteria, typed);
  const invalid = (field: string) =>
    refusal?.fields[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${idOf(field)}-error` } : {};

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit({
      variables: {
        input: {
          entryId,
          scores: scoresInput(criteria, typed),
          comment: comment.trim() ? comment : null,
          decision: screening && decision ? (decision as ScreeningDecision) : null,
          eliminationReason: screening && decision === 'ELIMINATE' && reason ? (reason as EliminationReason) : null,
        },
      },
    })
      .then(() => onSaved())
      .catch(() => undefined);
  };

  const card = data?.submitScorecard;
  return (
    <form onSubmit={onSubmit} data-testid="scorecard-form" noValidate>
      <h2>{t('card.heading')}</h2>
      <Refused error={error} />
      {card && !error ? (
        <p className="notice" role="status" data-testid="scorecard-saved" data-total={card.total}>
          {t('card.saved', { version: card.version, total: card.total })}
        </p>
      ) : null}
      <fieldset disabled={disabled || loading} style={{ border: 0, padding: 0, margin: 0 }}>
        <table data-testid="criteria">
          <thead>
            <tr>
              <th scope="col">{t('card.criterion')}</th>
              <th scope="col">{t('card.range')}</th>
              <th scope="col" className="number">
                {t('card.weight')}
              </th>
              <th scope="col">{t('card.score')}</th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((c) => {
              const field = `scores.${c.code}`;
              return (
                <tr key={c.code} data-criterion={c.code}>
                  <th scope="row">{c.name}</th>
                  <td>{t('card.rangeText', { max: c.maxScore })}</td>
                  <td className="number">{c.weight}</td>
                  <td>
                    <label htmlFor={idOf(field)} className="visually-hidden">
                      {t('card.scoreLabel', { name: c.name, max: c.maxScore })}
                    </label>
                    <input
                      id={idOf(field)}
                      type="number"
                      inputMode="decimal"
                      min={0}
                      max={c.maxScore}
                      step="any"
                      value={typed[c.code] ?? ''}
                      onChange={(e) => setTyped({ ...typed, [c.code]: e.target.value })}
                      data-testid={`score-${c.code}`}
                      {...invalid(field)}
                    />
                    <FieldError id={idOf(field)} refusal={refusal} field={field} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p data-testid="live-total" data-total={total ?? ''} aria-live="polite">
          <strong>{t('card.totalLabel')}</strong>
          {total === null ? t('card.totalPending') : t('card.totalOf', { total, max: scoreMax(criteria) })}
        </p>
        {screening ? (
          <>
            <div className="field">
              <label htmlFor={idOf('decision')}>{t('card.decision')}</label>
              <select id={idOf('decision')} value={decision} onChange={(e) => setDecision(e.target.value)} {...invalid('decision')}>
                <option value="">{t('card.choose')}</option>
                {DECISIONS.map((d) => (
                  <option key={d} value={d}>
                    {t(`decision.${d}`)}
                  </option>
                ))}
              </select>
              <FieldError id={idOf('decision')} refusal={refusal} field="decision" />
            </div>
            {decision === 'ELIMINATE' ? (
              <div className="field">
                <label htmlFor={idOf('eliminationReason')}>{t('card.eliminationReason')}</label>
                <select
                  id={idOf('eliminationReason')}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  {...invalid('eliminationReason')}
                >
                  <option value="">{t('card.choose')}</option>
                  {ELIMINATION_REASONS.map((r) => (
                    <option key={r} value={r}>
                      {t(`eliminationReason.${r}`)}
                    </option>
                  ))}
                </select>
                <FieldError id={idOf('eliminationReason')} refusal={refusal} field="eliminationReason" />
              </div>
            ) : null}
          </>
        ) : null}
        <div className="field">
          <label htmlFor={idOf('comment')}>{t('card.comment')}</label>
          <textarea id={idOf('comment')} rows={4} value={comment} onChange={(e) => setComment(e.target.value)} {...invalid('comment')} />
          <FieldError id={idOf('comment')} refusal={refusal} field="comment" />
        </div>
        <button type="submit" data-testid="save-scorecard">
          {loading ? t('card.saving') : t('card.save')}
        </button>
      </fieldset>
    </form>
  );
}
