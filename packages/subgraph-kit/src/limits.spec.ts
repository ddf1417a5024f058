import { DEFAULT_LIMITS, LimitExceeded, type OperationLimits, checkBatch, checkOperation } from './limits';

const limits: OperationLimits = {
  maxTokens: 200,
  maxDepth: 4,
  maxAliases: 3,
  maxRootFields: 3,
  maxDirectives: 2,
  maxFieldRepeats: 3,
  maxBatchOperations: 2,
};

/** The refusal checkOperation throws, or null when the operation passes. */
function refusal(query: string, within: OperationLimits = limits): LimitExceeded | null {
  try {
    checkOperation(query, within);
    return null;
  } catch (error) {
    if (error instanceof LimitExceeded) return error;
    throw error;
  }
}

describe('operation limits', () => {
  it('lets an ordinary operation through', () => {
    expect(refusal('query($id: ID!) { contest(id: $id) { name tracks { code name } } }')).toBeNull();
  });

  it('refuses a document over the token limit with the limit and the tokens it has', () => {
    const error = refusal(`{ ${'__typename '.repeat(500)}}`);
    expect(error).toMatchObject({ code: 'MAX_TOKENS_EXCEEDED', limit: 200, actual: 502 });
  });

  it('refuses 23,000 copies of __typename (230 KB) at the parser, in well under a second', () => {
    const query = `{ ${'__typename '.repeat(23000)}}`;
    expect(query.length).toBeGreaterThan(230_000);
    const started = process.hrtime.bigint();
    expect(refusal(query, DEFAULT_LIMITS)?.code).toBe('MAX_TOKENS_EXCEEDED');
    // Validation of this document took 15 s before the parser limit; the parser stops long before.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1000);
  });

  it('refuses nesting deeper than the limit, counted through fragments and inline fragments', () => {
    const direct = refusal('{ a { b { c { d { e } } } } }');
    expect(direct).toMatchObject({ code: 'MAX_DEPTH_EXCEEDED', limit: 4, actual: 5 });
    const throughFragments = refusal('{ a { ...B } } fragment B on A { b { ... on B { c { ...D } } } } fragment D on C { d { e } }');
    expect(throughFragments).toMatchObject({ code: 'MAX_DEPTH_EXCEEDED', actual: 5 });
    expect(refusal('{ a { b { c { d } } } }')).toBeNull();
  });

  it('refuses more aliases than the limit, counting those inside fragments', () => {
    expect(refusal('{ q { x: a y: a ...F } } fragment F on Q { z: a w: a }')).toMatchObject({
      code: 'MAX_ALIASES_EXCEEDED',
      limit: 3,
      actual: 4,
    });
    expect(refusal('{ q { x: a y: a z: a } }')).toBeNull();
  });

  it('refuses more root fields than the limit', () => {
    expect(refusal('{ a b c d }')).toMatchObject({ code: 'MAX_ROOT_FIELDS_EXCEEDED', limit: 3, actual: 4 });
    expect(refusal('{ a ...R } fragment R on Query { b c d }')).toMatchObject({ code: 'MAX_ROOT_FIELDS_EXCEEDED', actual: 4 });
  });

  it('refuses more directives than the limit', () => {
    expect(refusal('{ a @include(if: true) b @skip(if: false) c @include(if: true) }')).toMatchObject({
      code: 'MAX_DIRECTIVES_EXCEEDED',
      limit: 2,
      actual: 3,
    });
  });

  it('refuses 1,000 copies of one field with conflicting arguments before validation compares them pairwise', () => {
    const copies = Array.from({ length: 1000 }, (_, i) => `submissions(first: ${i}) { totalCount }`).join(' ');
    const error = refusal(`{ contest { ${copies} } }`, { ...DEFAULT_LIMITS, maxTokens: 100_000 });
    expect(error).toMatchObject({ code: 'MAX_FIELD_REPEATS_EXCEEDED', limit: DEFAULT_LIMITS.maxFieldRepeats, actual: 1000 });
  });

  it('counts a field repeated through fragments spread in the same selection', () => {
    expect(refusal('{ a ...F ...G ... on Query { a } } fragment F on Query { a } fragment G on Query { a }')).toMatchObject({
      code: 'MAX_FIELD_REPEATS_EXCEEDED',
      actual: 4,
    });
  });

  it('survives fragments that spread each other in a cycle, leaving the cycle to validation', () => {
    expect(refusal('{ ...A } fragment A on Query { a ...B } fragment B on Query { b ...A }')).toBeNull();
  });

  it('leaves syntax errors to the parser that reports them with their location', () => {
    expect(() => checkOperation('{ contest(', limits)).toThrow(/Syntax Error/);
  });

  it('admits a batch of up to maxBatchOperations operations and refuses one more, with the limit and the count', () => {
    expect(() => checkBatch(2, limits)).not.toThrow();
    expect(() => checkBatch(3, limits)).toThrow(expect.objectContaining({ code: 'MAX_BATCH_EXCEEDED', limit: 2, actual: 3 }));
    expect(() => checkBatch(3, limits)).toThrow('The request has 3 operations in one batch; at most 2 are allowed');
    expect(DEFAULT_LIMITS.maxBatchOperations).toBe(10);
  });
});
