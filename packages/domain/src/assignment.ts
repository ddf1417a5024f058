import { InvalidInput, type FieldProblem } from './errors';

/**
 * Automatic assignment of experts to entries, as a min-cost max-flow in the manner of
 * HotCRP's autoassigner:
 *
 *   source → expert (one arc per unit of load, convex cost) → entry (one arc per eligible
 *   expert, expertise cost) → sink (the seats the entry still needs)
 *
 * The flow is maximal first, so as many seats as possible are filled; among maximal flows
 * the cheapest one wins. The load cost rises with every unit an expert takes, so work is
 * spread evenly, and units below minLoad carry a bonus larger than any saving elsewhere, so
 * minimums are met whenever the seats allow. Expertise comes last: one step of load
 * outweighs any one preference, so a primary-track expert wins only between plans about
 * equally balanced.
 *
 * The solver is primal-dual: Dijkstra with potentials finds the current shortest distance,
 * then a blocking flow fills every shortest path at once. Costs are small integers, so the
 * distance takes few distinct values and a plan needs few phases rather than one shortest
 * path search per seat.
 */

export interface AssignmentEntry {
  id: string;
  trackId: string;
}

export interface AssignmentExpert {
  id: string;
  /** Tracks listed first in trackIds are the expert's primary expertise: prefer them. */
  trackIds: readonly string[];
}

export interface AssignmentProblemInput {
  entries: readonly AssignmentEntry[];
  experts: readonly AssignmentExpert[];
  /** Experts each entry needs in total (including those already assigned). */
  perEntry: number;
  /** Each expert's total load (existing + new) should be within [minLoad, maxLoad]; maxLoad is hard, minLoad is a goal that is reported when missed. */
  minLoad: number;
  maxLoad: number;
  /** Pairs that may not be assigned (conflicts, declines). Must answer the same for the same pair every time. */
  blocked: (expertId: string, entryId: string) => boolean;
  /**
   * Assignments that already exist and stay; they count toward loads and per-entry staffing.
   * One for an entry outside `entries` still loads its expert (the expert works on it all the
   * same), and one by an expert outside `experts` still staffs its entry.
   */
  existing?: readonly { expertId: string; entryId: string }[];
  /**
   * For large pools: each entry is offered only this many of its eligible experts (at least
   * the seats it needs), which keeps the graph linear in entries instead of entries × experts.
   * Each entry walks its track's experts from a point and with a stride that both come from a
   * stable hash of the entry id, so candidates are spread evenly over the pool, do not depend
   * on input order, and only the experts visited are checked with `blocked`. The limit never
   * costs a seat: when an entry is left short although the full graph could fill it (directly
   * or by moving other entries' experts), the entries on the way are widened to all their
   * eligible experts and the plan is made again. Balance and expertise are optimal over the
   * candidates offered. Unset: every eligible expert is a candidate.
   */
  candidatesPerEntry?: number;
}

export type UnstaffedReason = 'NO_ELIGIBLE_EXPERTS' | 'TOO_FEW_ELIGIBLE_EXPERTS' | 'EXPERT_LOAD_LIMIT';

/**
 * An entry the plan leaves short. `needed` and `assigned` are totals (existing + new);
 * `eligible` counts the experts that could still be added (right track, not blocked, not
 * already on the entry).
 */
export interface UnstaffedEntry {
  entryId: string;
  needed: number;
  assigned: number;
  eligible: number;
  reason: UnstaffedReason;
}

export interface UnderloadedExpert {
  expertId: string;
  load: number;
  minLoad: number;
}

export interface AssignmentPlan {
  /** New assignments only, sorted by entryId then expertId. */
  assignments: { expertId: string; entryId: string }[];
  /** Every entry that did not reach perEntry, with why. */
  unstaffed: UnstaffedEntry[];
  underloaded: UnderloadedExpert[];
  /** Final total load per expert, sorted by expertId. */
  loads: { expertId: string; load: number }[];
}

// One unit of load costs more than the whole preference scale, so balance comes before
// expertise and expertise only chooses between equally balanced plans.
const MAX_PREFERENCE = 3;
const LOAD_STEP = MAX_PREFERENCE + 1;

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function planAssignment(input: AssignmentProblemInput): AssignmentPlan {
  validate(input);
  const problem = prepare(input);
  const { entries, experts } = problem;
  const complete = new Uint8Array(entries.length);
  let graph: Graph;
  for (;;) {
    graph = buildGraph(problem, complete);
    solve(graph, problem);
    if (problem.candidatesPerEntry === undefined || !widenTowardsRoom(problem, graph, complete)) break;
  }

  const assignments: { expertId: string; entryId: string }[] = [];
  const unstaffed: UnstaffedEntry[] = [];
  for (let v = 0; v < entries.length; v++) {
    const entryId = entries[v]!.id;
    let added = 0;
    for (let e = graph.entryStart[v]!; e < graph.entryStart[v + 1]!; e++) {
      if (!graph.flow[e]) continue;
      assignments.push({ expertId: experts[graph.edgeExpert[e]!]!.id, entryId });
      added++;
    }
    const assigned = problem.staffed[v]! + added;
    if (assigned >= problem.perEntry) continue;
    const count = complete[v] ? graph.degree[v]! : eligibleExperts(problem, v).length;
    const reason: UnstaffedReason =
      count === 0 && assigned === 0
        ? 'NO_ELIGIBLE_EXPERTS'
        : problem.staffed[v]! + count < problem.perEntry
          ? 'TOO_FEW_ELIGIBLE_EXPERTS'
          : 'EXPERT_LOAD_LIMIT';
    unstaffed.push({ entryId, needed: problem.perEntry, assigned, eligible: count, reason });
  }

  const loads = experts.map((x, i) => ({ expertId: x.id, load: problem.baseLoad[i]! + graph.added[i]! }));
  const underloaded = loads.filter((l) => l.load < input.minLoad).map((l) => ({ ...l, minLoad: input.minLoad }));
  return { assignments, unstaffed, underloaded, loads };
}

function validate(input: AssignmentProblemInput): void {
  const problems: FieldProblem[] = [];
  const count = (field: string, value: number | undefined, min: number) => {
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= min))
      problems.push({ field, message: `must be a whole number of at least ${min}` });
  };
  count('perEntry', input.perEntry, 0);
  count('minLoad', input.minLoad, 0);
  count('maxLoad', input.maxLoad, 0);
  count('candidatesPerEntry', input.candidatesPerEntry, 1);
  if (input.minLoad > input.maxLoad) problems.push({ field: 'minLoad', message: 'must not exceed maxLoad' });
  const unique = (list: 'entries' | 'experts', ids: readonly string[]) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) problems.push({ field: `${list}[${i}].id`, message: `repeats ${id}` });
      seen.add(id);
    });
  };
  unique(
    'entries',
    input.entries.map((e) => e.id),
  );
  unique(
    'experts',
    input.experts.map((x) => x.id),
  );
  if (problems.length > 0) throw new InvalidInput(problems);
}

interface Problem {
  entries: AssignmentEntry[];
  experts: AssignmentExpert[];
  perEntry: number;
  minLoad: number;
  maxLoad: number;
  candidatesPerEntry: number | undefined;
  blocked: (expertId: string, entryId: string) => boolean;
  /** Per track: the experts who cover it, by index, and how far down their list it comes. */
  tracks: Map<string, { experts: Int32Array; ranks: Int32Array }>;
  /** Existing assignments: load per expert, staffing per entry, and who already sits on each entry. */
  baseLoad: Int32Array;
  staffed: Int32Array;
  seated: Map<number, Set<number>>;
}

function prepare(input: AssignmentProblemInput): Problem {
  // Everything is indexed in id order, so the solver's tie-breaking follows ids and the plan
  // does not depend on the order the caller listed things in.
  const entries = [...input.entries].sort((a, b) => byCodeUnits(a.id, b.id));
  const experts = [...input.experts].sort((a, b) => byCodeUnits(a.id, b.id));
  const entryIndex = new Map(entries.map((e, i) => [e.id, i]));
  const expertIndex = new Map(experts.map((x, i) => [x.id, i]));

  const covering = new Map<string, { experts: number[]; ranks: number[] }>();
  experts.forEach((x, i) => {
    new Set(x.trackIds).forEach((trackId) => {
      const rank = x.trackIds.indexOf(trackId);
      let track = covering.get(trackId);
      if (!track) covering.set(trackId, (track = { experts: [], ranks: [] }));
      track.experts.push(i);
      track.ranks.push(rank);
    });
  });
  const tracks = new Map([...covering].map(([id, t]) => [id, { experts: Int32Array.from(t.experts), ranks: Int32Array.from(t.ranks) }]));

  const baseLoad = new Int32Array(experts.length);
  const staffed = new Int32Array(entries.length);
  const seated = new Map<number, Set<number>>();
  const seen = new Set<string>();
  for (const { expertId, entryId } of input.existing ?? []) {
    const key = `${expertId.length}:${expertId}${entryId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const x = expertIndex.get(expertId);
    const v = entryIndex.get(entryId);
    if (x !== undefined) baseLoad[x]!++;
    if (v === undefined) continue;
    staffed[v]!++;
    if (x === undefined) continue;
    let seats = seated.get(v);
    if (!seats) seated.set(v, (seats = new Set()));
    seats.add(x);
  }

  return {
    entries,
    experts,
    perEntry: input.perEntry,
    minLoad: input.minLoad,
    maxLoad: input.maxLoad,
    candidatesPerEntry: input.candidatesPerEntry,
    blocked: input.blocked,
    tracks,
    baseLoad,
    staffed,
    seated,
  };
}

const mayAssign = (problem: Problem, x: number, v: number): boolean =>
  !problem.seated.get(v)?.has(x) && !problem.blocked(problem.experts[x]!.id, problem.entries[v]!.id);

/** Positions (in the track's expert list) of every expert who may be added to entry v. */
function eligibleExperts(problem: Problem, v: number): number[] {
  const track = problem.tracks.get(problem.entries[v]!.trackId);
  const found: number[] = [];
  if (!track) return found;
  for (let p = 0; p < track.experts.length; p++) if (mayAssign(problem, track.experts[p]!, v)) found.push(p);
  return found;
}

/**
 * Up to `limit` eligible experts for entry v, visited in a pseudo-random order fixed by the
 * entry id, so that every expert is a candidate for about the same share of entries.
 * `complete` tells whether the walk saw every expert of the track.
 */
function candidateExperts(problem: Problem, v: number, limit: number): { found: number[]; complete: boolean } {
  const track = problem.tracks.get(problem.entries[v]!.trackId);
  const found: number[] = [];
  if (!track) return { found, complete: true };
  const n = track.experts.length;
  const h = hashString(problem.entries[v]!.id);
  const start = h % n;
  // A stride coprime with n visits every position once, in an order that differs per entry.
  let stride = n > 2 ? 1 + (mix(h) % (n - 1)) : 1;
  while (gcd(stride, n) !== 1) stride = stride + 1 === n ? 1 : stride + 1;
  let p = start;
  for (let step = 0; step < n; step++, p = (p + stride) % n) {
    if (!mayAssign(problem, track.experts[p]!, v)) continue;
    found.push(p);
    if (found.length === limit) return { found: found.sort((a, b) => a - b), complete: step === n - 1 };
  }
  return { found: found.sort((a, b) => a - b), complete: true };
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix(h);
}

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * Whether some short entry could still gain an expert through arcs left out by
 * candidatesPerEntry; if so, widens the entries along each such way to all their eligible
 * experts and returns true, so that planning again fills those seats. The search runs
 * backwards from the short entries, as augmenting paths would: to every eligible expert not
 * yet on the entry, on to the other entries of an expert who is full, until it meets an
 * expert with room. Only the entries on a way found are widened, which keeps the graph small.
 */
function widenTowardsRoom(problem: Problem, g: Graph, complete: Uint8Array): boolean {
  const { X, N, need, flow, entryStart, edgeExpert, expertStart, expertEdges, expertEntry } = g;
  const parentOfEntry = new Int32Array(N).fill(-2);
  const parentOfExpert = new Int32Array(X).fill(-2);
  const queue: number[] = [];
  for (let v = 0; v < N; v++) {
    if (need[v]! === 0) continue;
    parentOfEntry[v] = -1;
    queue.push(v);
  }
  let widened = false;
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q]!;
    const track = problem.tracks.get(problem.entries[v]!.trackId);
    if (!track) continue;
    const onEntry = new Set<number>();
    for (let e = entryStart[v]!; e < entryStart[v + 1]!; e++) if (flow[e]) onEntry.add(edgeExpert[e]!);
    for (const x of track.experts) {
      if (parentOfExpert[x] !== -2 || onEntry.has(x) || !mayAssign(problem, x, v)) continue;
      parentOfExpert[x] = v;
      if (g.added[x]! < g.capacity[x]!) {
        for (let u = v; ; u = parentOfExpert[parentOfEntry[u]!]!) {
          if (!complete[u]) widened = true;
          complete[u] = 1;
          if (parentOfEntry[u] === -1) break;
        }
        continue;
      }
      for (let k = expertStart[x]!; k < expertStart[x + 1]!; k++) {
        const w = expertEntry[k]!;
        if (!flow[expertEdges[k]!] || parentOfEntry[w] !== -2) continue;
        parentOfEntry[w] = x;
        queue.push(w);
      }
    }
  }
  return widened;
}

/**
 * The flow network in typed arrays. Node ids: experts 0..X-1, entries X..X+N-1, sink X+N.
 * The source is implicit: its arcs are the experts' remaining capacity, priced by marginalCost.
 * Each expert→entry edge carries 0 or 1 unit; with flow 1 it is traversed backwards.
 */
interface Graph {
  X: number;
  N: number;
  capacity: Int32Array;
  added: Int32Array;
  need: Int32Array;
  /** Edges grouped by entry (CSR), each entry's in expert order. */
  entryStart: Int32Array;
  edgeExpert: Int32Array;
  edgeCost: Int32Array;
  flow: Uint8Array;
  degree: Int32Array;
  /** The same edges grouped by expert, with their entry and cost copied alongside so the hot loops read them in order. */
  expertStart: Int32Array;
  expertEdges: Int32Array;
  expertEntry: Int32Array;
  expertCost: Int32Array;
}

function buildGraph(problem: Problem, complete: Uint8Array): Graph {
  const { entries, experts, perEntry, maxLoad, candidatesPerEntry } = problem;
  const X = experts.length;
  const N = entries.length;
  const need = new Int32Array(N);
  const degree = new Int32Array(N);
  const entryStart = new Int32Array(N + 1);
  let edgeExpert = new Int32Array(1024);
  let edgeCost = new Int32Array(1024);
  let E = 0;
  for (let v = 0; v < N; v++) {
    entryStart[v] = E;
    // No entry can take more new experts than there are, which also keeps counts in 32 bits.
    need[v] = Math.min(Math.max(0, perEntry - problem.staffed[v]!), X);
    if (need[v] === 0) continue;
    const track = problem.tracks.get(entries[v]!.trackId);
    if (!track) continue;
    let positions: number[];
    if (candidatesPerEntry === undefined || complete[v]) {
      positions = eligibleExperts(problem, v);
      complete[v] = 1;
    } else {
      const pick = candidateExperts(problem, v, Math.max(candidatesPerEntry, need[v]!));
      positions = pick.found;
      if (pick.complete) complete[v] = 1;
    }
    if (E + positions.length > edgeExpert.length) {
      const size = Math.max(2 * edgeExpert.length, E + positions.length);
      const grownExpert = new Int32Array(size);
      const grownCost = new Int32Array(size);
      grownExpert.set(edgeExpert);
      grownCost.set(edgeCost);
      edgeExpert = grownExpert;
      edgeCost = grownCost;
    }
    for (const p of positions) {
      edgeExpert[E] = track.experts[p]!;
      edgeCost[E] = Math.min(track.ranks[p]!, MAX_PREFERENCE);
      E++;
    }
    degree[v] = positions.length;
  }
  entryStart[N] = E;
  edgeExpert = edgeExpert.slice(0, E);
  edgeCost = edgeCost.slice(0, E);

  const expertStart = new Int32Array(X + 1);
  for (let e = 0; e < E; e++) expertStart[edgeExpert[e]! + 1]!++;
  for (let x = 0; x < X; x++) expertStart[x + 1]! += expertStart[x]!;
  const fill = expertStart.slice(0, X);
  const expertEdges = new Int32Array(E);
  const expertEntry = new Int32Array(E);
  const expertCost = new Int32Array(E);
  for (let v = 0; v < N; v++) {
    for (let e = entryStart[v]!; e < entryStart[v + 1]!; e++) {
      const k = fill[edgeExpert[e]!]!++;
      expertEdges[k] = e;
      expertEntry[k] = v;
      expertCost[k] = edgeCost[e]!;
    }
  }

  const capacity = new Int32Array(X);
  for (let x = 0; x < X; x++) capacity[x] = Math.min(Math.max(0, maxLoad - problem.baseLoad[x]!), N);

  return {
    X,
    N,
    capacity,
    added: new Int32Array(X),
    need,
    entryStart,
    edgeExpert,
    edgeCost,
    flow: new Uint8Array(E),
    degree,
    expertStart,
    expertEdges,
    expertEntry,
    expertCost,
  };
}

/** Fills the graph with a min-cost max-flow: `added`, `need` and `flow` are updated in place. */
function solve(g: Graph, problem: Problem): void {
  const { X, N, capacity, added, need, entryStart, edgeExpert, edgeCost, flow, expertStart, expertEdges, expertEntry, expertCost } = g;
  const { baseLoad, minLoad } = problem;
  const T = X + N;
  const V = X + N + 1;

  // Any exchange that lifts an expert towards minLoad saves the bonus and costs at most one
  // unit of the steepest load plus a preference change on every entry along the way. Loads
  // never pass existing + N, which keeps every cost a small exact integer whatever maxLoad says.
  let heaviest = 0;
  for (let x = 0; x < X; x++) heaviest = Math.max(heaviest, baseLoad[x]! + capacity[x]!);
  const bonus = LOAD_STEP * (heaviest + 1) + MAX_PREFERENCE * (N + 1);
  const marginalCost = (x: number): number => {
    const load = baseLoad[x]! + added[x]! + 1;
    return load * LOAD_STEP - (load <= minLoad ? bonus : 0);
  };
  const hasRoom = (x: number): boolean => added[x]! < capacity[x]!;

  // Potentials make every residual arc's reduced cost non-negative so Dijkstra applies. The
  // empty network is a DAG, so its exact distances from the source serve as the first ones,
  // absorbing the negative bonus costs.
  const pi = new Float64Array(V);
  for (let x = 0; x < X; x++) pi[x] = hasRoom(x) ? marginalCost(x) : 0;
  let sinkPotential = Infinity;
  for (let v = 0; v < N; v++) {
    let best = Infinity;
    for (let e = entryStart[v]!; e < entryStart[v + 1]!; e++) best = Math.min(best, pi[edgeExpert[e]!]! + edgeCost[e]!);
    pi[X + v] = best === Infinity ? 0 : best;
    if (need[v]! > 0 && best !== Infinity) sinkPotential = Math.min(sinkPotential, best);
  }
  if (sinkPotential === Infinity) return;
  pi[T] = sinkPotential;

  // Each entry's seated edges (flow 1), the only arcs that leave an entry backwards: a short
  // list to scan instead of every candidate. Slots are sized by the seats the entry can fill.
  const seatStart = new Int32Array(N + 1);
  for (let v = 0; v < N; v++) seatStart[v + 1] = seatStart[v]! + Math.min(need[v]!, g.degree[v]!);
  const seatEdge = new Int32Array(seatStart[N]!);
  const seatCount = new Int32Array(N);
  const seatOf = new Int32Array(edgeExpert.length);
  const seat = (e: number, v: number): void => {
    const i = seatStart[v]! + seatCount[v]!++;
    seatEdge[i] = e;
    seatOf[e] = i;
    flow[e] = 1;
  };
  const unseat = (e: number, v: number): void => {
    const i = seatOf[e]!;
    const moved = seatEdge[seatStart[v]! + --seatCount[v]!]!;
    seatEdge[i] = moved;
    seatOf[moved] = i;
    flow[e] = 0;
  };

  // Dijkstra orders nodes by distance, then by the number of arcs from the source, so the hop
  // counts of settled nodes double as Dinic levels: the augmenting step needs no search of its own.
  const dist = new Float64Array(V);
  const hops = new Int32Array(V);
  const order = new Float64Array(V);
  const heap = new IndexedHeap(V, order);
  const settled = new Int32Array(V);
  const dead = new Int32Array(V);
  const pointer = new Int32Array(V);
  const seen = new Int32Array(V);
  let round = 0;
  const pathNode = new Int32Array(V + 1);
  const pathEdge = new Int32Array(V + 1);

  const reached = (w: number, d: number, h: number): void => {
    if (d < dist[w]! || (d === dist[w] && h < hops[w]!)) {
      dist[w] = d;
      hops[w] = h;
      order[w] = d * V + h;
      heap.update(w);
    }
  };

  /** Shortest reduced distances to the sink; moves the potentials. False when the sink is out of reach. */
  const shortestPaths = (): boolean => {
    round++;
    dist.fill(Infinity);
    heap.clear();
    for (let x = 0; x < X; x++) if (hasRoom(x)) reached(x, marginalCost(x) - pi[x]!, 0);
    let reach = Infinity;
    while (heap.size > 0) {
      const u = heap.pop();
      // Nothing left in the heap comes before u, so a sink no later than u is settled.
      if (dist[T]! !== Infinity && order[T]! <= order[u]!) {
        reach = dist[T]!;
        break;
      }
      settled[u] = round;
      const du = dist[u]!;
      const pu = pi[u]!;
      const h = hops[u]! + 1;
      if (u < X) {
        for (let k = expertStart[u]!; k < expertStart[u + 1]!; k++) {
          const w = X + expertEntry[k]!;
          const d = du + expertCost[k]! + pu - pi[w]!;
          if (d <= dist[w]! && !flow[expertEdges[k]!]) reached(w, d, h);
        }
      } else {
        const v = u - X;
        if (need[v]! > 0) reached(T, du + pu - pi[T]!, h);
        for (let i = seatStart[v]!; i < seatStart[v]! + seatCount[v]!; i++) {
          const e = seatEdge[i]!;
          const w = edgeExpert[e]!;
          reached(w, du - edgeCost[e]! + pu - pi[w]!, h);
        }
      }
    }
    if (reach === Infinity) return false;
    settled[T] = round;
    // Capping at the sink's distance keeps reduced costs non-negative for nodes not settled.
    for (let n = 0; n < V; n++) pi[n]! += Math.min(dist[n]!, reach);
    return true;
  };

  /**
   * Augments along every shortest path one level deeper per arc (a blocking flow, as in
   * Dinic). A node that led nowhere stays dead for the round and every node keeps its place
   * in its arc list, so a round reads each arc about once. Each expert starts at most one
   * path: its next unit costs more. Iterative, because alternating paths can be as long as
   * the number of entries.
   */
  const augment = (): void => {
    for (let x = 0; x < X; x++) {
      if (settled[x] !== round || hops[x] !== 0 || dead[x] === round || !hasRoom(x) || marginalCost(x) !== pi[x]) continue;
      let top = 0;
      enter(x);
      pathNode[0] = x;
      while (top >= 0) {
        const u = pathNode[top]!;
        if (u === T) {
          // Empty seats before filling any: an entry has no slot to spare for the moment between.
          for (let i = 2; i < top; i += 2) unseat(pathEdge[i]!, pathNode[i - 1]! - X);
          for (let i = 1; i < top; i += 2) seat(pathEdge[i]!, pathNode[i]! - X);
          need[pathNode[top - 1]! - X]!--;
          added[x]!++;
          break;
        }
        const w = u < X ? nextFromExpert(u, top + 1) : nextFromEntry(u, top + 1);
        if (w === -1) {
          dead[u] = round;
          top--;
        } else {
          if (w !== T) enter(w);
          pathNode[++top] = w;
        }
      }
    }
  };

  const enter = (u: number): void => {
    if (seen[u] === round) return;
    seen[u] = round;
    // An entry's pointer starts one before its seats: that position is its arc to the sink.
    pointer[u] = u < X ? expertStart[u]! : seatStart[u - X]! - 1;
  };

  const onLevel = (w: number, level: number): boolean => settled[w] === round && hops[w] === level && dead[w] !== round;

  const nextFromExpert = (u: number, depth: number): number => {
    const end = expertStart[u + 1]!;
    const pu = pi[u]!;
    const level = hops[u]! + 1;
    for (let k = pointer[u]!; k < end; k++) {
      const w = X + expertEntry[k]!;
      if (expertCost[k]! + pu === pi[w] && onLevel(w, level) && !flow[expertEdges[k]!]) {
        pointer[u] = k;
        pathEdge[depth] = expertEdges[k]!;
        return w;
      }
    }
    pointer[u] = end;
    return -1;
  };

  const nextFromEntry = (u: number, depth: number): number => {
    const v = u - X;
    const pu = pi[u]!;
    const level = hops[u]! + 1;
    let k = pointer[u]!;
    if (k === seatStart[v]! - 1) {
      if (need[v]! > 0 && pu === pi[T] && hops[T] === level) return T;
      k++;
    }
    // Emptying a seat moves the last one into its slot, so the end is read afresh. Seats
    // filled during the round lead one level back, never onwards, so none is missed.
    for (; k < seatStart[v]! + seatCount[v]!; k++) {
      const e = seatEdge[k]!;
      const w = edgeExpert[e]!;
      if (pu === pi[w]! + edgeCost[e]! && onLevel(w, level)) {
        pointer[u] = k;
        pathEdge[depth] = e;
        return w;
      }
    }
    pointer[u] = k;
    return -1;
  };

  while (shortestPaths()) augment();
}

/** A binary min-heap of node ids keyed by `keys`, with decrease-key. */
class IndexedHeap {
  private readonly nodes: Int32Array;
  private readonly position: Int32Array;
  size = 0;

  constructor(
    capacity: number,
    private readonly keys: Float64Array,
  ) {
    this.nodes = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.position[this.nodes[i]!] = -1;
    this.size = 0;
  }

  /** Inserts `node`, or moves it up after its key decreased. */
  update(node: number): void {
    let i = this.position[node]!;
    if (i === -1) {
      i = this.size++;
      this.nodes[i] = node;
      this.position[node] = i;
    }
    this.siftUp(i);
  }

  pop(): number {
    const top = this.nodes[0]!;
    this.position[top] = -1;
    const last = this.nodes[--this.size]!;
    if (this.size > 0) {
      this.nodes[0] = last;
      this.position[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  private siftUp(i: number): void {
    const { nodes, position, keys } = this;
    const node = nodes[i]!;
    const key = keys[node]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = nodes[parent]!;
      if (keys[above]! <= key) break;
      nodes[i] = above;
      position[above] = i;
      i = parent;
    }
    nodes[i] = node;
    position[node] = i;
  }

  private siftDown(i: number): void {
    const { nodes, position, keys, size } = this;
    const node = nodes[i]!;
    const key = keys[node]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[nodes[child + 1]!]! < keys[nodes[child]!]!) child++;
      const below = nodes[child]!;
      if (keys[below]! >= key) break;
      nodes[i] = below;
      position[below] = i;
      i = child;
    }
    nodes[i] = node;
    position[node] = i;
  }
}
