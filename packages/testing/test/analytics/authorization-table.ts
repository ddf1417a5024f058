import type { GraphClient } from '../../src';
import { ALL, type Row } from '../gateway/authorization-matrix';
import { rebuildThrough } from './rebuilt';

/** The read model reads the feeds when asked in a test graph: the office's rebuild reads them all. */
const caughtUp = (admin: GraphClient) => rebuildThrough(admin);

const cube = (data: Record<string, unknown> | null | undefined) =>
  ((data?.analytics as { cube?: { records: number } | null } | null)?.cube ?? null) as unknown;
const field = (name: string) => (data: Record<string, unknown> | null | undefined) =>
  ((data?.analytics as Record<string, unknown> | null)?.[name] ?? null) as unknown;

const savedNames = async (admin: GraphClient) =>
  (await admin.data<{ savedCubeQueries: { name: string }[] }>(`{ savedCubeQueries { name } }`)).savedCubeQueries.map((q) => q.name);

/**
 * The authorization rows of the analytics read model: cubes by fact (the office and analysts
 * everything, a union its subtree, the public what is public), the per-judge figures, the
 * read model's status, and its rebuild.
 */
export const ANALYTICS_TABLE: Row[] = [
  {
    operation: 'Query.analytics',
    scenario: 'a cube of submissions (public aggregates for callers who may not see the records)',
    allowed: ALL,
    pick: cube,
    run: (api) => api.request(`{ analytics { cube(fact: SUBMISSION, measures: [{ kind: COUNT }], groupBy: [STATUS]) { records } } }`),
  },
  {
    operation: 'Query.analytics',
    scenario: 'a cube of assignments (who reviews what: the office and analysts)',
    allowed: ['ADMIN', 'ANALYST'],
    pick: cube,
    run: (api) => api.request(`{ analytics { cube(fact: ASSIGNMENT, measures: [{ kind: COUNT }], groupBy: [ROUND]) { records } } }`),
  },
  {
    operation: 'Query.analytics',
    scenario: 'a cube of organizer evaluations (a union its own)',
    allowed: ['ADMIN', 'ANALYST', 'ORGANIZER'],
    pick: cube,
    run: (api) =>
      api.request(
        `{ analytics { cube(fact: ORGANIZER_EVALUATION, measures: [{ kind: MEAN, field: TOTAL }], groupBy: [ORGANIZATION]) { records } } }`,
      ),
  },
  {
    operation: 'Query.analytics',
    scenario: "a round's judges by relative harshness",
    allowed: ['ADMIN', 'ANALYST'],
    pick: field('judgeHarshness'),
    run: async (api, fx, _n, admin) => {
      await caughtUp(admin);
      return api.request(`query($closedRound: ID!) { analytics { judgeHarshness(round: $closedRound, first: 5) { items } } }`, { ...fx });
    },
  },
  {
    operation: 'Query.analyticsStatus',
    scenario: "the read model's lag per feed",
    allowed: ['ADMIN', 'ANALYST'],
    pick: (data) => data?.analyticsStatus ?? null,
    run: (api) => api.request(`{ analyticsStatus { feed lag } }`),
  },
  {
    operation: 'Mutation.rebuildAnalytics',
    scenario: 'the read model from zero',
    allowed: ['ADMIN'],
    pick: (data) => data?.rebuildAnalytics ?? null,
    run: (api) => api.request(`mutation { rebuildAnalytics { feed lag } }`),
    snapshot: async (admin) =>
      (await admin.data<{ analyticsStatus: { applied: number }[] }>(`{ analyticsStatus { applied } }`)).analyticsStatus.map(
        (f) => f.applied,
      ),
  },
  {
    operation: 'Query.savedCubeQueries',
    scenario: 'the saved cube queries',
    allowed: ['ADMIN', 'ANALYST'],
    pick: (data) => data?.savedCubeQueries ?? null,
    run: (api) => api.request(`{ savedCubeQueries { name } }`),
  },
  {
    operation: 'Mutation.saveCubeQuery',
    scenario: 'a cube query kept under a name',
    allowed: ['ADMIN', 'ANALYST'],
    pick: (data) => data?.saveCubeQuery ?? null,
    run: (api, _fx, n) =>
      api.request(
        `mutation($name: String!) { saveCubeQuery(name: $name, query: { fact: SUBMISSION, measures: [{ kind: COUNT }] }) { name } }`,
        {
          name: `matrix-save-${n}`,
        },
      ),
    snapshot: savedNames,
  },
  {
    operation: 'Mutation.deleteCubeQuery',
    scenario: 'a saved cube query removed (the office any, an analyst its own)',
    allowed: ['ADMIN'],
    pick: (data) => data?.deleteCubeQuery ?? null,
    run: async (api, _fx, n, admin) => {
      await admin.data(
        `mutation($name: String!) { saveCubeQuery(name: $name, query: { fact: SUBMISSION, measures: [{ kind: COUNT }] }) { name } }`,
        {
          name: `matrix-delete-${n}`,
        },
      );
      return api.request(`mutation($name: String!) { deleteCubeQuery(name: $name) { name } }`, { name: `matrix-delete-${n}` });
    },
  },
];
