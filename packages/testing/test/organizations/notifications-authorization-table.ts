import { ALL, type Row, SIGNED_IN, root } from '../gateway/authorization-matrix';

/**
 * The authorization rows of the inbox, served by organizations. `me` answers everyone (null to
 * anonymous callers, without an error: notifier/inbox.spec shows what each caller reads);
 * marking read and preferences need a signed-in caller (its person, sub).
 */
export const NOTIFICATIONS_TABLE: Row[] = [
  {
    operation: 'Query.me',
    scenario: 'the caller’s inbox (null for anonymous callers)',
    allowed: ALL,
    pick: (data) => (data && 'me' in data ? 'answered' : null),
    run: (api) => api.request(`{ me { unreadCount notifications(first: 5) { totalCount } emailPreferences { kind enabled } } }`),
  },
  {
    operation: 'Mutation.markNotificationsRead',
    scenario: 'all of the caller’s (every signed-in caller holds its own person’s inbox)',
    allowed: SIGNED_IN,
    pick: root('markNotificationsRead'),
    run: (api) => api.request(`mutation { markNotificationsRead { marked unreadCount } }`),
  },
  {
    operation: 'Mutation.setEmailPreference',
    scenario: 'one kind off, for the caller’s person (sub)',
    allowed: SIGNED_IN,
    pick: root('setEmailPreference'),
    run: (api) => api.request(`mutation { setEmailPreference(kind: RESULTS_PUBLISHED, enabled: false) { kind enabled } }`),
  },
];
