import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { type Role, hasRole, useSession } from '../session';

/**
 * A screen for some roles only: anyone else sees a sign-in prompt and nothing of the screen
 * (the graph refuses them anyway; this keeps the screen from asking).
 */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const session = useSession();
  const { t } = useTranslation();
  const location = useLocation();
  if (hasRole(session, ...roles)) return <>{children}</>;
  return (
    <section className="page" data-testid="sign-in-required">
      <h1>{t('forbidden')}</h1>
      <p>
        <Link to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>{t('nav.signIn')}</Link>
      </p>
    </section>
  );
}
