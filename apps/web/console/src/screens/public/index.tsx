import { Route, Routes } from 'react-router';
import { AnnouncementsPage } from './Announcements';
import { ContestPage } from './Contest';
import { DownloadsPage } from './Downloads';
import { NoticeScreen } from './NoticeScreen';
import { NoticesPage } from './Notices';

/** The public pages: no sign-in needed. Any other path here is the contest page. */
export default function PublicArea() {
  return (
    <Routes>
      <Route path="announcements" element={<AnnouncementsPage />} />
      <Route path="notices" element={<NoticesPage />} />
      <Route path="notices/:id" element={<NoticeScreen />} />
      <Route path="downloads" element={<DownloadsPage />} />
      <Route path="*" element={<ContestPage />} />
    </Routes>
  );
}
