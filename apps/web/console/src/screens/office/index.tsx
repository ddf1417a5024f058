import { Route, Routes } from 'react-router';
import { Dashboard } from './Dashboard';

/** The contest office's area (ADMIN; the shell guards it). */
export default function OfficeArea() {
  return (
    <Routes>
      <Route index element={<Dashboard />} />
      <Route path="*" element={<Dashboard />} />
    </Routes>
  );
}
