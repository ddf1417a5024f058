import { readSupergraph } from '@meritgraph/gateway';
import { readFileSync } from 'node:fs';
import { API_SCHEMA_FILE, breakingChanges, composeSupergraph, printApiSchema } from './compose';

describe('supergraph.graphql', () => {
  it('composes from the four subgraphs without errors', async () => {
    const { errors, supergraphSdl } = await composeSupergraph();
    expect(errors).toEqual([]);
    expect(supergraphSdl).toContain('join__graph(name: "honors"');
  });

  it('is current: the committed file equals a fresh composition (run `npm run compose` when this fails)', async () => {
    const { supergraphSdl } = await composeSupergraph();
    expect(readSupergraph()).toBe(supergraphSdl);
  });

  it('has its client-facing schema.graphql current: the API schema of the committed supergraph, without federation machinery', () => {
    const api = readFileSync(API_SCHEMA_FILE, 'utf8');
    expect(api).toBe(printApiSchema(readSupergraph()));
    expect(api).toContain('type Query');
    expect(api).not.toContain('join__');
  });
});

describe('breakingChanges', () => {
  it('flags a removed field and a newly required argument, and nothing for an added field', () => {
    const current = readSupergraph();
    const removed = current.replace(/\n\s+("""[^"]*"""\n\s+)?shortName: String @join__field\(graph: ORGANIZATIONS\)/, '');
    expect(removed).not.toBe(current);
    expect(breakingChanges(current, removed)).toEqual(['FIELD_REMOVED: Organization.shortName was removed.']);

    const requiredId = current.replace('\n  reviewRound(\n', '\n  reviewRound(\n    stage: ReviewStage!\n');
    expect(requiredId).not.toBe(current);
    expect(breakingChanges(current, requiredId)).toEqual(['REQUIRED_ARG_ADDED: A required arg stage on Query.reviewRound was added.']);

    expect(breakingChanges(removed, current)).toEqual([]);
  });
});
