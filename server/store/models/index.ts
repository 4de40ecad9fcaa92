import type mongoose from 'mongoose';
import { accrualSchema } from './accrual.js';
import { auditEntrySchema } from './audit-entry.js';
import { dailyRollupSchema } from './daily-rollup.js';
import { ledgerEntrySchema } from './ledger-entry.js';
import { locationSchema } from './location.js';
import { memberSchema } from './member.js';
import { bindMemberKeySecret, memberKeySchema } from './member-key.js';
import { menuCatalogueSchema } from './menu-catalogue.js';
import { menuEntrySchema } from './menu-entry.js';
import { programSchema } from './program.js';
import { rewardLimitSlotSchema } from './reward-limit-slot.js';
import { rewardRedemptionSchema } from './reward-redemption.js';
import { ruleSetVersionSchema } from './rule-set-version.js';
import { tierChangeSchema } from './tier-change.js';
import { toastTransactionSchema } from './toast-transaction.js';

/**
 * Every collection's schema, by model name. New collections are added here; `registerModels`
 * binds them to one connection and builds their indexes.
 */
export const schemas = {
  Program: programSchema,
  Location: locationSchema,
  RuleSetVersion: ruleSetVersionSchema,
  Member: memberSchema,
  MemberKey: memberKeySchema,
  LedgerEntry: ledgerEntrySchema,
  ToastTransaction: toastTransactionSchema,
  RewardRedemption: rewardRedemptionSchema,
  RewardLimitSlot: rewardLimitSlotSchema,
  Accrual: accrualSchema,
  TierChange: tierChangeSchema,
  MenuCatalogue: menuCatalogueSchema,
  MenuEntry: menuEntrySchema,
  AuditEntry: auditEntrySchema,
  DailyRollup: dailyRollupSchema,
} as const;

export type ModelName = keyof typeof schemas;

export type Models = {
  [K in ModelName]: mongoose.Model<mongoose.InferSchemaType<(typeof schemas)[K]>>;
};

export interface StoreOptions {
  /**
   * Secret of the member lookup keys (config.memberKeySecret). Without it the development
   * secret is used: fine for tests and benches, never for a service (main.ts passes it).
   */
  memberKeySecret?: string;
}

/** Binds the schemas to `conn` and waits until every index (unique ones above all) exists. */
export async function registerModels(conn: mongoose.Connection, options: StoreOptions = {}): Promise<Models> {
  const models: Record<string, mongoose.Model<unknown>> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    models[name] = (conn.models[name] ?? conn.model(name, schema as mongoose.Schema)) as mongoose.Model<unknown>;
  }
  if (options.memberKeySecret !== undefined) bindMemberKeySecret(models.MemberKey!, options.memberKeySecret);
  await Promise.all(Object.values(models).map((m) => m.init()));
  return models as unknown as Models;
}
