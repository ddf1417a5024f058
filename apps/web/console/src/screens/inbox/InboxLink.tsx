import { useQuery } from '@apollo/client/react';
import { InboxUnreadCountDocument } from '@meritgraph/client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The shell's link to the inbox, with the number unread. */
export function InboxLink() {
  const { t } = useTranslation('inbox');
  const { data } = useQuery(InboxUnreadCountDocument, { fetchPolicy: 'cache-and-network', pollInterval: 60_000 });
  const count = data?.me?.unreadCount ?? 0;
  return (
    <Link to="/inbox" data-testid="inbox-link" data-unread={count}>
      {count ? t('navUnread', { count }) : t('nav')}
    </Link>
  );
}
