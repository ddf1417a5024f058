import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { SERVICE_PORTS, WEB_PORT } from '@meritgraph/config';

/**
 * The page a browser gets at GET /graphql in development, in place of Apollo's hosted Sandbox
 * (which loads from a CDN): what this endpoint is, how to POST a query to it, where the web
 * console is and how to get a token. Everything is in the page itself: no script, and no
 * stylesheet, font or image from anywhere; its one inline style is allowed by its hash in the
 * page's own Content-Security-Policy. Production shows no landing page at all.
 */
export interface LandingPageOptions {
  /** The service answering: gateway, or a subgraph's name. */
  service: string;
  /** Its GraphQL URL as it listens now; the default port's when it is not listening. */
  endpoint: () => string | undefined;
}

const GATEWAY_URL = `http://127.0.0.1:${SERVICE_PORTS.gateway}/graphql`;
const CONSOLE_URL = `http://127.0.0.1:${WEB_PORT}`;

const STYLE = [
  'body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}',
  'h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:1.5rem}',
  'code,pre{font-family:ui-monospace,monospace;background:#f2f2f2;border-radius:4px}',
  'code{padding:0 .25rem}pre{padding:.75rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all}',
].join('');

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/** The page's own policy: nothing loads, nothing runs, nothing is sent anywhere; only its style applies. */
export const LANDING_PAGE_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Where an HTTP server listens, as a GraphQL URL a client on this machine can call. */
export function graphqlUrlOf(server: Server | undefined): string | undefined {
  const address = server?.address() as AddressInfo | string | null | undefined;
  if (!address || typeof address === 'string') return undefined;
  const host = ['0.0.0.0', '::', ''].includes(address.address)
    ? '127.0.0.1'
    : address.address.includes(':')
      ? `[${address.address}]`
      : address.address;
  return `http://${host}:${address.port}/graphql`;
}

export function landingPageHtml(service: string, endpoint: string): string {
  const gateway = service === 'gateway';
  const url = escape(endpoint);
  const curl = escape(
    `curl -s ${endpoint} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" -d '{"query":"{ __typename }"}'`,
  );
  const name = gateway ? 'the MeritGraph gateway' : `the MeritGraph ${escape(service)} subgraph`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${LANDING_PAGE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>MeritGraph ${escape(service)}: GraphQL endpoint</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>MeritGraph ${escape(service)}: GraphQL endpoint</h1>
<p data-endpoint="${url}">This is the GraphQL endpoint of ${name}: <code>${url}</code>. It answers queries sent as
<code>POST</code> with a JSON body <code>{"query": "…", "variables": {…}}</code>. This page is shown in development only.</p>
${
  gateway
    ? ''
    : `<p>The graph's clients call the gateway, <code>${escape(GATEWAY_URL)}</code>, which routes their queries to this subgraph.</p>\n`
}<h2>Send a query</h2>
<pre><code>${curl}</code></pre>
<h2>Get a token</h2>
<p>A development token for a role (ADMIN, ORGANIZER, SUBMITTER, EXPERT, ANALYST or AGENCY), signed with this installation's JWT_SECRET:</p>
<pre><code>npm run token -- --role ADMIN</code></pre>
<p>It prints the token; put it in <code>TOKEN</code> for the line above. Without a token a query is answered as the public.</p>
<h2>The web console</h2>
<p>The office, experts, units, unions and the public use the graph in a browser at <code>${escape(CONSOLE_URL)}</code> (<code>npm start</code> runs it).</p>
</main>
</body>
</html>
`;
}

/** Apollo's landing page replaced by the self-contained one; for development (production disables the landing page). */
export function developmentLandingPage<TContext extends BaseContext>(options: LandingPageOptions): ApolloServerPlugin<TContext> {
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          const port = (SERVICE_PORTS as Record<string, number | undefined>)[options.service];
          const fallback = port ? `http://127.0.0.1:${port}/graphql` : GATEWAY_URL;
          return { html: async () => landingPageHtml(options.service, options.endpoint() ?? fallback) };
        },
      };
    },
  };
}
