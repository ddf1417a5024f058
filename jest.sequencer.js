// The order jest starts the test files in: the browser journeys first, then the rest as jest
// orders them (slowest and failed first, once it has timings). A journey runs Chromium beside a
// replayed graph and takes more than its core; started first, the journeys share the machine
// with each other and the quick files, and the long replays and whole-graph suites that follow
// no longer run beside a browser.
const { default: Sequencer } = require('@jest/test-sequencer');
const { sep } = require('node:path');

const JOURNEYS = `${sep}apps${sep}web${sep}test${sep}journeys${sep}`;

class JourneysFirst extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    return [...sorted.filter((t) => t.path.includes(JOURNEYS)), ...sorted.filter((t) => !t.path.includes(JOURNEYS))];
  }
}

module.exports = JourneysFirst;
