import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Route, Routes, useLocation } from 'react-router';
import { Page } from '../../ui/Page';
import { Dashboard } from './Dashboard';
import { FormCheck } from './FormCheck';

// The import screen is a chunk of its own: the dashboard loads without it.
const ImportScreen = lazy(() => import('../imports'));

function Imports() {
  const { t } = useTranslation('office');
  return (
    <Page title={t('importsTitle')} actions={<Link to="/office">{t('backToDashboard')}</Link>}>
      <ImportScreen kinds={['organizations', 'people', 'experts', 'enrolments']} />
    </Page>
  );
}

/** The office's pages: the dashboard and the form check, keeping the chosen contest. */
function OfficeNav() {
  const { t } = useTranslation('office');
  const { search } = useLocation();
  const tabs = [
    { to: '/office', label: 'tabs.dashboard' },
    { to: '/office/form-check', label: 'tabs.formCheck' },
  ];
  return (
    <nav aria-label={t('sections')}>
      <ul style={{ display: 'flex', gap: 16, listStyle: 'none', padding: 0, margin: '0 0 4px' }}>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={{ pathname: tab.to, search }} end style={({ isActive }) => (isActive ? { fontWeight: 600 } : undefined)}>
              {t(tab.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The contest office's area (ADMIN; the shell guards it): the dashboard, the form check and the imports. */
export default function OfficeArea() {
  return (
    <>
      <OfficeNav />
      <Routes>
        <Route index element={<Dashboard />} />
        <Route path="imports" element={<Imports />} />
        <Route path="form-check" element={<FormCheck />} />
        <Route path="*" element={<Dashboard />} />
      </Routes>
    </>
  );
}
