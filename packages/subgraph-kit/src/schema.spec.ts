import { GraphQLScalarType, Kind, buildSchema as buildSdl, graphql, parse, validate } from 'graphql';
import { Arg, Field, Float, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { buildFederatedSchema, withRange } from './schema';

/** A day of the calendar, refusing days that do not exist (as graphql-scalars' LocalDate does). */
function parseDay(v: unknown): string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
    throw new TypeError(`Value is not a valid Day: ${String(v)}`);
  if (new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v) throw new TypeError(`Value is not a valid Day: ${v}`);
  return v;
}

const Day = new GraphQLScalarType({
  name: 'Day',
  serialize: (v) => v,
  parseValue: parseDay,
  parseLiteral: (node) => {
    if (node.kind !== Kind.STRING) throw new TypeError('Value is not a string');
    return parseDay(node.value);
  },
});

@InputType()
class SlotInput {
  @Field(() => Int, { description: withRange('Minutes per slot.', 1, 240) })
  minutes: number;

  @Field(() => Day, { nullable: true })
  on?: string | null;

  @Field(() => [Float], { nullable: true })
  weights?: number[] | null;
}

@InputType()
class PlanInput {
  @Field(() => [SlotInput])
  slots: SlotInput[];
}

const calls: unknown[] = [];

@Resolver()
class PlanResolver {
  @Query(() => String)
  ping(): string {
    return 'pong';
  }

  @Mutation(() => Int)
  schedule(@Arg('input', () => SlotInput) input: SlotInput): number {
    calls.push(input);
    return input.minutes;
  }

  @Mutation(() => Int)
  plan(@Arg('plan', () => PlanInput) plan: PlanInput): number {
    calls.push(plan);
    return plan.slots.length;
  }

  @Mutation(() => Float)
  scale(@Arg('factor', () => Float, { description: withRange('A factor.', 0, 1.5) }) factor: number): number {
    calls.push(factor);
    return factor;
  }
}

describe('documented ranges', () => {
  it('end a description with the range in the form clients read', () => {
    expect(withRange('Minutes per slot.', 1, 240)).toBe('Minutes per slot. From 1 to 240.');
    expect(withRange('  Scores. ', -0.5, 20)).toBe('Scores. From -0.5 to 20.');
  });
});

describe('Float literals', () => {
  it('fail validation beyond any number in every schema of the process, the gateway’s too, and are read as before otherwise', () => {
    const schema = buildSdl('type Query { f(x: Float): Int }');
    expect(validate(schema, parse('{ f(x: 1e309) }')).map((e) => e.message)).toEqual(['Float cannot represent a non-finite value: 1e309']);
    expect(validate(schema, parse('{ f(x: -1.5e300) }'))).toEqual([]);
  });
});

describe('the argument check of a subgraph schema', () => {
  let run: (source: string, variableValues?: Record<string, unknown>) => ReturnType<typeof graphql>;
  beforeAll(async () => {
    const schema = await buildFederatedSchema({ resolvers: [new PlanResolver()] });
    run = (source, variableValues) => graphql({ schema, source, variableValues, contextValue: {} });
  });
  beforeEach(() => (calls.length = 0));

  const problemsOf = (result: Awaited<ReturnType<typeof graphql>>) => {
    const error = result.errors?.[0];
    const original = error?.originalError as { code?: string; field?: string; problems?: { field: string; message: string }[] } | undefined;
    return { code: original?.code, field: original?.field, problems: original?.problems };
  };

  it('lets valid arguments through to the resolver', async () => {
    const result = await run(`mutation { schedule(input: { minutes: 30, on: "2026-02-28", weights: [0.5, 1] }) }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ schedule: 30 });
    expect(calls).toHaveLength(1);
  });

  it('refuses a custom-scalar value it cannot parse, inline or as a variable, naming the field, before the resolver runs', async () => {
    for (const result of [
      await run(`mutation { schedule(input: { minutes: 30, on: "2026-02-30" }) }`),
      await run(`mutation($on: Day) { schedule(input: { minutes: 30, on: $on }) }`, { on: '2026-02-30' }),
      await run(`mutation($i: SlotInput!) { schedule(input: $i) }`, { i: { minutes: 30, on: '2026-13-01' } }),
      await run(`mutation { schedule(input: { minutes: 30, on: 20260101 }) }`),
    ]) {
      expect(problemsOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'on' });
      expect(problemsOf(result).problems![0]!.message).toMatch(/not a valid Day|must be a valid Day/);
    }
    expect(calls).toHaveLength(0);
  });

  it('leaves numbers to the resolver, which checks them with the rest of its input', async () => {
    expect((await run(`mutation { schedule(input: { minutes: 2147483647 }) }`)).data).toEqual({ schedule: 2147483647 });
    expect(calls).toHaveLength(1);
  });

  it('refuses a Float literal beyond any number (1e309) when the operation is validated, before anything runs', async () => {
    for (const source of [`mutation { scale(factor: 1e309) }`, `mutation { schedule(input: { minutes: 5, weights: [1, -1e400] }) }`]) {
      const result = await run(source);
      expect(result.errors?.map((e) => e.message)).toEqual([
        expect.stringMatching(/Float cannot represent a non-finite value: -?1e[34]0[09]/),
      ]);
      expect(result.data).toBeUndefined();
    }
    expect(calls).toEqual([]);
  });

  it('names a field inside a list of inputs by its position, and reports every problem at once', async () => {
    const result = await run(`mutation { plan(plan: { slots: [{ minutes: 30, on: "2026-02-29" }, { minutes: 0, on: "31/12/2026" }] }) }`);
    expect(problemsOf(result)).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'plan.slots[0].on',
      problems: [
        { field: 'plan.slots[0].on', message: 'Value is not a valid Day: 2026-02-29' },
        { field: 'plan.slots[1].on', message: 'Value is not a valid Day: 31/12/2026' },
      ],
    });
    expect(calls).toHaveLength(0);
  });
});
