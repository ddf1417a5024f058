export interface GraphError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

export interface GraphResponse<T> {
  status: number;
  data?: T | null;
  errors?: GraphError[];
}

/** A small GraphQL-over-HTTP client for tests, the sample loader and scripts. */
export class GraphClient {
  constructor(
    readonly url: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  /** The same endpoint with extra headers (e.g. Authorization). */
  with(headers: Record<string, string>): GraphClient {
    return new GraphClient(this.url, { ...this.headers, ...headers });
  }

  async request<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphResponse<T>> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.headers },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    let body: { data?: T | null; errors?: GraphError[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new Error(`HTTP ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
    }
    return { status: response.status, data: body.data, errors: body.errors };
  }

  /** Like request, but throws on any error: for steps that must succeed. */
  async data<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length || !result.data) {
      throw new Error(`GraphQL request failed (HTTP ${result.status}): ${JSON.stringify(result.errors)}`);
    }
    return result.data;
  }
}
