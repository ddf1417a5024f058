import { useMutation, useQuery } from '@apollo/client/react';
import {
  type OrganizerNominateMutation,
  OrganizerHonorsDocument,
  OrganizerNominateDocument,
  OrganizerParticipationsDocument,
  OrganizerSubmissionsDocument,
  OrganizerUnitsDocument,
} from '@meritgraph/client';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session';
import { isEntered } from '../statuses';
import { Page } from '../../ui/Page';
import { FieldError, Refused, useRefusal } from '../../ui/Refused';
import { OrganizerNav } from './Nav';

type Made = OrganizerNominateMutation['nominateHonor'];

/** Nominations within the union's subtree, and the published honors of its units. */
export function Nominations() {
  const { t, i18n } = useTranslation('organizer');
  const org = useSession()?.org ?? '';
  const [contestId, setContestId] = useState('');
  const [awardTypeCode, setAwardTypeCode] = useState('');
  const [recipientId, setRecipientId] = useState('');
  const [citation, setCitation] = useState('');
  const [made, setMade] = useState<Made[]>([]);
  const contests = useQuery(OrganizerParticipationsDocument, { variables: { org, after: null }, skip: !org });
  const units = useQuery(OrganizerUnitsDocument, { variables: { org, after: null }, skip: !org });
  const honors = useQuery(OrganizerHonorsDocument, { variables: { contestId: contestId || null } });
  const submissions = useQuery(OrganizerSubmissionsDocument, {
    variables: { contestId: contestId || null, after: null },
    skip: !contestId,
  });
  const [nominate, nominating] = useMutation(OrganizerNominateDocument);
  const refusal = useRefusal(nominating.error);
  const awardTypes = honors.data?.awardTypes ?? [];
  const kind = awardTypes.find((a) => a.code === awardTypeCode)?.recipientKind;
  const ours = new Set([units.data?.organization?.name, ...(units.data?.organization?.descendants.nodes ?? []).map((u) => u.name)]);
  const published = (honors.data?.honors?.nodes ?? []).filter((h) => ours.has(h.organizationName));
  const options =
    kind === 'ORGANIZATION'
      ? [...(units.data?.organization ? [units.data.organization] : []), ...(units.data?.organization?.descendants.nodes ?? [])].map(
          (o) => ({ id: o.id, name: o.name }),
        )
      : kind === 'SUBMISSION'
        ? (submissions.data?.submissions?.nodes ?? [])
            .filter((s) => isEntered(s.status))
            .map((s) => ({ id: s.id, name: `${s.title}（${s.organization?.name ?? ''}）` }))
        : null;
  const awardName = (code: string) => {
    const type = awardTypes.find((a) => a.code === code);
    return type ? (i18n.language === 'en' ? type.nameEn : type.nameZh) : code;
  };
  const invalid = (field: string, id: string) =>
    refusal?.fields[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await nominate({
      variables: { input: { contestId, awardTypeCode, recipientId, recipientKind: kind ?? null, citation: citation.trim() || null } },
    }).catch(() => null);
    const honor = result?.data?.nominateHonor;
    if (honor) {
      setMade((m) => [...m, honor]);
      setRecipientId('');
      setCitation('');
    }
  };
  return (
    <Page title={t('nominations.title')}>
      <OrganizerNav />
      <h2>{t('nominations.nominate')}</h2>
      <form onSubmit={(e) => void onSubmit(e)} data-testid="nominate-form" noValidate>
        <Refused error={nominating.error} />
        <div className="field">
          <label htmlFor="nominate-contest">{t('nominations.contest')}</label>
          <select
            id="nominate-contest"
            value={contestId}
            onChange={(e) => setContestId(e.target.value)}
            {...invalid('contestId', 'nominate-contest')}
          >
            <option value="">{t('choose')}</option>
            {(contests.data?.contests?.nodes ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <FieldError id="nominate-contest" refusal={refusal} field="contestId" />
        </div>
        <div className="field">
          <label htmlFor="nominate-award">{t('nominations.awardType')}</label>
          <select
            id="nominate-award"
            value={awardTypeCode}
            onChange={(e) => {
              setAwardTypeCode(e.target.value);
              setRecipientId('');
            }}
            {...invalid('awardTypeCode', 'nominate-award')}
          >
            <option value="">{t('choose')}</option>
            {awardTypes.map((a) => (
              <option key={a.code} value={a.code}>
                {awardName(a.code)}
              </option>
            ))}
          </select>
          <FieldError id="nominate-award" refusal={refusal} field="awardTypeCode" />
        </div>
        <div className="field">
          <label htmlFor="nominate-recipient">{options ? t('nominations.recipientId') : t('nominations.recipientIdText')}</label>
          {options ? (
            <select
              id="nominate-recipient"
              value={recipientId}
              onChange={(e) => setRecipientId(e.target.value)}
              {...invalid('recipientId', 'nominate-recipient')}
            >
              <option value="">{t('choose')}</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          ) : (
            <input
              id="nominate-recipient"
              value={recipientId}
              onChange={(e) => setRecipientId(e.target.value)}
              {...invalid('recipientId', 'nominate-recipient')}
            />
          )}
          <FieldError id="nominate-recipient" refusal={refusal} field="recipientId" />
        </div>
        <div className="field">
          <label htmlFor="nominate-citation">{t('nominations.citation')}</label>
          <textarea
            id="nominate-citation"
            rows={3}
            value={citation}
            onChange={(e) => setCitation(e.target.value)}
            {...invalid('citation', 'nominate-citation')}
          />
          <FieldError id="nominate-citation" refusal={refusal} field="citation" />
        </div>
        <button type="submit" className="primary" disabled={nominating.loading} data-testid="nominate-submit">
          {t('nominations.submit')}
        </button>
      </form>
      {made.length > 0 ? (
        <>
          <h2>{t('nominations.made')}</h2>
          <HonorTable
            rows={made.map((h) => ({ ...h, organizationName: '', year: null }))}
            awardName={awardName}
            testId="nominations-made"
          />
        </>
      ) : null}
      <h2>{t('nominations.public')}</h2>
      <p className="notice">{t('nominations.hidden')}</p>
      <Refused error={honors.error} />
      {published.length > 0 ? <HonorTable rows={published} awardName={awardName} testId="organizer-honors" /> : <p>{t('none')}</p>}
    </Page>
  );
}

interface Row {
  id: string;
  awardTypeCode: string;
  recipientName: string;
  organizationName: string;
  status: string;
  year: number | null;
}

function HonorTable({ rows, awardName, testId }: { rows: Row[]; awardName(code: string): string; testId: string }) {
  const { t } = useTranslation('organizer');
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('nominations.award')}</th>
          <th scope="col">{t('nominations.recipient')}</th>
          <th scope="col">{t('nominations.organization')}</th>
          <th scope="col">{t('nominations.status')}</th>
          <th scope="col">{t('nominations.year')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((h) => (
          <tr key={h.id}>
            <td>{awardName(h.awardTypeCode)}</td>
            <td>{h.recipientName}</td>
            <td>{h.organizationName || '—'}</td>
            <td>{t(`honorStatus.${h.status}`)}</td>
            <td>{h.year ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
