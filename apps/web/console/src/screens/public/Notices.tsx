import { useQuery } from '@apollo/client/react';
import { type NoticeKind, PublicContestsDocument, PublicNoticesDocument } from '@meritgraph/client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, Page } from '../../ui/Page';
import { Refused } from '../../ui/Refused';
import { ContestPicker } from './ContestPicker';
import { beijingDateTime, useChosenContest } from './contests';
import { NOTICE_KINDS } from './notices';

const PAGE_SIZE = 10;

/** 通知公告: a contest's published notices, newest first, by kind, a page at a time. */
export function NoticesPage() {
  const { t } = useTranslation('public');
  const kindId = useId();
  const list = useQuery(PublicContestsDocument, { errorPolicy: 'all' });
  const contests = list.data?.contests?.nodes ?? [];
  const [code, choose] = useChosenContest(list.data ? contests : undefined);
  const contest = contests.find((c) => c.code === code);
  const [kind, setKind] = useState<NoticeKind | ''>('');
  // The cursors of the pages before this one: the first page has none.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors.at(-1) ?? null;
  const { data, error, loading } = useQuery(PublicNoticesDocument, {
    variables: { contestId: contest?.id, kinds: kind ? [kind] : null, first: PAGE_SIZE, after },
    skip: !contest,
    errorPolicy: 'all',
  });
  const notices = data?.notices;
  const picker = (
    <ContestPicker
      contests={contests}
      value={code}
      onChange={(next) => {
        setCursors([null]);
        choose(next);
      }}
    />
  );
  return (
    <Page title={t('noticesTitle')} actions={picker}>
      <Refused error={error ?? list.error} />
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={kindId}>{t('noticeKindFilter')}</label>{' '}
        <select
          id={kindId}
          data-testid="notice-kind"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as NoticeKind | '');
            setCursors([null]);
          }}
        >
          <option value="">{t('allKinds')}</option>
          {NOTICE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`noticeKind.${k}`)}
            </option>
          ))}
        </select>
      </form>
      {(list.loading || loading) && !notices ? (
        <Loading />
      ) : !notices || notices.nodes.length === 0 ? (
        <p data-testid="no-notices">{t('noNotices')}</p>
      ) : (
        <>
          <ul className="notice-list" data-testid="notices">
            {notices.nodes.map((n) => (
              <li key={n.id} data-notice={n.id} data-kind={n.kind}>
                <span className="tag">{t(`noticeKind.${n.kind}`)}</span> <Link to={`/notices/${n.id}`}>{n.title}</Link>{' '}
                {n.publishedAt && (
                  <time dateTime={n.publishedAt} data-cell="published">
                    {beijingDateTime(n.publishedAt).slice(0, 10)}
                  </time>
                )}
                {n.attachments.length > 0 && <span className="hint"> {t('withFiles', { count: n.attachments.length })}</span>}
              </li>
            ))}
          </ul>
          <p data-testid="notices-count">{t('noticesCount', { total: notices.totalCount })}</p>
          <nav aria-label={t('noticePages')} className="pager">
            <button type="button" disabled={cursors.length < 2} onClick={() => setCursors(cursors.slice(0, -1))}>
              {t('previousPage')}
            </button>{' '}
            <button
              type="button"
              disabled={!notices.pageInfo.hasNextPage}
              onClick={() => setCursors([...cursors, notices.pageInfo.endCursor ?? null])}
            >
              {t('nextPage')}
            </button>
          </nav>
        </>
      )}
      <p className="hint">{t('beijingTime')}</p>
    </Page>
  );
}

/** The contest page's latest notices: the five newest, linking to the list. */
export function LatestNotices({ contestId }: { contestId: string }) {
  const { t } = useTranslation('public');
  const { data } = useQuery(PublicNoticesDocument, { variables: { contestId, first: 5 }, errorPolicy: 'all' });
  const nodes = data?.notices?.nodes ?? [];
  return (
    <section aria-labelledby="latest-notices">
      <h2 id="latest-notices">{t('latestNotices')}</h2>
      {nodes.length === 0 ? (
        <p>{t('noNotices')}</p>
      ) : (
        <ul className="notice-list" data-testid="latest-notices">
          {nodes.map((n) => (
            <li key={n.id} data-notice={n.id}>
              <span className="tag">{t(`noticeKind.${n.kind}`)}</span> <Link to={`/notices/${n.id}`}>{n.title}</Link>{' '}
              {n.publishedAt && <time dateTime={n.publishedAt}>{beijingDateTime(n.publishedAt).slice(0, 10)}</time>}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/notices">{t('allNotices')}</Link> · <Link to="/downloads">{t('downloadsTitle')}</Link>
      </p>
    </section>
  );
}
