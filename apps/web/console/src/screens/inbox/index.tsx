import { useMutation, useQuery } from '@apollo/client/react';
import {
  InboxDocument,
  type InboxQuery,
  MarkNotificationsReadDocument,
  SetEmailPreferenceDocument,
  InboxUnreadCountDocument,
} from '@meritgraph/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../session';
import { Loading, Page } from '../../ui/Page';
import { Refused } from '../../ui/Refused';

type Me = NonNullable<InboxQuery['me']>;

function Preferences({ me }: { me: Me }) {
  const { t } = useTranslation('inbox');
  const [setPreference, { error }] = useMutation(SetEmailPreferenceDocument);
  if (!me.emailPreferences.length) return null;
  return (
    <section aria-labelledby="email-preferences" data-testid="email-preferences">
      <h2 id="email-preferences">{t('preferences')}</h2>
      <p className="hint">{t('preferencesHint')}</p>
      <Refused error={error} />
      <ul className="plain">
        {me.emailPreferences.map((p) => (
          <li key={p.kind}>
            <label>
              <input
                type="checkbox"
                data-testid={`email-${p.kind}`}
                checked={p.enabled}
                onChange={(e) =>
                  void setPreference({
                    variables: { kind: p.kind, enabled: e.target.checked },
                    refetchQueries: [InboxDocument],
                  }).catch(() => undefined)
                }
              />{' '}
              {t(`kind.${p.kind}`)}
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The caller's inbox: its notifications newest first (all or unread), marking read, and which kinds also come by email. */
export default function InboxScreen() {
  const { t, i18n } = useTranslation('inbox');
  const session = useSession();
  const [unread, setUnread] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const { data, error, loading, fetchMore } = useQuery(InboxDocument, {
    variables: { unread, first: 20 },
    skip: !session,
    fetchPolicy: 'cache-and-network',
  });
  const refetchQueries = [InboxDocument, InboxUnreadCountDocument];
  const [markRead, marking] = useMutation(MarkNotificationsReadDocument, { refetchQueries });
  const me = data?.me;
  const list = me?.notifications;
  const rows = list?.nodes ?? [];
  const mark = (ids?: string[]) =>
    void markRead({ variables: { ids } })
      .then((r) => setNote(t('marked', { count: r.data?.markNotificationsRead.marked ?? 0 })))
      .catch(() => undefined);
  return (
    <Page
      title={t('title')}
      actions={
        me ? (
          <button type="button" data-testid="mark-all-read" disabled={marking.loading || me.unreadCount === 0} onClick={() => mark()}>
            {t('markAllRead')}
          </button>
        ) : null
      }
    >
      {!session ? <p className="notice">{t('signInFirst')}</p> : null}
      <Refused error={error ?? marking.error} />
      {loading && !data ? <Loading /> : null}
      {note ? (
        <p role="status" className="notice">
          {note}
        </p>
      ) : null}
      {me && list ? (
        <>
          <p data-testid="inbox-summary" data-unread={me.unreadCount}>
            {t('summary', { total: list.totalCount, unread: me.unreadCount })}
          </p>
          <label>
            <input type="checkbox" data-testid="unread-only" checked={unread} onChange={(e) => setUnread(e.target.checked)} />{' '}
            {t('unreadOnly')}
          </label>
          {rows.length === 0 ? <p className="notice">{unread ? t('emptyUnread') : t('empty')}</p> : null}
          <ol className="inbox" data-testid="notifications">
            {rows.map((n) => (
              <li
                key={n.id}
                data-testid="notification"
                data-kind={n.kind}
                data-read={n.readAt ? 'true' : 'false'}
                className={n.readAt ? 'read' : 'unread'}
              >
                <article>
                  <h2>
                    <span className="tag">{n.readAt ? t('read') : t('unread')}</span> {n.title}
                  </h2>
                  <p>{n.body}</p>
                  <p className="meta">
                    {t(`kind.${n.kind}`)} ·{' '}
                    <time dateTime={String(n.createdAt)}>
                      {new Date(String(n.createdAt)).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN')}
                    </time>
                  </p>
                  {n.link ? (
                    <Link to={n.link} onClick={() => (n.readAt ? undefined : mark([n.id]))}>
                      {t('open')}
                    </Link>
                  ) : null}{' '}
                  {n.readAt ? null : (
                    <button type="button" data-testid="mark-read" disabled={marking.loading} onClick={() => mark([n.id])}>
                      {t('markRead')}
                    </button>
                  )}
                </article>
              </li>
            ))}
          </ol>
          {list.pageInfo.hasNextPage ? (
            <button type="button" onClick={() => void fetchMore({ variables: { after: list.pageInfo.endCursor } }).catch(() => undefined)}>
              {t('more')}
            </button>
          ) : null}
          <Preferences me={me} />
        </>
      ) : null}
    </Page>
  );
}
