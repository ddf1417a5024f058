import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type GraphQLObjectType, buildSchema, getNamedType, isLeafType, isNonNullType, isObjectType } from 'graphql';
import { KEY_FIELDS } from '../src';

const schema = buildSchema(readFileSync(join(__dirname, '..', '..', '..', 'schema.graphql'), 'utf8'));
const objectTypes = Object.values(schema.getTypeMap()).filter(
  (t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__') && !['Query', 'Mutation'].includes(t.name),
);

/** Answers computed per request (previews, rankings, ties, analytics questions): a cache has nothing to normalize them to. */
const COMPUTED = new Set(['OrganizerTie', 'RankedEvaluation', 'ResultPreview', 'Analytics']);

describe('cache keys', () => {
  it('gives every entity a non-null ID named id, so a normalized cache needs no policy for it', () => {
    const withId = objectTypes.filter((t) => t.getFields().id);
    expect(withId.length).toBeGreaterThan(20);
    for (const type of withId) expect(`${type.name}.id: ${String(type.getFields().id!.type)}`).toBe(`${type.name}.id: ID!`);
  });

  it('keys each listed type without an id on non-null leaf fields it has', () => {
    for (const [name, keys] of Object.entries(KEY_FIELDS)) {
      const type = schema.getType(name);
      expect(isObjectType(type)).toBe(true);
      const fields = (type as GraphQLObjectType).getFields();
      expect(fields.id).toBeUndefined();
      for (const key of keys) {
        const field = fields[key];
        expect(field && isNonNullType(field.type) && isLeafType(getNamedType(field.type))).toBe(true);
      }
    }
  });

  it('leaves no object a root query answers without a key, except connections and computed answers', () => {
    const unkeyed = Object.values(schema.getQueryType()!.getFields())
      .map((f) => getNamedType(f.type))
      .filter((t): t is GraphQLObjectType => isObjectType(t) && !t.getFields().id)
      .map((t) => t.name)
      .filter((name) => !name.endsWith('Connection') && !COMPUTED.has(name) && !(name in KEY_FIELDS));
    expect(unkeyed).toEqual([]);
  });
});
