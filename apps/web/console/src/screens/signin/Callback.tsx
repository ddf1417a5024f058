import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApolloClient } from '@apollo/client/react';
import { finishOidcSignIn, oidcRefusal } from '../../oidc';
import { signIn } from '../../session';
import { Page } from '../../ui/Page';
import { homeOf } from './home';

/**
 * Where the identity provider sends the browser back (/auth/callback): the code is exchanged
 * for the tokens, the access token becomes the session, and the user goes on to where they
 * were going, or to their role's home.
 */
export function Callback() {
  const { t } = useTranslation('signin');
  const navigate = useNavigate();
  const client = useApolloClient();
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    finishOidcSignIn().then(
      ({ session, next }) => {
        if (!current) return;
        signIn(session);
        void client.clearStore();
        void navigate(next ?? homeOf(session.roles), { replace: true });
      },
      (error: unknown) => {
        if (current) setFailed(oidcRefusal(error) ?? t('reasonUnknown'));
      },
    );
    return () => {
      current = false;
    };
  }, [client, navigate, t]);
  return (
    <Page title={t('title')}>
      {failed === null ? (
        <p aria-busy="true" data-testid="oidc-callback">
          {t('callback')}
        </p>
      ) : (
        <>
          <p role="alert" className="refused" data-testid="oidc-callback-failed">
            {t('callbackFailed', { reason: failed })}
          </p>
          <p>
            <Link to="/sign-in">{t('again')}</Link>
          </p>
        </>
      )}
    </Page>
  );
}
