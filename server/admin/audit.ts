/**
 * The one way admin writes reach the audit log. The router calls it after a write route's
 * handler succeeded and before answering, so a write the caller saw succeed is in the log
 * (a crash between the two loses the entry, never invents one). Insert-only.
 */
import type { Models } from '../store/models/index.js';

export interface AuditRecord {
  keyId: string;
  action: string;
  programId: string | null;
  target: string;
  requestId: string;
  details?: Record<string, unknown>;
  at: Date;
}

export async function recordAudit(models: Models, record: AuditRecord): Promise<void> {
  await models.AuditEntry.create(record);
}
