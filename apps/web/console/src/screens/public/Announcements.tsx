import { useQuery } from '@apollo/client/react';
import { PublicAnnouncementsDocument } from '@meritgraph/client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../session';
import { Loading, Page } from '../../ui/Page';
import { Refused } from '../../ui/Refused';
import { beijingDateTime } from './contests';
import { ObjectionForm } from './ObjectionForm';

/** 公示: the honors announced now, each with the moment its window for objections closes, and the honors conferred. */
export function AnnouncementsPage() {
  const { t, i18n } = useTranslation('public');
  const session = useSession();
  const { data, error, loading } = useQuery(PublicAnnouncementsDocument, { errorPolicy: 'all' });
  const award = (a: { nameZh: string; nameEn: string } | null) => (a ? (i18n.language === 'en' ? a.nameEn : a.nameZh) : '—');
  if (loading && !data) return <Loading />;
  const announced = data?.announced?.nodes ?? [];
  const conferred = data?.conferred;
  return (
    <Page title={t('announcementsTitle')}>
      <Refused error={error} />
      <section aria-labelledby="announced">
        <h2 id="announced">{t('announced')}</h2>
        <p className="notice" data-testid="how-to-object">
          {t('howToObject')} {!session && <Link to="/sign-in?next=%2Fannouncements">{t('signInToObject')}</Link>}
        </p>
        {announced.length === 0 ? (
          <p data-testid="no-announced">{t('noAnnounced')}</p>
        ) : (
          <table data-testid="announced-honors">
            <thead>
              <tr>
                <th scope="col">{t('recipient')}</th>
                <th scope="col">{t('organization')}</th>
                <th scope="col">{t('awardType')}</th>
                <th scope="col">{t('announcedAt')}</th>
                <th scope="col">{t('closesAt')}</th>
              </tr>
            </thead>
            <tbody>
              {announced.map((h) => (
                <tr key={h.id} data-honor={h.id}>
                  <th scope="row" data-cell="recipient">
                    {h.recipientName}
                  </th>
                  <td>{h.organizationName}</td>
                  <td data-cell="award" data-award={h.awardType?.code}>
                    {award(h.awardType)}
                  </td>
                  <td>{h.announcedAt && <time dateTime={h.announcedAt}>{beijingDateTime(h.announcedAt)}</time>}</td>
                  <td data-cell="closes">
                    {h.objectionsCloseAt && <time dateTime={h.objectionsCloseAt}>{beijingDateTime(h.objectionsCloseAt)}</time>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="hint">{t('beijingTime')}</p>
      </section>
      {session && announced.length > 0 && <ObjectionForm honors={announced} />}
      <section aria-labelledby="conferred">
        <h2 id="conferred">{t('conferred')}</h2>
        {!conferred || conferred.nodes.length === 0 ? (
          <p>{t('noConferred')}</p>
        ) : (
          <>
            <p data-testid="conferred-count">{t('conferredCount', { shown: conferred.nodes.length, total: conferred.totalCount })}</p>
            <table data-testid="conferred-honors">
              <thead>
                <tr>
                  <th scope="col">{t('recipient')}</th>
                  <th scope="col">{t('organization')}</th>
                  <th scope="col">{t('awardType')}</th>
                  <th scope="col">{t('conferredOn')}</th>
                  <th scope="col">{t('decision')}</th>
                </tr>
              </thead>
              <tbody>
                {conferred.nodes.map((h) => (
                  <tr key={h.id} data-honor={h.id}>
                    <th scope="row">{h.recipientName}</th>
                    <td>{h.organizationName}</td>
                    <td>{award(h.awardType)}</td>
                    <td>{h.conferredOn}</td>
                    <td>{h.decisionNumber}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </Page>
  );
}
