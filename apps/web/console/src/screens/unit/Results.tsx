import type { UnitSubmissionQuery } from '@meritgraph/client';
import { useTranslation } from 'react-i18next';

type Submission = NonNullable<UnitSubmissionQuery['submission']>;

/** What the review rounds found of the application, and the honors it received, once published. */
export function Results({ submission }: { submission: Submission }) {
  const { t } = useTranslation('unit');
  const results = submission.roundResults ?? [];
  const honors = submission.honors ?? [];
  return (
    <>
      <h2>{t('results')}</h2>
      {results.length === 0 ? (
        <p className="notice">{t('noResults')}</p>
      ) : (
        <table data-testid="round-results">
          <thead>
            <tr>
              <th scope="col">{t('round')}</th>
              <th scope="col">{t('outcome')}</th>
              <th scope="col" className="number">
                {t('rank')}
              </th>
              <th scope="col" className="number">
                {t('aggregate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.id}>
                <td>{r.round?.name ?? '—'}</td>
                <td>{t(`outcomes.${r.outcome}`)}</td>
                <td className="number">{r.rank ?? '—'}</td>
                <td className="number">{r.aggregate.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('honors')}</h2>
      {honors.length === 0 ? (
        <p className="notice">{t('noHonors')}</p>
      ) : (
        <table data-testid="submission-honors">
          <thead>
            <tr>
              <th scope="col">{t('award')}</th>
              <th scope="col">{t('year')}</th>
              <th scope="col">{t('col.status')}</th>
              <th scope="col">{t('certificate')}</th>
            </tr>
          </thead>
          <tbody>
            {honors.map((h) => (
              <tr key={h.id}>
                <td>{h.awardTypeCode}</td>
                <td>{h.year}</td>
                <td>{t(`honorStatus.${h.status}`)}</td>
                <td>{h.certificateNumber ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
