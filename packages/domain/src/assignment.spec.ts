import {
  planAssignment,
  type AssignmentEntry,
  type AssignmentExpert,
  type AssignmentPlan,
  type AssignmentProblemInput,
} from './assignment';
import { InvalidInput } from './errors';

const expert = (id: string, ...trackIds: string[]): AssignmentExpert => ({ id, trackIds });
const entriesOf = (trackId: string, count: number): AssignmentEntry[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${trackId}-${String(i + 1).padStart(2, '0')}`, trackId }));
const nothingBlocked = (): boolean => false;
const loadOf = (plan: AssignmentPlan, expertId: string): number => plan.loads.find((l) => l.expertId === expertId)!.load;
const expertsOn = (plan: AssignmentPlan, entryId: string): string[] =>
  plan.assignments.filter((a) => a.entryId === entryId).map((a) => a.expertId);

/** mulberry32: the same sequence on every machine. */
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

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe('planAssignment', () => {
  it('staffs every entry of a feasible round and spreads the work evenly within the load limits', () => {
    const experts = ['a', 'b', 'c', 'd', 'e'].map((id) => expert(id, 'AI'));
    const plan = planAssignment({ entries: entriesOf('AI', 12), experts, perEntry: 3, minLoad: 6, maxLoad: 9, blocked: nothingBlocked });

    expect(plan.unstaffed).toEqual([]);
    expect(plan.underloaded).toEqual([]);
    expect(plan.assignments).toHaveLength(36);
    for (const entry of entriesOf('AI', 12)) expect(new Set(expertsOn(plan, entry.id)).size).toBe(3);
    const loads = plan.loads.map((l) => l.load);
    expect(Math.min(...loads)).toBeGreaterThanOrEqual(6);
    expect(Math.max(...loads)).toBeLessThanOrEqual(9);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
  });

  it('never assigns a conflicted pair or an expert outside the entry’s track', () => {
    const entries = [...entriesOf('AI', 6), ...entriesOf('IC', 6)];
    const experts = [expert('a', 'AI'), expert('b', 'AI', 'IC'), expert('c', 'IC'), expert('d', 'IC', 'AI'), expert('e', 'AI')];
    const conflicts = new Set(['a|AI-01', 'b|AI-01', 'b|IC-03', 'e|AI-04']);
    const blocked = (expertId: string, entryId: string) => conflicts.has(`${expertId}|${entryId}`);
    const plan = planAssignment({ entries, experts, perEntry: 2, minLoad: 0, maxLoad: 10, blocked });

    expect(plan.unstaffed).toEqual([]);
    for (const { expertId, entryId } of plan.assignments) {
      expect(conflicts.has(`${expertId}|${entryId}`)).toBe(false);
      expect(experts.find((x) => x.id === expertId)!.trackIds).toContain(entries.find((e) => e.id === entryId)!.trackId);
    }
    expect(expertsOn(plan, 'AI-01').sort()).toEqual(['d', 'e']);
    expect(expertsOn(plan, 'IC-03').sort()).toEqual(['c', 'd']);
  });

  it('keeps existing assignments, counting them toward loads and staffing, and adds only what is missing', () => {
    const existing = [
      { expertId: 'a', entryId: 'AI-01' },
      { expertId: 'b', entryId: 'AI-01' },
      { expertId: 'a', entryId: 'AI-02' },
      // an entry planned in another round still takes a's time
      { expertId: 'a', entryId: 'elsewhere' },
      // an expert who has left the pool still reviewed AI-03
      { expertId: 'retired', entryId: 'AI-03' },
    ];
    const plan = planAssignment({
      entries: entriesOf('AI', 4),
      experts: [expert('a', 'AI'), expert('b', 'AI'), expert('c', 'AI')],
      perEntry: 2,
      minLoad: 0,
      maxLoad: 3,
      blocked: nothingBlocked,
      existing,
    });

    expect(plan.unstaffed).toEqual([]);
    expect(expertsOn(plan, 'AI-01')).toEqual([]);
    expect(expertsOn(plan, 'AI-02')).toHaveLength(1);
    expect(expertsOn(plan, 'AI-02')).not.toContain('a');
    expect(expertsOn(plan, 'AI-03')).toHaveLength(1);
    expect(expertsOn(plan, 'AI-04')).toHaveLength(2);
    // a is at its limit through existing work alone
    expect(plan.assignments.filter((x) => x.expertId === 'a')).toEqual([]);
    expect(loadOf(plan, 'a')).toBe(3);
    expect(loadOf(plan, 'b') + loadOf(plan, 'c')).toBe(1 + 4);
  });

  it('makes the same plan whatever order entries, experts and existing assignments come in', () => {
    const random = prng(7);
    const entries = [...entriesOf('AI', 15), ...entriesOf('IC', 10), ...entriesOf('BIOMED', 8)];
    const experts = Array.from({ length: 9 }, (_, i) => expert(`x${i}`, ...shuffled(['AI', 'IC', 'BIOMED'], random).slice(0, 1 + (i % 2))));
    const conflicts = new Set(experts.flatMap((x) => entries.filter(() => random() < 0.1).map((e) => `${x.id}|${e.id}`)));
    const existing = [
      { expertId: 'x1', entryId: 'AI-03' },
      { expertId: 'x4', entryId: 'IC-07' },
    ];
    const input: AssignmentProblemInput = {
      entries,
      experts,
      perEntry: 3,
      minLoad: 5,
      maxLoad: 14,
      blocked: (x, e) => conflicts.has(`${x}|${e}`),
      existing,
    };
    const plan = planAssignment(input);
    for (let round = 0; round < 5; round++) {
      const reordered = {
        ...input,
        entries: shuffled(entries, random),
        experts: shuffled(experts, random),
        existing: shuffled(existing, random),
      };
      expect(planAssignment(reordered)).toEqual(plan);
    }
    const byEntryThenExpert = [...plan.assignments].sort((p, q) =>
      p.entryId === q.entryId ? (p.expertId < q.expertId ? -1 : 1) : p.entryId < q.entryId ? -1 : 1,
    );
    expect(plan.assignments).toEqual(byEntryThenExpert);
    expect(plan.loads.map((l) => l.expertId)).toEqual([...plan.loads.map((l) => l.expertId)].sort());
  });

  it('on an infeasible round, fills every seat it can and reports each short entry with why and by how much', () => {
    const entries = [{ id: 'big-1', trackId: 'BIG_SCIENCE' }, { id: 'med-1', trackId: 'BIOMED' }, ...entriesOf('AI', 4)];
    const experts = [
      expert('ai-1', 'AI'),
      expert('ai-2', 'AI'),
      expert('ai-3', 'AI'),
      expert('med-a', 'BIOMED'),
      expert('med-b', 'BIOMED'),
      expert('med-c', 'BIOMED'),
    ];
    const plan = planAssignment({
      entries,
      experts,
      perEntry: 3,
      minLoad: 0,
      maxLoad: 2,
      // med-c is conflicted with the one biomed entry
      blocked: (x, e) => x === 'med-c' && e === 'med-1',
    });

    // nobody covers big science; biomed has three experts but one is conflicted; AI has
    // three experts for every entry, but their six units of load cannot fill twelve seats
    expect(plan.unstaffed.find((u) => u.entryId === 'big-1')).toEqual({
      entryId: 'big-1',
      needed: 3,
      assigned: 0,
      eligible: 0,
      reason: 'NO_ELIGIBLE_EXPERTS',
    });
    expect(plan.unstaffed.find((u) => u.entryId === 'med-1')).toEqual({
      entryId: 'med-1',
      needed: 3,
      assigned: 2,
      eligible: 2,
      reason: 'TOO_FEW_ELIGIBLE_EXPERTS',
    });
    expect(expertsOn(plan, 'med-1')).toEqual(['med-a', 'med-b']);
    const aiAssigned = plan.assignments.filter((a) => a.entryId.startsWith('AI-'));
    expect(aiAssigned).toHaveLength(6);
    for (const entry of entriesOf('AI', 4)) {
      const assigned = expertsOn(plan, entry.id).length;
      const report = plan.unstaffed.find((u) => u.entryId === entry.id);
      if (assigned === 3) expect(report).toBeUndefined();
      else expect(report).toEqual({ entryId: entry.id, needed: 3, assigned, eligible: 3, reason: 'EXPERT_LOAD_LIMIT' });
    }
    expect(['ai-1', 'ai-2', 'ai-3'].map((x) => loadOf(plan, x))).toEqual([2, 2, 2]);
  });

  it('counts existing assignments when telling too few experts from a load limit', () => {
    const plan = planAssignment({
      entries: [{ id: 'e1', trackId: 'AI' }],
      experts: [expert('a', 'AI'), expert('b', 'AI')],
      perEntry: 3,
      minLoad: 0,
      maxLoad: 5,
      blocked: nothingBlocked,
      existing: [{ expertId: 'a', entryId: 'e1' }],
    });
    // a already sits on e1, so only b can be added: 1 existing + 1 eligible < 3
    expect(plan.assignments).toEqual([{ expertId: 'b', entryId: 'e1' }]);
    expect(plan.unstaffed).toEqual([{ entryId: 'e1', needed: 3, assigned: 2, eligible: 1, reason: 'TOO_FEW_ELIGIBLE_EXPERTS' }]);
  });

  it('reports an expert left below the minimum load', () => {
    const plan = planAssignment({
      entries: entriesOf('AI', 2),
      experts: [expert('a', 'AI'), expert('b', 'AI'), expert('c', 'IC')],
      perEntry: 1,
      minLoad: 1,
      maxLoad: 4,
      blocked: nothingBlocked,
    });
    expect(plan.unstaffed).toEqual([]);
    expect(plan.underloaded).toEqual([{ expertId: 'c', load: 0, minLoad: 1 }]);
    expect(plan.loads).toEqual([
      { expertId: 'a', load: 1 },
      { expertId: 'b', load: 1 },
      { expertId: 'c', load: 0 },
    ]);
  });

  it('staffs both entries where taking the first eligible expert would strand the second', () => {
    // a comes first and covers both; b covers only entry 1. Giving entry 1 to a would leave
    // entry 2 empty; the plan must give entry 1 to b instead.
    const plan = planAssignment({
      entries: [
        { id: 'entry-1', trackId: 'X' },
        { id: 'entry-2', trackId: 'Y' },
      ],
      experts: [expert('a', 'X', 'Y'), expert('b', 'X')],
      perEntry: 1,
      minLoad: 0,
      maxLoad: 1,
      blocked: nothingBlocked,
    });
    expect(plan.assignments).toEqual([
      { expertId: 'b', entryId: 'entry-1' },
      { expertId: 'a', entryId: 'entry-2' },
    ]);
    expect(plan.unstaffed).toEqual([]);
  });

  it('revises earlier choices along a chain when that staffs one more entry', () => {
    // Entry by entry, first come first served: entry-1 takes a, entry-2 takes b, and entry-3,
    // which only a covers, is left empty. Every entry is staffed only by moving both.
    const plan = planAssignment({
      entries: [
        { id: 'entry-1', trackId: 'P' },
        { id: 'entry-2', trackId: 'Q' },
        { id: 'entry-3', trackId: 'R' },
      ],
      experts: [expert('a', 'P', 'R'), expert('b', 'P', 'Q'), expert('c', 'Q')],
      perEntry: 1,
      minLoad: 0,
      maxLoad: 1,
      blocked: nothingBlocked,
    });
    expect(plan.assignments).toEqual([
      { expertId: 'b', entryId: 'entry-1' },
      { expertId: 'c', entryId: 'entry-2' },
      { expertId: 'a', entryId: 'entry-3' },
    ]);
  });

  it('gives an entry to an expert whose primary track it is, all else being equal', () => {
    const plan = planAssignment({
      entries: [{ id: 'e1', trackId: 'AI' }],
      experts: [expert('a-secondary', 'IC', 'AI'), expert('b-primary', 'AI', 'IC')],
      perEntry: 1,
      minLoad: 0,
      maxLoad: 5,
      blocked: nothingBlocked,
    });
    expect(plan.assignments).toEqual([{ expertId: 'b-primary', entryId: 'e1' }]);
  });

  it('spreads work evenly before honouring primary expertise', () => {
    const plan = planAssignment({
      entries: entriesOf('AI', 4),
      experts: [expert('a-secondary', 'IC', 'AI'), expert('b-primary', 'AI')],
      perEntry: 1,
      minLoad: 0,
      maxLoad: 5,
      blocked: nothingBlocked,
    });
    expect(plan.loads).toEqual([
      { expertId: 'a-secondary', load: 2 },
      { expertId: 'b-primary', load: 2 },
    ]);
  });

  it('with candidatesPerEntry, weighs only that many experts per entry and still staffs every entry', () => {
    const experts = Array.from({ length: 40 }, (_, i) => expert(`x${String(i).padStart(2, '0')}`, 'AI'));
    const entries = entriesOf('AI', 30);
    const asked = new Map<string, Set<string>>();
    const blocked = (expertId: string, entryId: string) => {
      if (!asked.has(entryId)) asked.set(entryId, new Set());
      asked.get(entryId)!.add(expertId);
      return false;
    };
    const plan = planAssignment({ entries, experts, perEntry: 2, minLoad: 0, maxLoad: 3, blocked, candidatesPerEntry: 5 });

    expect(plan.unstaffed).toEqual([]);
    for (const entry of entries) {
      expect(asked.get(entry.id)!.size).toBe(5);
      for (const x of expertsOn(plan, entry.id)) expect(asked.get(entry.id)!.has(x)).toBe(true);
    }
    // candidates are spread over the pool, not bunched at its start
    const everAsked = new Set([...asked.values()].flatMap((s) => [...s]));
    expect(everAsked.size).toBeGreaterThan(30);
  });

  it('with candidatesPerEntry, looks beyond the candidates rather than leave a seat empty', () => {
    // e1 may go to a or b but is offered only one of them; e2 needs that very one. Whichever
    // e1 is offered, in one of the two rounds it is the wrong one, and both must still be staffed.
    for (const onlyForE2 of ['a', 'b']) {
      const plan = planAssignment({
        entries: [
          { id: 'e1', trackId: 'AI' },
          { id: 'e2', trackId: 'AI' },
        ],
        experts: [expert('a', 'AI'), expert('b', 'AI')],
        perEntry: 1,
        minLoad: 0,
        maxLoad: 1,
        blocked: (x, e) => e === 'e2' && x !== onlyForE2,
        candidatesPerEntry: 1,
      });
      expect(plan.unstaffed).toEqual([]);
      expect(plan.assignments).toEqual([
        { expertId: onlyForE2 === 'a' ? 'b' : 'a', entryId: 'e1' },
        { expertId: onlyForE2, entryId: 'e2' },
      ]);
    }
  });

  it('refuses malformed input, naming each problem', () => {
    const attempt = (input: Partial<AssignmentProblemInput>) => () =>
      planAssignment({ entries: [], experts: [], perEntry: 1, minLoad: 0, maxLoad: 1, blocked: nothingBlocked, ...input });
    expect(attempt({ minLoad: 3, maxLoad: 2 })).toThrow(InvalidInput);
    expect(attempt({ perEntry: -1 })).toThrow(/perEntry/);
    expect(attempt({ candidatesPerEntry: 0 })).toThrow(/candidatesPerEntry/);
    expect(
      attempt({
        entries: [
          { id: 'e', trackId: 'A' },
          { id: 'e', trackId: 'B' },
        ],
      }),
    ).toThrow(/entries\[1\]\.id/);
    expect(attempt({ experts: [expert('x', 'A'), expert('x', 'B')] })).toThrow(/experts\[1\]\.id/);
  });

  it('keeps every rule on random rounds, and fills as many seats as any plan could', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = prng(seed);
      const tracks = ['AI', 'IC', 'BIOMED'].slice(0, 1 + Math.floor(random() * 3));
      const pickTrack = () => tracks[Math.floor(random() * tracks.length)]!;
      const entries = Array.from({ length: 1 + Math.floor(random() * 40) }, (_, i) => ({ id: `e${i}`, trackId: pickTrack() }));
      const experts = Array.from({ length: 1 + Math.floor(random() * 12) }, (_, i) =>
        expert(`x${i}`, ...shuffled(tracks, random).slice(0, 1 + Math.floor(random() * tracks.length))),
      );
      const conflicts = new Set<string>();
      const existing: { expertId: string; entryId: string }[] = [];
      for (const x of experts) {
        for (const e of entries) {
          if (random() < 0.15) conflicts.add(`${x.id}|${e.id}`);
          else if (random() < 0.05) existing.push({ expertId: x.id, entryId: e.id });
        }
      }
      const maxLoad = Math.floor(random() * 10);
      const input: AssignmentProblemInput = {
        entries,
        experts,
        perEntry: Math.floor(random() * 5),
        minLoad: Math.floor(random() * (maxLoad + 1)),
        maxLoad,
        blocked: (x, e) => conflicts.has(`${x}|${e}`),
        existing,
      };
      const plan = planAssignment(input);
      checkRules(input, plan);
      expect(plan.assignments).toHaveLength(maximumSeats(input));
      const limited = planAssignment({ ...input, candidatesPerEntry: 1 + Math.floor(random() * 3) });
      checkRules(input, limited);
      expect(limited.assignments).toHaveLength(plan.assignments.length);
    }
  });
});

/** Every rule a plan must keep, checked from the input alone. */
function checkRules(input: AssignmentProblemInput, plan: AssignmentPlan): void {
  const existing = new Set((input.existing ?? []).map((p) => `${p.expertId}|${p.entryId}`));
  const made = new Set<string>();
  for (const { expertId, entryId } of plan.assignments) {
    const key = `${expertId}|${entryId}`;
    expect(made.has(key) || existing.has(key)).toBe(false);
    made.add(key);
    expect(input.blocked(expertId, entryId)).toBe(false);
    const trackId = input.entries.find((e) => e.id === entryId)!.trackId;
    expect(input.experts.find((x) => x.id === expertId)!.trackIds).toContain(trackId);
  }
  for (const x of input.experts) {
    const before = [...existing].filter((k) => k.startsWith(`${x.id}|`)).length;
    const load = before + plan.assignments.filter((a) => a.expertId === x.id).length;
    expect(plan.loads.find((l) => l.expertId === x.id)!.load).toBe(load);
    if (load > before) expect(load).toBeLessThanOrEqual(input.maxLoad);
    expect(plan.underloaded.some((u) => u.expertId === x.id)).toBe(load < input.minLoad);
  }
  for (const e of input.entries) {
    const seated = input.experts.filter((x) => existing.has(`${x.id}|${e.id}`)).length;
    const assigned = seated + plan.assignments.filter((a) => a.entryId === e.id).length;
    const report = plan.unstaffed.find((u) => u.entryId === e.id);
    expect(assigned).toBeLessThanOrEqual(Math.max(input.perEntry, seated));
    if (assigned >= input.perEntry) {
      expect(report).toBeUndefined();
      continue;
    }
    const eligible = input.experts.filter(
      (x) => x.trackIds.includes(e.trackId) && !input.blocked(x.id, e.id) && !existing.has(`${x.id}|${e.id}`),
    ).length;
    const reason =
      eligible === 0 && assigned === 0
        ? 'NO_ELIGIBLE_EXPERTS'
        : seated + eligible < input.perEntry
          ? 'TOO_FEW_ELIGIBLE_EXPERTS'
          : 'EXPERT_LOAD_LIMIT';
    expect(report).toEqual({ entryId: e.id, needed: input.perEntry, assigned, eligible, reason });
  }
}

/** The most seats any plan could fill: a plain augmenting-path max flow, independent of the planner. */
function maximumSeats(input: AssignmentProblemInput): number {
  const existing = input.existing ?? [];
  const room = input.experts.map((x) => Math.max(0, input.maxLoad - existing.filter((p) => p.expertId === x.id).length));
  const need = input.entries.map((e) => Math.max(0, input.perEntry - existing.filter((p) => p.entryId === e.id).length));
  const eligible = input.entries.map((e) =>
    input.experts.flatMap((x, i) =>
      x.trackIds.includes(e.trackId) && !input.blocked(x.id, e.id) && !existing.some((p) => p.expertId === x.id && p.entryId === e.id)
        ? [i]
        : [],
    ),
  );
  const holder = input.entries.map(() => new Set<number>());
  const load = input.experts.map(() => 0);
  // Try to seat one more expert on entry v, moving other entries' experts along the way.
  const seatOne = (v: number, seen: Set<number>): boolean => {
    for (const x of eligible[v]!) {
      if (holder[v]!.has(x) || seen.has(x)) continue;
      seen.add(x);
      if (load[x]! < room[x]!) {
        holder[v]!.add(x);
        load[x]!++;
        return true;
      }
      for (let w = 0; w < input.entries.length; w++) {
        if (!holder[w]!.has(x) || holder[v]!.has(x)) continue;
        holder[w]!.delete(x);
        holder[v]!.add(x);
        if (seatOne(w, seen)) return true;
        holder[v]!.delete(x);
        holder[w]!.add(x);
      }
    }
    return false;
  };
  let seats = 0;
  for (let v = 0; v < input.entries.length; v++) {
    for (let k = 0; k < need[v]!; k++) if (seatOne(v, new Set())) seats++;
  }
  return seats;
}

describe('planAssignment on a rerun', () => {
  it('reports an entry whose only eligible expert already reviews it as short of experts, not as having none', () => {
    const plan = planAssignment({
      entries: [{ id: 'e1', trackId: 'AI' }],
      experts: [{ id: 'x1', trackIds: ['AI'] }],
      perEntry: 3,
      minLoad: 0,
      maxLoad: 10,
      blocked: () => false,
      existing: [{ expertId: 'x1', entryId: 'e1' }],
    });
    expect(plan.assignments).toEqual([]);
    expect(plan.unstaffed).toEqual([{ entryId: 'e1', needed: 3, assigned: 1, eligible: 0, reason: 'TOO_FEW_ELIGIBLE_EXPERTS' }]);
  });
});
