/**
 * The one schema for every Perkwire setting. Each property is an environment variable;
 * `default` is the development default, `x-secret` marks values whose development default
 * is refused with NODE_ENV=production.
 */
export const configSchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    NODE_ENV: {
      type: 'string', enum: ['development', 'test', 'production'], default: 'development',
      description: 'Runtime environment. production refuses development secrets and keys shorter than 32 characters.',
    },
    PORT: {
      type: 'integer', minimum: 0, maximum: 65535, default: 8080,
      description: 'HTTP port of the API (0 = any free port).',
    },
    HOST: {
      type: 'string', default: '0.0.0.0', maxLength: 255,
      description: 'Interface the API listens on.',
    },
    MONGODB_URI: {
      type: 'string', pattern: '^mongodb(\\+srv)?://', default: 'mongodb://127.0.0.1:27018/perkwire',
      description: 'MongoDB connection string. Unset under npm start/test: the local dev server is started.',
    },
    REDIS_URL: {
      type: 'string', pattern: '^rediss?://', default: 'redis://127.0.0.1:6389',
      description: 'Redis connection URL for BullMQ queues.',
    },
    TOAST_API_KEYS: {
      type: 'string', minLength: 1, maxLength: 2048, default: 'dev-toast-key', 'x-secret': true,
      description: 'Comma-separated static keys Toast sends in Authorization (several for rotation; each ≤ 255 chars).',
    },
    TOAST_AUTH_MODE: {
      type: 'string', enum: ['static', 'jwt'], default: 'static',
      description: 'static: Authorization is one of TOAST_API_KEYS. jwt: an RS256 token signed by Toast.',
    },
    TOAST_JWT_PUBLIC_KEY: {
      type: 'string', maxLength: 8192, default: '',
      description: "PEM public key of Toast's token signer (required when TOAST_AUTH_MODE=jwt).",
    },
    ADMIN_API_KEYS: {
      type: 'string', minLength: 1, maxLength: 2048, default: 'dev-admin-key:*', 'x-secret': true,
      description: 'Comma-separated admin keys, each KEY:programId (or KEY:* for every program).',
    },
    ADMIN_RATE_LIMIT_PER_MINUTE: {
      type: 'integer', minimum: 1, maximum: 100000, default: 600,
      description: 'Requests per minute one client address may make to /admin (per process); more get 429.',
    },
    METRICS_TOKEN: {
      type: 'string', maxLength: 512, default: '',
      description: 'Bearer token for GET /metrics from other hosts; empty: /metrics answers loopback clients only.',
    },
    METRICS_LOOPBACK_OPEN: {
      type: 'boolean', default: true,
      description: 'GET /metrics needs no token from 127.0.0.1/::1 (set false behind a reverse proxy on the same host).',
    },
    QUEUE_PREFIX: {
      type: 'string', default: 'perkwire', pattern: '^[A-Za-z0-9_-]{1,40}$',
      description: 'Prefix of every BullMQ key in Redis (one per deployment sharing a Redis).',
    },
    ROLE: {
      type: 'string', enum: ['all', 'api', 'worker'], default: 'all',
      description: 'all: API and workers in one process; api or worker alone for scale-out.',
    },
    API_PROCESSES: {
      type: 'string', default: 'auto', pattern: '^(auto|[1-9]|1[0-6])$',
      description: 'Processes serving HTTP (ROLE=all or api): auto = one per CPU core but one (left to the workers, Redis and a local database), at least 1, at most 4. Above 1 the first process supervises them (and, with ROLE=all, runs the workers) and they share the port.',
    },
    LOG_LEVEL: {
      type: 'string', enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info',
      description: 'pino log level.',
    },
    RULES_DIR: {
      type: 'string', default: 'rules/programs', maxLength: 1024,
      description: 'Folder of program rule files published at boot.',
    },
    SEED_DEMO: {
      type: 'boolean', default: true,
      description: 'Import the sample menus in RULES_DIR/menus and publish the rule files in RULES_DIR and their locations at boot (default false with NODE_ENV=production).',
    },
    BODY_LIMIT_BYTES: {
      type: 'integer', minimum: 1024, maximum: 10485760, default: 1048576,
      description: 'Largest accepted request body.',
    },
    SHUTDOWN_TIMEOUT_MS: {
      type: 'integer', minimum: 1000, maximum: 60000, default: 10000,
      description: 'Deadline for an ordered shutdown after SIGINT/SIGTERM.',
    },
    ACCRUAL_SWEEP_AFTER_MS: {
      type: 'integer', minimum: 1000, maximum: 3600000, default: 15000,
      description: 'An accrual still pending this long after ACCEPT is re-enqueued by the sweeper.',
    },
    ACCRUAL_SWEEP_INTERVAL_MS: {
      type: 'integer', minimum: 200, maximum: 600000, default: 10000,
      description: 'How often the accrual sweeper looks for pending accruals.',
    },
    ACCRUAL_CONCURRENCY: {
      type: 'integer', minimum: 1, maximum: 256, default: 32,
      description: 'Accrual jobs one worker process posts at a time. Posting waits mostly on MongoDB, so more in flight keeps up with the API in the same process (ROLE=all).',
    },
    CLAIM_WINDOW_DAYS: {
      type: 'integer', minimum: 1, maximum: 3650, default: 30,
      description: 'How many days after the check a receipt can still be claimed (POST /v1/claims).',
    },
    JOB_LOCK_MS: {
      type: 'integer', minimum: 1000, maximum: 600000, default: 30000,
      description: "BullMQ job lock: a job whose worker died is handed to another after about this long.",
    },
    READ_ONLY_ANSWER_RETENTION_DAYS: {
      type: 'integer', minimum: 1, maximum: 3650, default: 30,
      description: 'Stored answers of INQUIRE and SEARCH (the bulk of Toast traffic) are deleted after this many days; REDEEM, ACCRUE and the rest are kept.',
    },
    TOAST_API_URL: {
      type: 'string', pattern: '^$|^https?://', maxLength: 255, default: '',
      description: "Toast API host for menu sync (e.g. https://ws-api.toasttab.com); empty: menus come only from npm run menu -- import.",
    },
    TOAST_CLIENT_ID: {
      type: 'string', maxLength: 255, default: '',
      description: 'Toast API client id (client-credentials login) for menu sync.',
    },
    TOAST_CLIENT_SECRET: {
      type: 'string', maxLength: 1024, default: '',
      description: 'Toast API client secret for menu sync. Never logged or printed.',
    },
    TOAST_API_TIMEOUT_MS: {
      type: 'integer', minimum: 500, maximum: 120000, default: 10000,
      description: 'Timeout of each Toast API request (menu sync retries 3 times with backoff).',
    },
    IDEMPOTENCY_WAIT_MS: {
      type: 'integer', minimum: 100, maximum: 4500, default: 1500,
      description: 'How long a duplicate Toast request waits for the first copy to finish (part of the request time budget).',
    },
    ABANDONED_REDEEM_AFTER_MS: {
      type: 'integer', minimum: 1000, maximum: 86400000, default: 120000,
      description: 'A REDEEM answered ERROR (or not at all) and not retried within this long has whatever it debited credited back.',
    },
    MONGO_SERVER_SELECTION_TIMEOUT_MS: {
      type: 'integer', minimum: 100, maximum: 30000, default: 1000,
      description: 'How long a database operation waits for a reachable MongoDB before it fails (part of the request time budget).',
    },
    MONGO_SOCKET_TIMEOUT_MS: {
      type: 'integer', minimum: 200, maximum: 60000, default: 1500,
      description: 'A database operation whose answer takes longer than this fails (part of the request time budget).',
    },
    MONGO_MAX_TIME_MS: {
      type: 'integer', minimum: 100, maximum: 60000, default: 1000,
      description: 'Server-side time limit attached to every query (below MONGO_SOCKET_TIMEOUT_MS).',
    },
    MEMBER_KEY_SECRET: {
      type: 'string', minLength: 16, maxLength: 512, default: 'dev-member-key-secret-not-for-production', 'x-secret': true,
      description: 'Secret of the keyed hashes (HMAC-SHA256) that index members by phone, email and card, and of request hashes. Changing it makes existing lookup keys unfindable until `npm run members -- rekey` rebuilds them.',
    },
  },
  required: [],
} as const;

export type ConfigKey = keyof typeof configSchema.properties;
