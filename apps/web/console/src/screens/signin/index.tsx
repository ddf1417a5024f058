import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate, useSearchParams } from 'react-router';
import { useApolloClient } from '@apollo/client/react';
import { consoleConfig } from '../../config';
import { startOidcSignIn } from '../../oidc';
import { sessionFromToken, signIn } from '../../session';
import { Page } from '../../ui/Page';
import { Callback } from './Callback';
import { homeOf } from './home';

export { HOME, homeOf } from './home';

/** The identity provider's sign-in: the browser leaves for the provider and returns to /auth/callback. */
function OidcSignIn({ next }: { next: string | null }) {
  const { t } = useTranslation('signin');
  const [state, setState] = useState<'idle' | 'leaving' | 'failed'>('idle');
  return (
    <>
      <h2>{t('oidcHeading')}</h2>
      <p>{t('oidcHint')}</p>
      <button
        type="button"
        className="primary"
        data-testid="oidc-sign-in"
        disabled={state === 'leaving'}
        onClick={() => {
          setState('leaving');
          startOidcSignIn(next).catch(() => setState('failed'));
        }}
      >
        {t('oidc')}
      </button>
      {state === 'failed' && (
        <p role="alert" className="refused" data-testid="oidc-unavailable">
          {t('oidcUnreachable')}
        </p>
      )}
    </>
  );
}

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
      {oidc && <OidcSignIn next={next} />}
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
      <Route path="callback" element={<Callback />} />
      <Route path="*" element={<SignIn />} />
    </Routes>
  );
}
