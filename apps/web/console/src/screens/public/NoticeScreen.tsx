import { useQuery } from '@apollo/client/react';
import { PublicNoticeDocument } from '@meritgraph/client';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Loading, Page } from '../../ui/Page';
import { Refused } from '../../ui/Refused';
import { beijingDateTime } from './contests';
import { fileSize } from './notices';

/** One notice: its kind, when and by whom it was published, its body and its files to download. */
export function NoticeScreen() {
  const { t } = useTranslation('public');
  const { id = '' } = useParams();
  const { data, error, loading } = useQuery(PublicNoticeDocument, { variables: { id }, errorPolicy: 'all' });
  if (loading && !data) return <Loading />;
  const notice = data?.notice;
  if (!notice)
    return (
      <Page title={t('noticesTitle')}>
        <Refused error={error} />
        <p className="notice" data-testid="no-notice">
          {t('noSuchNotice')}
        </p>
        <Link to="/notices">{t('allNotices')}</Link>
      </Page>
    );
  return (
    <Page title={notice.title}>
      <Refused error={error} />
      <article data-testid="notice" data-notice={notice.id}>
        <p className="facts">
          <span className="tag">{t(`noticeKind.${notice.kind}`)}</span> {notice.author}
          {notice.publishedAt && (
            <>
              {' · '}
              {t('publishedAt')}{' '}
              <time dateTime={notice.publishedAt} data-testid="notice-published">
                {beijingDateTime(notice.publishedAt)}
              </time>
            </>
          )}
        </p>
        {/* bodyHtml is rendered and sanitized by the graph (an allow-list of tags, no scripts or handlers): the one HTML inserted as is. */}
        <div className="notice-body" data-testid="notice-body" dangerouslySetInnerHTML={{ __html: notice.bodyHtml }} />
        {notice.attachments.length > 0 && (
          <section aria-labelledby="notice-files">
            <h2 id="notice-files">{t('noticeFiles')}</h2>
            <ul data-testid="notice-files">
              {notice.attachments.map((a) => (
                <li key={a.id}>
                  {a.downloadUrl ? (
                    <a href={a.downloadUrl} download={a.fileName} data-file={a.id}>
                      {a.fileName}
                    </a>
                  ) : (
                    a.fileName
                  )}{' '}
                  <span className="hint">({fileSize(a.size)})</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        <p>
          <Link to={`/notices?contest=${encodeURIComponent(notice.contest.code)}`}>{t('allNotices')}</Link>
        </p>
      </article>
    </Page>
  );
}
