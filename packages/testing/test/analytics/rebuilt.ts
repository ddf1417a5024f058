import type { GraphClient } from '../../src';

export interface FeedStatus {
  feed: string;
  lag: number;
  applied: number;
  rebuilding: boolean;
  lastError: string | null;
}

const FIELDS = 'feed lag applied rebuilding lastError';

/**
 * The office's rebuild of the read model, followed as an operator would: rebuildAnalytics
 * answers at once, then analyticsStatus is read until no feed is rebuilding any more.
 */
export async function rebuildThrough(admin: GraphClient, timeoutMs = 600_000): Promise<FeedStatus[]> {
  await admin.data(`mutation { rebuildAnalytics { ${FIELDS} } }`);
  for (const deadline = Date.now() + timeoutMs; ; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const { analyticsStatus } = await admin.data<{ analyticsStatus: FeedStatus[] }>(`{ analyticsStatus { ${FIELDS} } }`);
    if (!analyticsStatus.some((f) => f.rebuilding)) return analyticsStatus;
    if (Date.now() > deadline) throw new Error(`The read model was still rebuilding after ${timeoutMs} ms`);
  }
}
