import { useMutation, useQuery } from '@apollo/client/react';
import {
  OfficeObjectionsDocument,
  type OfficeObjectionsQuery,
  OfficeResolveObjectionDocument,
  type ObjectionOutcome,
} from '@meritgraph/client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../ui/Page';
import { FieldError, Refused, useRefusal } from '../../ui/Refused';
import { beijingDateTime } from '../public/contests';

type Honor = NonNullable<OfficeObjectionsQuery['announced']>['nodes'][number];
type Objection = NonNullable<Honor['objections']>[number];

/** The objections to the contest's announced (and withdrawn) honors, open ones first, each open one with its resolve form. */
export function Objections({ contestId, onResolved }: { contestId: string; onResolved: () => void }) {
  const { t } = useTranslation('office');
  const { data, error, loading, refetch } = useQuery(OfficeObjectionsDocument, { variables: { contestId }, errorPolicy: 'all' });
  const honors = [...(data?.announced?.nodes ?? []), ...(data?.withdrawn?.nodes ?? [])];
  const rows = honors
    .flatMap((honor) => (honor.objections ?? []).map((objection) => ({ honor, objection })))
    .sort(
      (a, b) =>
        Number(b.objection.status === 'OPEN') - Number(a.objection.status === 'OPEN') ||
        a.objection.filedAt.localeCompare(b.objection.filedAt),
    );
  return (
    <section aria-labelledby="objections">
      <h2 id="objections">{t('objectionsTitle')}</h2>
      <Refused error={error} />
      {loading && !data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p data-testid="no-objections">{t('noObjections')}</p>
      ) : (
        <ul className="objections" data-testid="objections">
          {rows.map(({ honor, objection }) => (
            <ObjectionItem
              key={objection.id}
              honor={honor}
              objection={objection}
              onResolved={() => {
                void refetch();
                onResolved();
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function ObjectionItem({ honor, objection, onResolved }: { honor: Honor; objection: Objection; onResolved: () => void }) {
  const { t, i18n } = useTranslation('office');
  const id = useId();
  const [outcome, setOutcome] = useState<ObjectionOutcome>('DISMISSED');
  const [resolution, setResolution] = useState('');
  const [resolve, { error, loading }] = useMutation(OfficeResolveObjectionDocument);
  const refusal = useRefusal(error);
  const invalid = !!refusal?.fields.resolution;
  const award = honor.awardType ? (i18n.language === 'en' ? honor.awardType.nameEn : honor.awardType.nameZh) : honor.status;
  return (
    <li className="card" data-objection={objection.id} data-status={objection.status} data-honor={honor.id}>
      <h3>
        {honor.recipientName} · {award}{' '}
        <span className="status" data-testid="objection-status">
          {t(`objectionStatus.${objection.status}`)}
        </span>
      </h3>
      <p>{objection.text}</p>
      <p className="hint">
        {t('filedAt', { at: beijingDateTime(objection.filedAt) })}
        {objection.channel && ` · ${t(`channel.${objection.channel}`)}`}
        {objection.objectorName && ` · ${objection.objectorName}`}
        {objection.contact && ` · ${objection.contact}`}
        {honor.objectionsCloseAt && ` · ${t('closesAt', { at: beijingDateTime(honor.objectionsCloseAt) })}`}
      </p>
      {objection.status !== 'OPEN' ? (
        <p data-testid="resolution">
          {t('resolution')}: {objection.resolution}
        </p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void resolve({ variables: { id: objection.id, outcome, resolution } })
              .then(() => onResolved())
              .catch(() => undefined);
          }}
        >
          <Refused error={error} />
          <div className="field">
            <label htmlFor={`${id}-outcome`}>{t('outcome')}</label>
            <select id={`${id}-outcome`} name="outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as ObjectionOutcome)}>
              <option value="DISMISSED">{t('outcomes.DISMISSED')}</option>
              <option value="UPHELD">{t('outcomes.UPHELD')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-resolution`}>{t('resolution')}</label>
            <textarea
              id={`${id}-resolution`}
              name="resolution"
              rows={2}
              value={resolution}
              onChange={(e) => setResolution(e.target.value)}
              aria-invalid={invalid || undefined}
              aria-describedby={invalid ? `${id}-resolution-error` : undefined}
            />
            <FieldError id={`${id}-resolution`} refusal={refusal} field="resolution" />
          </div>
          <button type="submit" className="primary" disabled={loading}>
            {t('resolve')}
          </button>
        </form>
      )}
    </li>
  );
}
