/**
 * The container HEALTHCHECK (`node dist/scripts/healthcheck.js`): exit 0 when this container's
 * API answers `GET /healthz` on its PORT within 2 s, 1 otherwise. Only for ROLE=api or all: a
 * ROLE=worker process serves no HTTP (docker-compose.yml disables the check there).
 */
import { loadConfig } from '../config/index.js';

const { port } = loadConfig();
try {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
  process.exit(res.ok ? 0 : 1);
} catch {
  process.exit(1);
}
