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
import { rewardBudgetSchema } from './reward-budget.js';
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
  RewardBudget: rewardBudgetSchema,
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

/** The model of `name` on `conn` (bound once per connection), typed by its own schema. */
function bind<K extends ModelName>(conn: mongoose.Connection, into: Partial<Models>, name: K): void {
  into[name] = (conn.models[name] ?? conn.model(name, schemas[name])) as Models[K];
}

/** Binds the schemas to `conn` and waits until every index (unique ones above all) exists. */
export async function registerModels(conn: mongoose.Connection, options: StoreOptions = {}): Promise<Models> {
  const names = Object.keys(schemas) as ModelName[];
  const bound: Partial<Models> = {};
  for (const name of names) bind(conn, bound, name);
  const models = bound as Models; // every name was bound just above
  if (options.memberKeySecret !== undefined) bindMemberKeySecret(models.MemberKey, options.memberKeySecret);
  await Promise.all(names.map((name) => models[name].init()));
  return models;
}
