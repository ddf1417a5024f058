# One image for all eight services (the console and the notifier among them) and the replay; pick one with the command, e.g.
#   docker run meritgraph:local node apps/honors/dist/main.js
# Node 22 LTS. The code also runs on Node 20.19+ (package.json engines), as CI does.

FROM node:22-bookworm-slim AS build
# better-sqlite3 (12.x: prebuilt binaries for Node 20 and 22) compiles its native addon at
# install when no prebuilt binary fits, e.g. without network access to its releases.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# The lockfile was written by npm 11, which also honours the root allowScripts field.
RUN npm install -g npm@11.6.3
WORKDIR /app

# Manifests first, so source edits don't invalidate the npm ci layer; npm ci needs every
# workspace's (a test checks the list).
COPY package.json package-lock.json .npmrc ./
COPY packages/typescript-config/package.json packages/typescript-config/
COPY packages/domain/package.json packages/domain/
COPY packages/config/package.json packages/config/
COPY packages/db/package.json packages/db/
COPY packages/subgraph-kit/package.json packages/subgraph-kit/
COPY packages/supergraph/package.json packages/supergraph/
COPY packages/testing/package.json packages/testing/
COPY packages/contest-data/package.json packages/contest-data/
COPY packages/client/package.json packages/client/
COPY packages/hive-gateway/package.json packages/hive-gateway/
COPY packages/bench/package.json packages/bench/
COPY apps/gateway/package.json apps/gateway/
COPY apps/organizations/package.json apps/organizations/
COPY apps/submissions/package.json apps/submissions/
COPY apps/expert-review/package.json apps/expert-review/
COPY apps/honors/package.json apps/honors/
COPY apps/analytics/package.json apps/analytics/
COPY apps/notifier/package.json apps/notifier/
COPY apps/web/package.json apps/web/
RUN npm ci

COPY . .
RUN TURBO_TELEMETRY_DISABLED=1 npx turbo run build
# Keep only what the services run: production deps and the compiled dist/ folders (the
# console's bundle among them, apps/web/dist/console).
RUN npm prune --omit=dev \
 && rm -rf .turbo apps/*/src apps/web/console packages/*/src packages/testing/test

FROM node:22-bookworm-slim
# An explicit heap limit per service: a leak or a runaway request ends in a restart by the
# orchestrator, not in the machine swapping. Raise it with NODE_OPTIONS at run time.
ENV NODE_ENV=production HOST=0.0.0.0 NODE_OPTIONS=--max-old-space-size=512
WORKDIR /app
# Files stay root-owned (read-only to the app); only the SQLite fallback folder
# (DATA_DIR defaults to ./data), the attachments volume (/srv/files) and the notifier's mail folder (/srv/mail)
# are writable by the node user: a named volume starts with the ownership of the folder it is mounted on.
COPY --from=build /app /app
RUN mkdir -p /app/data /srv/files /srv/mail && chown node:node /app/data /srv/files /srv/mail
USER node

EXPOSE 3000 4000 4001 4002 4003 4004 4005 4006
# The slim image has no curl; Node has fetch. PORT is set per service (gateway default 4000).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

CMD ["node", "apps/gateway/dist/main.js"]
