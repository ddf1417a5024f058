import { useQuery } from '@apollo/client/react';
import { PublicContestsDocument, PublicDownloadsDocument } from '@meritgraph/client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, Page } from '../../ui/Page';
import { Refused } from '../../ui/Refused';
import { IMPORT_KINDS } from '../imports/report';
import { ContestPicker } from './ContestPicker';
import { beijingDateTime, useChosenContest } from './contests';
import { fileSize } from './notices';

/** 下载专区: the import templates, and every file of the contest's published notices. */
export function DownloadsPage() {
  const { t } = useTranslation('public');
  const { t: ti } = useTranslation('imports');
  const list = useQuery(PublicContestsDocument, { errorPolicy: 'all' });
  const contests = list.data?.contests?.nodes ?? [];
  const [code, choose] = useChosenContest(list.data ? contests : undefined);
  const contest = contests.find((c) => c.code === code);
  const { data, error, loading } = useQuery(PublicDownloadsDocument, {
    variables: { contestId: contest?.id ?? '' },
    skip: !contest,
    errorPolicy: 'all',
  });
  const files = (data?.notices?.nodes ?? []).flatMap((n) => n.attachments.map((a) => ({ ...a, notice: n })));
  return (
    <Page title={t('downloadsTitle')} actions={<ContestPicker contests={contests} value={code} onChange={choose} />}>
      <Refused error={error ?? list.error} />
      <section aria-labelledby="templates">
        <h2 id="templates">{t('templatesTitle')}</h2>
        <p>{t('templatesIntro')}</p>
        <ul data-testid="download-templates">
          {IMPORT_KINDS.map((k) => (
            <li key={k}>
              <a href={`/templates/${k}.xlsx`} download={`${k}.xlsx`} data-kind={k}>
                {ti('template', { kind: ti(`kind.${k}`) })}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="notice-downloads">
        <h2 id="notice-downloads">{t('noticeDownloads')}</h2>
        {(list.loading || loading) && !data ? (
          <Loading />
        ) : files.length === 0 ? (
          <p data-testid="no-downloads">{t('noDownloads')}</p>
        ) : (
          <table data-testid="notice-downloads">
            <thead>
              <tr>
                <th scope="col">{t('fileName')}</th>
                <th scope="col">{t('fileSize')}</th>
                <th scope="col">{t('fromNotice')}</th>
                <th scope="col">{t('publishedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {files.map((f) => (
                <tr key={f.id} data-file={f.id}>
                  <th scope="row">
                    {f.downloadUrl ? (
                      <a href={f.downloadUrl} download={f.fileName}>
                        {f.fileName}
                      </a>
                    ) : (
                      f.fileName
                    )}
                  </th>
                  <td>{fileSize(f.size)}</td>
                  <td>
                    <Link to={`/notices/${f.notice.id}`}>{f.notice.title}</Link>
                  </td>
                  <td>
                    {f.notice.publishedAt && (
                      <time dateTime={f.notice.publishedAt}>{beijingDateTime(f.notice.publishedAt).slice(0, 10)}</time>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </Page>
  );
}
