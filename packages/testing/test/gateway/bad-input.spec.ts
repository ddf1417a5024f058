import { type GraphQLInputType, getNamedType, isInputObjectType, isObjectType } from 'graphql';
import { readSupergraph } from '@meritgraph/gateway';
import { apiSchema } from '@meritgraph/supergraph';

/**
 * Every number a client may send has a range it can read in the schema; the services refuse
 * a value outside it (BAD_USER_INPUT naming the field) with the rest of their input, as the
 * bad-input suites of each subgraph check.
 */
describe('numeric arguments', () => {
  const schema = apiSchema(readSupergraph());
  const numeric = (type: GraphQLInputType) => ['Int', 'Float'].includes(getNamedType(type).name);
  /** The range as a client reads it: the description's last sentence, "From 1 to 240." */
  const documentedRange = (description: string | null | undefined) =>
    /(?:^|\s)From -?\d+(?:\.\d+)? to -?\d+(?:\.\d+)?\.$/.test(description ?? '');
  /** Ranges that depend on another record, checked by the rule that knows it, which names the field its own way. */
  const DEPENDENT: Record<string, RegExp> = { 'CriterionScoreInput.score': /criterion's maximum \(itself at most 1000\)/ };

  it('every Int and Float argument and input field of the graph documents its range', () => {
    const undocumented: string[] = [];
    let documented = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          for (const arg of field.args) {
            // Page sizes are held to 1..100 by every connection, the same way.
            if (!numeric(arg.type) || arg.name === 'first') continue;
            if (documentedRange(arg.description)) documented += 1;
            else undocumented.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!numeric(field.type)) continue;
          const dependent = DEPENDENT[`${type.name}.${field.name}`];
          if (dependent) expect(field.description).toMatch(dependent);
          else if (documentedRange(field.description)) documented += 1;
          else undocumented.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(undocumented).toEqual([]);
    expect(documented).toBeGreaterThanOrEqual(30);
  });

  it('documents the page size of every connection (1 to 100), and the range of every other list’s first', () => {
    const fields = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .flatMap((t) => Object.values(t.getFields()).filter((f) => f.args.some((a) => a.name === 'first')));
    const connections = fields.filter((f) => getNamedType(f.type).name.endsWith('Connection'));
    expect(connections.length).toBeGreaterThan(0);
    for (const field of connections) expect(field.args.find((a) => a.name === 'first')!.description).toMatch(/1 to 100/);
    // Lists that are no connection (an analytics cube's cells, an export's page) hold their own documented range.
    for (const field of fields.filter((f) => !connections.includes(f))) {
      const first = field.args.find((a) => a.name === 'first')!;
      expect({ field: field.name, documented: documentedRange(first.description) }).toEqual({ field: field.name, documented: true });
    }
  });
});
