import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate, useSearchParams } from 'react-router';
import { useApolloClient } from '@apollo/client/react';
import { consoleConfig } from '../../config';
import { type Role, sessionFromToken, signIn } from '../../session';
import { Page } from '../../ui/Page';

/** Where each role lands after signing in. */
export const HOME: Record<Role, string> = {
  ADMIN: '/office',
  EXPERT: '/expert',
  SUBMITTER: '/unit',
  ORGANIZER: '/organizer',
  ANALYST: '/',
  AGENCY: '/announcements',
};

export const homeOf = (roles: Role[]): string => (roles[0] ? HOME[roles[0]] : '/');

function SignIn() {
  const { t } = useTranslation('signin');
  const { t: common } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useApolloClient();
  const { development, oidc } = consoleConfig();
  const next = params.get('next');
  return (
    <Page title={t('title')}>
      {oidc && <p>{t('oidc')}</p>}
      {development && (
        <>
          <h2>{t('development')}</h2>
          <p>{t('developmentHint')}</p>
          <ul className="cards" aria-label={t('development')}>
            {development.map((identity) => (
              <li key={identity.role} className="card">
                <strong>{common(`roles.${identity.role}`)}</strong>
                <p>{identity.label}</p>
                <button
                  type="button"
                  className="primary"
                  data-role={identity.role}
                  onClick={() => {
                    const session = sessionFromToken(identity.token, 'development', identity.label);
                    signIn(session);
                    void client.clearStore();
                    void navigate(next && next.startsWith('/') ? next : homeOf(session.roles));
                  }}
                >
                  {t('pick')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {!development && !oidc && <p role="alert">{t('unavailable')}</p>}
    </Page>
  );
}

export default function SignInArea() {
  return (
    <Routes>
      <Route index element={<SignIn />} />
      <Route path="*" element={<SignIn />} />
    </Routes>
  );
}
