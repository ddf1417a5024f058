import { Route, Routes } from 'react-router';
import { AnnouncementsPage } from './Announcements';
import { ContestPage } from './Contest';

/** The public pages: no sign-in needed. Any other path here is the contest page. */
export default function PublicArea() {
  return (
    <Routes>
      <Route path="announcements" element={<AnnouncementsPage />} />
      <Route path="*" element={<ContestPage />} />
    </Routes>
  );
}
