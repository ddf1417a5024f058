import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { Page } from '../../ui/Page';
import { Dashboard } from './Dashboard';

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

/** The contest office's area (ADMIN; the shell guards it): the dashboard and the imports. */
export default function OfficeArea() {
  return (
    <Routes>
      <Route index element={<Dashboard />} />
      <Route path="imports" element={<Imports />} />
      <Route path="*" element={<Dashboard />} />
    </Routes>
  );
}
