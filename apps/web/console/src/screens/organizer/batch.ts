import { CombinedGraphQLErrors } from '@apollo/client';
import { ERROR_TEXT, type Language } from '../../errors';

interface Refused {
  index?: unknown;
  id?: unknown;
  submissionId?: unknown;
  code?: unknown;
}

/**
 * Each refused row of a BATCH_REFUSED, by submission id: the refusal's code and its text in the
 * language asked. The graph names a refusal by its index in the inputs (`details.errors`, or
 * `details.refusals`), and sometimes by the submission's id as well.
 */
export function refusedRows(error: unknown, ids: readonly string[], language: Language): Map<string, { code: string; text: string }> {
  const out = new Map<string, { code: string; text: string }>();
  if (!CombinedGraphQLErrors.is(error)) return out;
  for (const e of error.errors) {
    if (e.extensions?.code !== 'BATCH_REFUSED') continue;
    const details = (e.extensions.details ?? {}) as { errors?: Refused[]; refusals?: Refused[] };
    for (const row of [...(details.errors ?? []), ...(details.refusals ?? [])]) {
      const id =
        typeof row.id === 'string'
          ? row.id
          : typeof row.submissionId === 'string'
            ? row.submissionId
            : typeof row.index === 'number'
              ? ids[row.index]
              : undefined;
      const code = typeof row.code === 'string' ? row.code : 'INTERNAL_SERVER_ERROR';
      if (id) out.set(id, { code, text: (ERROR_TEXT[code] ?? ERROR_TEXT.INTERNAL_SERVER_ERROR!)[language] });
    }
  }
  return out;
}
