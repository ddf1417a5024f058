/**
 * The platform's operations as typed documents (TypedDocumentNode): hand one to Apollo Client,
 * urql or graphql-request and its variables and answer are typed from the schema. The
 * operations are those the README shows, in src/operations/, and the web console's, in
 * src/operations/console/ (one file per operation, named after it); src/generated/ is written from
 * them by GraphQL Code Generator (`npm run generate -w @meritgraph/client`).
 *
 * Scalars arrive as JSON gives them: DateTimeISO and LocalDate are ISO 8601 strings
 * ("2020-01-15T02:00:00.000Z", "2020-01-15"), JSON is unknown.
 */
// Every operation's document, variables and answer types, and the schema's enums and inputs.
export * from './generated/graphql';
export { graphql, type DocumentType } from './generated/gql';
export { KEY_FIELDS } from './cache';
