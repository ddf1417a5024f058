/**
 * The console's bundle: console/ in, dist/console/ out, served by the web server (src/server.ts).
 * The typed documents come from packages/client's sources, so the bundle needs no build of it.
 * `npm run dev -w @meritgraph/web` serves it with hot reload, passing the graph's paths to the gateway.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root: resolve(import.meta.dirname, 'console'),
  plugins: [react()],
  resolve: { alias: { '@meritgraph/client': resolve(import.meta.dirname, '../../packages/client/src/index.ts') } },
  build: { outDir: resolve(import.meta.dirname, 'dist/console'), emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { port: 3000, proxy: { '/graphql': gateway, '/export': gateway } },
});
