// The test run's replay templates: one folder for the run, removed by the teardown.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): void {
  process.env.REPLAY_TEMPLATES ??= mkdtempSync(join(tmpdir(), 'mg-replay-templates-'));
}
