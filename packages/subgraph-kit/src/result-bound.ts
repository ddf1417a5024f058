import type { ApolloServerPlugin } from '@apollo/server';
import { type GraphQLFieldResolver, type GraphQLSchema, defaultFieldResolver, getNamedType, isCompositeType, isObjectType } from 'graphql';
import { type SubgraphContext, workOf } from './work';

/** Objects in a resolved value: one for an object, the objects of a list's items, none for null. */
export function countObjects(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + countObjects(item), 0);
  return 1;
}

const settle = <T>(value: T | Promise<T>, then: (resolved: T) => T): T | Promise<T> =>
  value instanceof Promise ? value.then(then) : then(value);

/**
 * A refused list may hold promises of items already under way (`_entities` starts every
 * reference at once); nobody will await them now, so their failures must not surface as
 * unhandled rejections, which end the process.
 */
function abandon(value: unknown): void {
  if (value instanceof Promise) value.catch(() => undefined);
  else if (Array.isArray(value)) value.forEach(abandon);
}

const BOUNDED = Symbol('bounded');

/**
 * Wraps the schema's resolvers, in place, so that each request's work bounds them: a resolver
 * does not start once the request was stopped (its deadline passed, or its result outgrew the
 * bound), and the objects a field resolves to are counted before graphql-js completes them, so
 * a list that would pass the bound is refused whole instead of being built. Leaf fields read
 * from their parent are left alone: they do no work.
 */
export function boundResolvers(schema: GraphQLSchema): GraphQLSchema {
  if ((schema as { [BOUNDED]?: true })[BOUNDED]) return schema;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const composite = isCompositeType(getNamedType(field.type));
      if (!composite && !field.resolve) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const work = workOf(context);
        if (!work) return resolve(source, args, context, info);
        work.check();
        const result = resolve(source, args, context, info) as unknown;
        if (!composite) return result;
        return settle(result, (value) => {
          try {
            work.add(countObjects(value));
          } catch (error) {
            abandon(value);
            throw error;
          }
          return value;
        });
      };
    }
  }
  Object.assign(schema, { [BOUNDED]: true });
  return schema;
}

/**
 * A stopped request raises its reason at every field that tried to start after it; the
 * answer keeps the first of those errors (with its path) and what was built before.
 */
export const stoppedWorkPlugin: ApolloServerPlugin<SubgraphContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        const code = contextValue.work?.stopped?.code;
        if (!code || response.body.kind !== 'single' || !response.body.singleResult.errors) return;
        let kept = false;
        response.body.singleResult.errors = response.body.singleResult.errors.filter((error) => {
          if (error.extensions?.code !== code) return true;
          if (kept) return false;
          kept = true;
          return true;
        });
      },
    };
  },
};
