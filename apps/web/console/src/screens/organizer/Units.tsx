import { useQuery } from '@apollo/client/react';
import { OrganizerUnitsDocument } from '@meritgraph/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session';
import { Loading, Page } from '../../ui/Page';
import { Refused } from '../../ui/Refused';
import { OrganizerNav } from './Nav';

/** Every organization below the union, a page at a time. */
export function Units() {
  const { t } = useTranslation('organizer');
  const org = useSession()?.org ?? '';
  const { data, error, loading } = useQuery(OrganizerUnitsDocument, { variables: { org, after: null }, skip: !org });
  const units = data?.organization?.descendants;
  return (
    <Page title={data?.organization ? `${t('title')}：${data.organization.name}` : t('title')}>
      <OrganizerNav />
      <h2>{t('units.title')}</h2>
      <Refused error={error} />
      {loading && !data ? <Loading /> : null}
      {units ? (
        <>
          <p data-testid="units-count" data-count={units.totalCount}>
            {t('units.count', { count: units.totalCount })}
          </p>
          <table data-testid="organizer-units">
            <thead>
              <tr>
                <th scope="col">{t('units.name')}</th>
                <th scope="col">{t('units.kind')}</th>
                <th scope="col">{t('units.district')}</th>
                <th scope="col">{t('units.parent')}</th>
              </tr>
            </thead>
            <UnitRows org={org} after={null} />
          </table>
        </>
      ) : null}
    </Page>
  );
}

function UnitRows({ org, after }: { org: string; after: string | null }) {
  const { t } = useTranslation('organizer');
  const [more, setMore] = useState(false);
  const { data, error } = useQuery(OrganizerUnitsDocument, { variables: { org, after } });
  const page = data?.organization?.descendants;
  if (error)
    return (
      <tbody>
        <tr>
          <td colSpan={4}>
            <Refused error={error} />
          </td>
        </tr>
      </tbody>
    );
  if (!page) return null;
  return (
    <>
      <tbody>
        {page.nodes.map((u) => (
          <tr key={u.id} data-testid="unit-row" data-id={u.id}>
            <td>{u.name}</td>
            <td>{t(`kinds.${u.kind}`)}</td>
            <td>{u.district ?? '—'}</td>
            <td>{u.parent?.name ?? '—'}</td>
          </tr>
        ))}
      </tbody>
      {page.pageInfo.hasNextPage && page.pageInfo.endCursor ? (
        more ? (
          <UnitRows org={org} after={page.pageInfo.endCursor} />
        ) : (
          <tbody>
            <tr>
              <td colSpan={4}>
                <button type="button" onClick={() => setMore(true)} data-testid="more-units">
                  {t('more')}
                </button>
              </td>
            </tr>
          </tbody>
        )
      ) : null}
    </>
  );
}
