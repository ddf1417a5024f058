import { useMutation } from '@apollo/client/react';
import { type PriorHonorLevel, type UnitSubmissionQuery, UnitRecordPriorHonorDocument, UnitSubmissionDocument } from '@meritgraph/client';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, Refused, useRefusal } from '../../ui/Refused';

type Submission = NonNullable<UnitSubmissionQuery['submission']>;
const LEVELS: PriorHonorLevel[] = ['NATIONAL', 'PROVINCIAL_MINISTERIAL', 'MUNICIPAL', 'OTHER'];
const EMPTY = { level: 'MUNICIPAL' as PriorHonorLevel, name: '', issuer: '', year: '', evidence: '' };

/** The honors the achievement already held, and a form to record one for the office to verify. */
export function PriorHonors({ submission }: { submission: Submission }) {
  const { t } = useTranslation('unit');
  const [values, setValues] = useState(EMPTY);
  const [recorded, setRecorded] = useState<string | null>(null);
  const [record, { error, loading }] = useMutation(UnitRecordPriorHonorDocument, { refetchQueries: [UnitSubmissionDocument] });
  const refusal = useRefusal(error);
  const honors = submission.priorHonors ?? [];
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setRecorded(null);
    const year = Number(values.year);
    const result = await record({
      variables: {
        input: {
          submissionId: submission.id,
          level: values.level,
          name: values.name,
          issuer: values.issuer,
          year: Number.isInteger(year) && values.year.trim() ? year : 0,
          evidence: values.evidence.trim() || null,
        },
      },
    }).catch(() => null);
    if (result?.data) {
      setValues(EMPTY);
      setRecorded(result.data.recordPriorHonor.name);
    }
  };
  const input = (field: 'name' | 'issuer' | 'year' | 'evidence') => {
    const id = `prior-${field}`;
    const bad = !!refusal?.fields[field];
    return (
      <div className="field" key={field}>
        <label htmlFor={id}>{t(`prior.${field}`)}</label>
        <input
          id={id}
          inputMode={field === 'year' ? 'numeric' : undefined}
          value={values[field]}
          onChange={(e) => setValues({ ...values, [field]: e.target.value })}
          aria-invalid={bad || undefined}
          aria-describedby={bad ? `${id}-error` : undefined}
        />
        <FieldError id={id} refusal={refusal} field={field} />
      </div>
    );
  };
  return (
    <>
      <h2>{t('prior.title')}</h2>
      {honors.length === 0 ? (
        <p className="notice">{t('prior.none')}</p>
      ) : (
        <table data-testid="prior-honors">
          <thead>
            <tr>
              <th scope="col">{t('prior.level')}</th>
              <th scope="col">{t('prior.name')}</th>
              <th scope="col">{t('prior.issuer')}</th>
              <th scope="col">{t('prior.year')}</th>
              <th scope="col">{t('prior.evidence')}</th>
              <th scope="col">{t('prior.verified')}</th>
            </tr>
          </thead>
          <tbody>
            {honors.map((h) => (
              <tr key={h.id}>
                <td>{t(`prior.levels.${h.level}`)}</td>
                <td>{h.name}</td>
                <td>{h.issuer}</td>
                <td>{h.year}</td>
                <td>{h.evidence ?? '—'}</td>
                <td>{h.verified ? t('prior.yes') : t('prior.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('prior.add')}</h3>
      <form onSubmit={(e) => void onSubmit(e)} data-testid="prior-honor-form" noValidate>
        <Refused error={error} />
        {recorded ? (
          <p className="notice" role="status" data-testid="prior-recorded">
            {t('prior.recorded', { name: recorded })}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="prior-level">{t('prior.level')}</label>
          <select
            id="prior-level"
            value={values.level}
            onChange={(e) => setValues({ ...values, level: e.target.value as PriorHonorLevel })}
          >
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`prior.levels.${l}`)}
              </option>
            ))}
          </select>
          <FieldError id="prior-level" refusal={refusal} field="level" />
        </div>
        {(['name', 'issuer', 'year', 'evidence'] as const).map(input)}
        <button type="submit" disabled={loading}>
          {t('prior.add')}
        </button>
      </form>
    </>
  );
}
