import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { SubgraphContext } from './work';

/**
 * The fields federation adds for the gateway: `_service` prints the whole subgraph SDL
 * (hidden fields included) and `_entities` resolves any entity by key, past the root fields'
 * filters. In production only the graph itself may ask for them.
 */
export const GATEWAY_ONLY_FIELDS: readonly string[] = ['_service', '_entities'];

/** The root fields an operation selects, through inline fragments and fragment spreads. */
export function rootFieldNames(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const names = new Set<string>();
  const visited = new Set<string>();
  const walk = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return [...names];
}

/**
 * Refuses `_service` and `_entities` to callers without a token the graph signed, before
 * anything is resolved: FORBIDDEN, with neither SDL nor entity data.
 */
export const gatewayOnlyFieldsPlugin: ApolloServerPlugin<SubgraphContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, document, contextValue }) {
        if (contextValue.internal || !operation) return;
        const asked = rootFieldNames(operation, document).filter((name) => GATEWAY_ONLY_FIELDS.includes(name));
        if (asked.length > 0) {
          throw new GraphQLError(`${asked.join(' and ')} answer only the gateway`, {
            extensions: { code: 'FORBIDDEN', http: { status: 403 } },
          });
        }
      },
    };
  },
};
