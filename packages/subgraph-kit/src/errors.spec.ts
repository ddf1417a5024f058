import { GraphQLError, buildSchema, parse, validate } from 'graphql';
import { DomainError, InvalidInput } from '@meritgraph/domain';
import { argumentField, createErrorFormatter, variableField } from './errors';

describe('createErrorFormatter', () => {
  const logged: Record<string, unknown>[] = [];
  const format = createErrorFormatter('test', { error: (_m, meta) => logged.push(meta) });
  const asResolverError = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['x'] });

  beforeEach(() => (logged.length = 0));

  it('turns a domain error into its code and the offending field', () => {
    const error = new InvalidInput([{ field: 'creditCode', message: 'check character does not match' }]);
    const out = format({ message: error.message }, asResolverError(error));
    expect(out.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCode' });
    expect(out.message).toBe('creditCode: check character does not match');
    expect(logged).toHaveLength(0);
  });

  it('masks unexpected errors, logging them under an id the client also gets', () => {
    const sqlError = new Error("ER_NO_SUCH_TABLE: Table 'meritgraph.submission' doesn't exist");
    const out = format({ message: sqlError.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, asResolverError(sqlError));
    expect(out.message).not.toContain('submission');
    expect(out.message).toMatch(/^Internal server error \(reference [0-9a-f-]{36}\)$/);
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', errorId: expect.any(String) });
    expect(logged[0]).toMatchObject({ errorId: out.extensions?.errorId, service: 'test' });
    expect(JSON.stringify(out)).not.toMatch(/stack|ER_NO_SUCH_TABLE/);
  });

  it('masks a raw error even when it claims a client code', () => {
    const sneaky = Object.assign(new Error('SELECT * FROM person'), { code: 'BAD_USER_INPUT' });
    const out = format({ message: sneaky.message, extensions: { code: 'BAD_USER_INPUT' } }, asResolverError(sneaky));
    expect(out.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(out.message).not.toContain('SELECT');
  });

  it("keeps GraphQL's own coded errors, such as validation failures", () => {
    const validation = new GraphQLError('Cannot query field "nope" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const out = format({ message: validation.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['…'] } }, validation);
    expect(out).toMatchObject({ message: validation.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(out.extensions).not.toHaveProperty('stacktrace');
  });

  it('keeps the reference of an error a subgraph already masked', () => {
    const relayed = new GraphQLError('Internal server error (reference abc)', {
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId: 'abc', serviceName: 'honors' },
    });
    const out = format({ message: relayed.message, extensions: relayed.extensions }, relayed);
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', errorId: 'abc', serviceName: 'honors' });
    expect(logged).toHaveLength(0);
  });

  it('passes domain codes such as NOT_FOUND through with their details', () => {
    const error = new DomainError('QUOTA_EXCEEDED', 'quota reached', 'awardTypeCode', { quota: 43 });
    expect(format({ message: '' }, asResolverError(error)).extensions).toEqual({
      code: 'QUOTA_EXCEEDED',
      field: 'awardTypeCode',
      details: { quota: 43 },
    });
  });

  it('names the input field a variable coercion error is about', () => {
    const coercion = (message: string) =>
      format({ message, extensions: { code: 'BAD_USER_INPUT' } }, new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } }));
    expect(
      coercion('Variable "$input" got invalid value Infinity at "input.leadership"; Float cannot represent non numeric value: Infinity')
        .extensions,
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'leadership' });
    expect(coercion('Variable "$x" got invalid value Infinity; Float cannot represent non numeric value: Infinity').extensions?.field).toBe(
      'x',
    );
    // A field a subgraph already named is kept as it is.
    const named = new GraphQLError('leadership: must be a finite number', { extensions: { code: 'BAD_USER_INPUT', field: 'leadership' } });
    expect(format({ message: named.message, extensions: named.extensions }, named).extensions?.field).toBe('leadership');
  });
});

describe('variableField', () => {
  it('reads the path in the variable, naming the fields of an input variable bare', () => {
    expect(variableField('Variable "$inputs" got invalid value 1e999 at "inputs[0].scores[1].score"; Float cannot …')).toBe(
      'inputs[0].scores[1].score',
    );
    expect(variableField('Variable "$input" got invalid value "x" at "input.quotaGroups[0].quota"; Int cannot …')).toBe(
      'quotaGroups[0].quota',
    );
    expect(variableField('Variable "$slot" of required type "Int!" was not provided.')).toBe('slot');
    expect(variableField('Variable "$slot" of non-null type "Int!" must not be null.')).toBe('slot');
    expect(variableField('Cannot query field "nope" on type "Query".')).toBeUndefined();
  });
});

describe('argumentField', () => {
  const schema = buildSchema(`
    input GroupInput { code: String! quota: Int! }
    input RoundInput { name: String! groups: [GroupInput!] }
    type Query { ping: String }
    type Mutation { createRound(input: RoundInput!): String setQuota(quota: Int!): String }
  `);
  const errorsOf = (source: string) => validate(schema, parse(source));

  it('names the argument or input field whose literal value failed validation', () => {
    const [quota] = errorsOf(`mutation { setQuota(quota: 99999999999) }`);
    expect(argumentField(quota)).toBe('quota');
    const [nested] = errorsOf(
      `mutation { createRound(input: { name: "复评", groups: [{ code: "AI", quota: 1 }, { code: "BIO", quota: 1e99 }] }) }`,
    );
    expect(argumentField(nested)).toBe('groups[1].quota');
  });

  it('names nothing for errors that are not about an argument value', () => {
    const [unknown] = errorsOf(`{ nope }`);
    expect(argumentField(unknown)).toBeUndefined();
    expect(argumentField(new Error('x'))).toBeUndefined();
  });

  it('turns a literal Int beyond 32 bits into BAD_USER_INPUT naming the field, keeping other validation errors as they are', () => {
    const format = createErrorFormatter('test', { error: () => undefined });
    const [overflow] = errorsOf(`mutation { setQuota(quota: 99999999999) }`);
    expect(format({ message: overflow!.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, overflow).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'quota',
    });
    const [wrongType] = errorsOf(`mutation { setQuota(quota: "ten") }`);
    expect(format({ message: wrongType!.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, wrongType).extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      field: 'quota',
    });
  });
});
