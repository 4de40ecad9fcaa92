# Perkwire image: the compiled service (dist/) on a slim Node runtime, production dependencies
# only, run as the unprivileged `node` user. Build from the project folder:
#   docker build --build-arg PERKWIRE_COMMIT="$(git rev-parse HEAD)" -t perkwire .
# or `docker compose --profile app up --build` (docker-compose.yml). README: "Deploying".
# NODE_VERSION is .node-version's (test/unit/deploy/dockerfile.test.ts keeps them equal).
ARG NODE_VERSION=24.22.3

# --- build: all dependencies, tsc to dist/, then drop the dev dependencies ------------------
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY .node-version tsconfig.json tsconfig.build.json ./
COPY scripts/ scripts/
COPY config/ config/
COPY rules/ rules/
COPY server/ server/
COPY workers/ workers/
COPY dashboard/ dashboard/
# The build context has no .git: the commit /healthz reports comes in as a build argument.
ARG PERKWIRE_COMMIT=""
RUN PERKWIRE_COMMIT="${PERKWIRE_COMMIT}" bash scripts/build.sh \
 && npm prune --omit=dev --no-audit --no-fund --loglevel=error

# --- runtime: node, production node_modules, dist/, the rule files -----------------------
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=8080
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules/ node_modules/
COPY --from=build /app/dist/ dist/
# RULES_DIR (default rules/programs, relative to /app): the programs published at boot.
COPY --from=build /app/rules/programs/ rules/programs/
USER node
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "dist/scripts/healthcheck.js"]
# node runs as PID 1 (exec form, no shell in between) and receives SIGTERM itself: main.js stops
# readiness, HTTP, workers, queues, Redis and MongoDB in that order within SHUTDOWN_TIMEOUT_MS.
STOPSIGNAL SIGTERM
CMD ["node", "--enable-source-maps", "dist/server/main.js"]
