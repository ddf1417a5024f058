import { Route, Routes } from 'react-router';
import { Enrolments } from './Enrolments';
import { Nominations } from './Nominations';
import { Submissions } from './Submissions';
import { Units } from './Units';

export default function OrganizerArea() {
  return (
    <Routes>
      <Route index element={<Units />} />
      <Route path="enrolments" element={<Enrolments />} />
      <Route path="submissions" element={<Submissions />} />
      <Route path="nominations" element={<Nominations />} />
    </Routes>
  );
}
