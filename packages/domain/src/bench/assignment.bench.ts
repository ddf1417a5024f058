/**
 * Times planAssignment on a contest the size of the 2019 one (294 entries, 31 experts), on ten
 * times that, and on a hundred times the entries with a pool of 10,000 experts, planned with
 * candidatesPerEntry. Instances come from a fixed seed, so runs compare like with like.
 *
 *   npm run build -w @meritgraph/domain && node packages/domain/dist/bench/assignment.bench.js
 */
import { performance } from 'node:perf_hooks';
import { planAssignment, type AssignmentEntry, type AssignmentProblemInput } from '../assignment';

/** mulberry32: small, fast and the same on every platform. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

// The 2019 contest: entries per track. BIG_SCIENCE draws few entries but still needs a full panel.
const TRACKS = [
  { id: 'IC', entries: 90, expertWeight: 90 },
  { id: 'AI', entries: 100, expertWeight: 100 },
  { id: 'BIOMED', entries: 100, expertWeight: 100 },
  { id: 'BIG_SCIENCE', entries: 4, expertWeight: 12 },
];

interface Case {
  label: string;
  scale: number;
  experts: number;
  minLoad: number;
  maxLoad: number;
  runs: number;
  candidatesPerEntry?: number;
  /** Past a few million pairs a conflict set is too big to hold, so conflicts come from a hash. */
  hashedConflicts?: boolean;
}

function instance(c: Case): AssignmentProblemInput {
  const random = prng(2019);
  const pick = (weights: number[]): number => {
    let r = random() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < weights.length; i++) if ((r -= weights[i]!) < 0) return i;
    return weights.length - 1;
  };

  const entries: AssignmentEntry[] = TRACKS.flatMap((t) =>
    Array.from({ length: t.entries * c.scale }, (_, i) => ({ id: `2019-${t.id}-${String(i + 1).padStart(5, '0')}`, trackId: t.id })),
  );
  const experts: { id: string; trackIds: string[] }[] = Array.from({ length: c.experts }, (_, i) => {
    const primary = pick(TRACKS.map((t) => t.expertWeight));
    const trackIds = [TRACKS[primary]!.id];
    // A big-science expert always covers a second track: four entries alone would leave them idle.
    if (TRACKS[primary]!.id === 'BIG_SCIENCE' || random() < 0.5) {
      trackIds.push(TRACKS[pick(TRACKS.map((t, k) => (k === primary ? 0 : t.expertWeight)))]!.id);
    }
    return { id: `expert-${String(i + 1).padStart(5, '0')}`, trackIds };
  });
  // A panel needs more than perEntry experts once conflicts strike some out: a rare track
  // borrows experts who so far cover one track only.
  const panel = 8;
  for (const t of TRACKS) {
    let covering = experts.filter((x) => x.trackIds.includes(t.id)).length;
    for (const x of experts) {
      if (covering >= panel) break;
      if (x.trackIds.length === 1 && x.trackIds[0] !== t.id) {
        x.trackIds.push(t.id);
        covering++;
      }
    }
  }

  let blocked: (expertId: string, entryId: string) => boolean;
  if (c.hashedConflicts) {
    blocked = (expertId, entryId) => hash(`${expertId}|${entryId}`) % 100 < 3;
  } else {
    const conflicts = new Set<string>();
    for (const x of experts) for (const e of entries) if (random() < 0.03) conflicts.add(`${x.id}|${e.id}`);
    blocked = (expertId, entryId) => conflicts.has(`${expertId}|${entryId}`);
  }

  return { entries, experts, perEntry: 5, minLoad: c.minLoad, maxLoad: c.maxLoad, blocked, candidatesPerEntry: c.candidatesPerEntry };
}

const CASES: Case[] = [
  { label: '2019', scale: 1, experts: 31, minLoad: 30, maxLoad: 60, runs: 21 },
  { label: '2019 ×10', scale: 10, experts: 310, minLoad: 30, maxLoad: 60, runs: 7 },
  {
    label: '2019 ×100, pool of 10,000',
    scale: 100,
    experts: 10_000,
    minLoad: 10,
    maxLoad: 20,
    runs: 3,
    candidatesPerEntry: 40,
    hashedConflicts: true,
  },
];

for (const c of CASES) {
  const input = instance(c);
  const times: number[] = [];
  // The first plan warms the compiler up and is not timed.
  let plan = planAssignment(input);
  for (let run = 0; run < c.runs; run++) {
    const started = performance.now();
    plan = planAssignment(input);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const loads = plan.loads.map((l) => l.load);
  const size = `${input.entries.length} entries × ${input.experts.length} experts × ${input.perEntry}`;
  const candidates = c.candidatesPerEntry === undefined ? '' : `, ${c.candidatesPerEntry} candidates per entry`;
  console.log(
    `${c.label} (${size}${candidates}): median ${times[times.length >> 1]!.toFixed(0)} ms, max ${times[times.length - 1]!.toFixed(0)} ms; ` +
      `${plan.assignments.length} assigned, ${plan.unstaffed.length} unstaffed, ${plan.underloaded.length} underloaded, ` +
      `load ${Math.min(...loads)}..${Math.max(...loads)}`,
  );
}
