import { composeSupergraph, readSupergraph } from './supergraph';

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
});
