import { useMutation, useQuery } from '@apollo/client/react';
import { OrganizerEnrolUnitDocument, OrganizerParticipationsDocument, OrganizerUnitsDocument } from '@meritgraph/client';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session';
import { Loading, Page } from '../../ui/Page';
import { FieldError, Refused, useRefusal } from '../../ui/Refused';
import { formatTime } from '../unit/format';
import { OrganizerNav } from './Nav';

const UNIONS = ['TRADE_UNION_FEDERATION', 'DISTRICT_UNION', 'INDUSTRY_UNION'];

/** The units the union enrolled, by contest, and a form to enrol one more while a contest takes entries. */
export function Enrolments() {
  const { t, i18n } = useTranslation('organizer');
  const org = useSession()?.org ?? '';
  const { data, error, loading } = useQuery(OrganizerParticipationsDocument, { variables: { org, after: null }, skip: !org });
  const units = useQuery(OrganizerUnitsDocument, { variables: { org, after: null }, skip: !org });
  const [contestId, setContestId] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [enrol, enrolling] = useMutation(OrganizerEnrolUnitDocument, { refetchQueries: [OrganizerParticipationsDocument] });
  const refusal = useRefusal(enrolling.error);
  const open = (data?.contests?.nodes ?? []).filter((c) => c.status === 'OPEN_FOR_SUBMISSIONS');
  const candidates = (units.data?.organization?.descendants.nodes ?? []).filter((u) => !UNIONS.includes(u.kind));
  const rows = data?.participations?.nodes ?? [];
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const result = await enrol({ variables: { input: { contestId, organizationId, mobilizedById: org } } }).catch(() => null);
    const made = result?.data?.enrolUnit;
    if (made) setDone(t('enrolments.done', { unit: made.organization?.name ?? '', contest: made.contest?.name ?? '' }));
  };
  const invalid = (field: string, id: string) =>
    refusal?.fields[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};
  return (
    <Page title={t('enrolments.title')}>
      <OrganizerNav />
      <h2>{t('enrolments.enrol')}</h2>
      <form onSubmit={(e) => void onSubmit(e)} data-testid="enrol-form" noValidate>
        <Refused error={enrolling.error} />
        {done ? (
          <p className="notice" role="status">
            {done}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="enrol-contest">{t('enrolments.contest')}</label>
          <select
            id="enrol-contest"
            value={contestId}
            onChange={(e) => setContestId(e.target.value)}
            {...invalid('contestId', 'enrol-contest')}
          >
            <option value="">{t('choose')}</option>
            {open.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <FieldError id="enrol-contest" refusal={refusal} field="contestId" />
        </div>
        <div className="field">
          <label htmlFor="enrol-unit">{t('enrolments.unit')}</label>
          <select
            id="enrol-unit"
            value={organizationId}
            onChange={(e) => setOrganizationId(e.target.value)}
            {...invalid('organizationId', 'enrol-unit')}
          >
            <option value="">{t('choose')}</option>
            {candidates.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          <FieldError id="enrol-unit" refusal={refusal} field="organizationId" />
        </div>
        <button type="submit" className="primary" disabled={enrolling.loading} data-testid="enrol-submit">
          {t('enrolments.submit')}
        </button>
      </form>
      <h2>{t('enrolments.title')}</h2>
      <Refused error={error} />
      {loading && !data ? <Loading /> : null}
      {data ? <p data-testid="enrolments-count">{t('enrolments.count', { count: data.participations?.totalCount ?? 0 })}</p> : null}
      {rows.length > 0 ? (
        <table data-testid="organizer-enrolments">
          <thead>
            <tr>
              <th scope="col">{t('enrolments.contest')}</th>
              <th scope="col">{t('enrolments.unit')}</th>
              <th scope="col">{t('enrolments.enrolledAt')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id} data-testid="enrolment-row">
                <td>{p.contest?.name ?? '—'}</td>
                <td>{p.organization?.name ?? '—'}</td>
                <td>{formatTime(p.enrolledAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Page>
  );
}
