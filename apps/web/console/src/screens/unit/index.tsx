import { useQuery } from '@apollo/client/react';
import { UnitHonorsDocument, UnitSubmissionsDocument } from '@meritgraph/client';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { useSession } from '../../session';
import { Loading, Page } from '../../ui/Page';
import { Refused } from '../../ui/Refused';
import { formatTime } from './format';
import { NewSubmission, SubmissionScreen } from './SubmissionScreen';

function MySubmissions() {
  const { t, i18n } = useTranslation('unit');
  const org = useSession()?.org ?? '';
  const { data, error, loading } = useQuery(UnitSubmissionsDocument, { variables: { org }, skip: !org });
  const rows = data?.submissions?.nodes ?? [];
  return (
    <Page
      title={t('title')}
      actions={
        <Link to="new" data-testid="new-submission">
          {t('newDraft')}
        </Link>
      }
    >
      <Refused error={error} />
      <h2>{t('mySubmissions')}</h2>
      {loading && !data ? <Loading /> : null}
      {data && rows.length === 0 ? <p className="notice">{t('noSubmissions')}</p> : null}
      {rows.length > 0 ? (
        <table data-testid="my-submissions">
          <thead>
            <tr>
              <th scope="col">{t('col.title')}</th>
              <th scope="col">{t('col.contest')}</th>
              <th scope="col">{t('col.track')}</th>
              <th scope="col">{t('col.status')}</th>
              <th scope="col">{t('col.reference')}</th>
              <th scope="col">{t('col.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id} data-testid="submission-row" data-id={s.id} data-status={s.status}>
                <td>
                  <Link to={`submissions/${s.id}`}>{s.title}</Link>
                </td>
                <td>{s.contest ? `${s.contest.name}` : '—'}</td>
                <td>{s.track ? s.track.name : '—'}</td>
                <td>
                  <span className="status">{t(`status.${s.status}`)}</span>
                </td>
                <td data-testid="reference">{s.referenceNumber ?? '—'}</td>
                <td>{formatTime(s.updatedAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <UnitHonors org={org} />
    </Page>
  );
}

function UnitHonors({ org }: { org: string }) {
  const { t, i18n } = useTranslation('unit');
  const { data, error } = useQuery(UnitHonorsDocument, { variables: { org }, skip: !org });
  const honors = data?.organization?.honors ?? [];
  return (
    <>
      <h2>{t('unitHonors')}</h2>
      <Refused error={error} />
      {data && honors.length === 0 ? <p className="notice">{t('noHonors')}</p> : null}
      {honors.length > 0 ? (
        <table data-testid="unit-honors">
          <thead>
            <tr>
              <th scope="col">{t('award')}</th>
              <th scope="col">{t('recipient')}</th>
              <th scope="col">{t('year')}</th>
              <th scope="col">{t('col.status')}</th>
              <th scope="col">{t('certificate')}</th>
            </tr>
          </thead>
          <tbody>
            {honors.map((h) => (
              <tr key={h.id}>
                <td>{h.awardType ? (i18n.language === 'en' ? h.awardType.nameEn : h.awardType.nameZh) : h.awardTypeCode}</td>
                <td>{h.recipientName}</td>
                <td>{h.year}</td>
                <td>{t(`honorStatus.${h.status}`)}</td>
                <td>{h.certificateNumber ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

export default function UnitArea() {
  return (
    <Routes>
      <Route index element={<MySubmissions />} />
      <Route path="new" element={<NewSubmission />} />
      <Route path="submissions/:id" element={<SubmissionScreen />} />
    </Routes>
  );
}
