// Removes the run's replay templates: their files, and their MySQL databases. Jest loads this
// outside the test runtime, so the workspace packages it needs come from their builds (npm test builds first).
import { removeReplayTemplates } from '../src/replay/template';

export default async function teardown(): Promise<void> {
  if (process.env.REPLAY_TEMPLATES) await removeReplayTemplates(process.env.REPLAY_TEMPLATES);
}
