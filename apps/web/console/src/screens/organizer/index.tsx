import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { Page } from '../../ui/Page';
import { Endorsement } from './Endorsement';
import { Enrolments } from './Enrolments';
import { OrganizerNav } from './Nav';
import { Nominations } from './Nominations';
import { Submissions } from './Submissions';
import { Units } from './Units';

const ImportScreen = lazy(() => import('../imports'));

/** The union's enrolments from a sheet: the import screen for that one kind. */
function ImportEnrolments() {
  const { t } = useTranslation('organizer');
  return (
    <Page title={t('tabs.imports')}>
      <OrganizerNav />
      <ImportScreen kinds={['enrolments']} />
    </Page>
  );
}

export default function OrganizerArea() {
  return (
    <Routes>
      <Route index element={<Units />} />
      <Route path="enrolments" element={<Enrolments />} />
      <Route path="imports" element={<ImportEnrolments />} />
      <Route path="submissions" element={<Submissions />} />
      <Route path="endorsement" element={<Endorsement />} />
      <Route path="nominations" element={<Nominations />} />
    </Routes>
  );
}
