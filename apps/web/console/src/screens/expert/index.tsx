import { Route, Routes } from 'react-router';
import { Assignments } from './Assignments';
import { Batch } from './Batch';
import { EntryScreen } from './EntryScreen';

/** The expert's screens: its assignments across open rounds, one entry with its scorecard, and a round's batch of scorecards. */
export default function ExpertArea() {
  return (
    <Routes>
      <Route index element={<Assignments />} />
      <Route path="entries/:entryId" element={<EntryScreen />} />
      <Route path="rounds/:roundId/batch" element={<Batch />} />
    </Routes>
  );
}
