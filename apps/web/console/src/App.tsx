import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { Layout } from './Layout';
import { Loading } from './ui/Page';
import { RequireRole } from './ui/RequireRole';

// Each area is its own chunk: the public pages load without the office's charts.
const PublicArea = lazy(() => import('./screens/public'));
const SignInArea = lazy(() => import('./screens/signin'));
const OfficeArea = lazy(() => import('./screens/office'));
const ExpertArea = lazy(() => import('./screens/expert'));
const UnitArea = lazy(() => import('./screens/unit'));
const OrganizerArea = lazy(() => import('./screens/organizer'));
const InboxScreen = lazy(() => import('./screens/inbox'));

function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t('notFound')}</h1>
    </section>
  );
}

export function App() {
  return (
    <Layout>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/sign-in/*" element={<SignInArea />} />
          <Route path="/auth/*" element={<SignInArea />} />
          <Route
            path="/office/*"
            element={
              <RequireRole roles={['ADMIN']}>
                <OfficeArea />
              </RequireRole>
            }
          />
          <Route
            path="/expert/*"
            element={
              <RequireRole roles={['EXPERT']}>
                <ExpertArea />
              </RequireRole>
            }
          />
          <Route
            path="/unit/*"
            element={
              <RequireRole roles={['SUBMITTER']}>
                <UnitArea />
              </RequireRole>
            }
          />
          <Route
            path="/organizer/*"
            element={
              <RequireRole roles={['ORGANIZER']}>
                <OrganizerArea />
              </RequireRole>
            }
          />
          <Route path="/inbox" element={<InboxScreen />} />
          <Route path="/404" element={<NotFound />} />
          <Route path="/*" element={<PublicArea />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
