/**
 * GraphQL Code Generator's client preset: the operations in src/operations/ (the README's) and
 * src/operations/console/ (the web console's), typed against the
 * client-facing schema at the repository root (which `npm run compose` writes), into
 * src/generated/. `npm run generate -w @meritgraph/client` writes it; `npm run lint` fails
 * while it is stale (`graphql-codegen --check`).
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: `${__dirname}/../../schema.graphql`,
  documents: [`${__dirname}/src/operations/*.graphql`, `${__dirname}/src/operations/console/*.graphql`],
  ignoreNoDocuments: false,
  generates: {
    [`${__dirname}/src/generated/`]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // A scalar without a mapping here stops the generator rather than become `any`.
        strictScalars: true,
        scalars: {
          DateTimeISO: { input: 'string', output: 'string' },
          LocalDate: { input: 'string', output: 'string' },
          JSON: { input: 'unknown', output: 'unknown' },
          JSONObject: { input: 'Record<string, unknown>', output: 'Record<string, unknown>' },
        },
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
      },
    },
  },
};

export default config;
