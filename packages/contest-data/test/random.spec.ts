import { Random } from '../src/replay/random';

const draws = (r: Random, n = 5) => Array.from({ length: n }, () => r.next());

describe('the replay’s per-entity random sources', () => {
  it('give an entity the same draws for the same seed and names, whatever was drawn before', () => {
    const first = draws(Random.of(2019, 'EVALUATION', 'expert:7', 'submission:12'));
    draws(Random.of(2019, 'EVALUATION', 'expert:8'), 50);
    expect(draws(Random.of(2019, 'EVALUATION', 'expert:7', 'submission:12'))).toEqual(first);
  });

  it('differ between entities, rounds and seeds', () => {
    const base = draws(Random.of(2019, 'EVALUATION', 'expert:7', 'submission:12'));
    expect(draws(Random.of(2019, 'EVALUATION', 'expert:7', 'submission:13'))).not.toEqual(base);
    expect(draws(Random.of(2019, 'FINAL', 'expert:7', 'submission:12'))).not.toEqual(base);
    expect(draws(Random.of(2020, 'EVALUATION', 'expert:7', 'submission:12'))).not.toEqual(base);
  });

  it('do not run into each other where names could be joined two ways', () => {
    expect(draws(Random.of(1, 'ab', 'c'))).not.toEqual(draws(Random.of(1, 'a', 'bc')));
  });
});
