// The order jest starts the test files in: the browser journeys first, then the files known to
// run for minutes (the replays, the authorization matrices, the analytics questions and
// exports), then the rest as jest orders them (slowest and failed first, once it has timings).
// A journey runs Chromium beside a replayed graph and takes more than its core; started first,
// the journeys share the machine with each other and the quick files. The long files follow, so
// that none of them starts last and runs alone while the other worker has nothing left to do
// (a fresh checkout has no timings, and jest would order them by file size).
const { default: Sequencer } = require('@jest/test-sequencer');
const { sep } = require('node:path');

const JOURNEYS = `${sep}apps${sep}web${sep}test${sep}journeys${sep}`;
const LONG = [
  /replay[^/\\]*\.spec\.ts$/,
  /[/\\]authorization\.spec\.ts$/,
  /[/\\]analytics[/\\](questions|exports)\.spec\.ts$/,
  /[/\\]imports[/\\]/,
];

const rank = (path) => (path.includes(JOURNEYS) ? 0 : LONG.some((pattern) => pattern.test(path)) ? 1 : 2);

class LongestFirst extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    return [0, 1, 2].flatMap((r) => sorted.filter((t) => rank(t.path) === r));
  }
}

module.exports = LongestFirst;
