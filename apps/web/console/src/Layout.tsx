import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate } from 'react-router';
import { useApolloClient } from '@apollo/client/react';
import { LANGUAGES, setLanguage } from './i18n';
import { InboxLink } from './screens/inbox/InboxLink';
import { type Role, hasRole, signOut, useSession } from './session';

const AREAS: { to: string; label: string; roles?: Role[] }[] = [
  { to: '/', label: 'nav.contest' },
  { to: '/announcements', label: 'nav.announcements' },
  { to: '/notices', label: 'nav.notices' },
  { to: '/downloads', label: 'nav.downloads' },
  { to: '/office', label: 'nav.office', roles: ['ADMIN'] },
  { to: '/expert', label: 'nav.expert', roles: ['EXPERT'] },
  { to: '/unit', label: 'nav.unit', roles: ['SUBMITTER'] },
  { to: '/organizer', label: 'nav.organizer', roles: ['ORGANIZER'] },
];

/** The shell: the brand, the areas the signed-in roles may use, the language switch and sign-in/out. */
export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const client = useApolloClient();
  const navigate = useNavigate();
  const who = session ? (session.label ?? session.roles.map((r) => t(`roles.${r}`)).join('、')) : null;
  return (
    <>
      <a className="skip" href="#main">
        {t('skipToContent')}
      </a>
      <header className="shell">
        <span className="brand">{t('brand')}</span>
        <nav aria-label={t('brand')}>
          <ul>
            {AREAS.filter((a) => !a.roles || hasRole(session, ...a.roles)).map((a) => (
              <li key={a.to}>
                <NavLink to={a.to} end={a.to === '/'}>
                  {t(a.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="account">
          <label>
            <span className="visually-hidden">{t('language')}</span>
            <select value={i18n.language === 'en' ? 'en' : 'zh'} onChange={(e) => setLanguage(e.target.value as 'zh' | 'en')}>
              {LANGUAGES.map((l) => (
                <option key={l.code} value={l.code}>
                  {l.label}
                </option>
              ))}
            </select>
          </label>
          {session ? (
            <>
              <InboxLink />
              <span data-testid="signed-in-as">{t('signedInAs', { who })}</span>
              <button
                type="button"
                onClick={() => {
                  void client.clearStore();
                  const here = () => {
                    signOut();
                    void navigate('/');
                  };
                  // Signed in at the provider: end that session too (its end-session endpoint returns to /).
                  if (session.via === 'oidc') void import('./oidc').then((oidc) => oidc.signOutEverywhere()).catch(here);
                  else here();
                }}
              >
                {t('nav.signOut')}
              </button>
            </>
          ) : (
            <NavLink to="/sign-in">{t('nav.signIn')}</NavLink>
          )}
        </div>
      </header>
      <main id="main">{children}</main>
    </>
  );
}
