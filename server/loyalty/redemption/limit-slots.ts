/**
 * Per-member reward limits (`limits.perDay`, `perWeek`, `perMonth`, `total`) enforced at commit
 * time. The engine already refuses a reward whose counted usage reached its limit, but counting
 * is a read: two concurrent REDEEMs could both see the last unit free. Each unit is therefore a
 * slot document claimed by an insert under a unique `_id` (see reward-limit-slot.ts).
 */
import { periodStarts, type AppliedRedemption, type Program, type Reward } from '../../../rules/index.js';
import type { Models } from '../../store/models/index.js';
import { isDuplicateKey } from '../../store/duplicate-key.js';

export interface SlotRequest {
  models: Models;
  program: Program;
  locationGuid: string;
  memberId: string;
  applied: AppliedRedemption;
  /** The redemption's ledger sourceKey: owner of the slots, stable across retries. */
  sourceKey: string;
  now: Date;
}


/** The limited periods of a reward, each with its slot id prefix and its limit. */
function limitedPeriods(reward: Reward, req: SlotRequest): { prefix: string; limit: number }[] {
  const limits = reward.limits;
  if (!limits) return [];
  const starts = periodStarts(req.program, req.locationGuid, req.now.toISOString());
  const periods: [keyof typeof starts | 'total', number | undefined, string][] = [
    ['day', limits.perDay, starts.day], ['week', limits.perWeek, starts.week], ['month', limits.perMonth, starts.month], ['total', limits.total, 'all'],
  ];
  return periods.filter(([, limit]) => limit !== undefined)
    .map(([period, limit, start]) => ({ prefix: `${req.memberId}|${reward.id}|${period}|${start}`, limit: limit as number }));
}

/** Claims `units` slots among 1..limit (slots this sourceKey already holds count). */
async function claim(req: SlotRequest, prefix: string, limit: number, units: number): Promise<string[] | null> {
  const held: string[] = [];
  for (let n = 1; n <= limit && held.length < units; n++) {
    const _id = `${prefix}|${n}`;
    try {
      await req.models.RewardLimitSlot.create({ _id, memberId: req.memberId, sourceKey: req.sourceKey, createdAt: req.now });
      held.push(_id);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const owner = await req.models.RewardLimitSlot.findById(_id, { sourceKey: 1 }).lean();
      if (owner?.sourceKey === req.sourceKey) held.push(_id); // a retry of this redemption
    }
  }
  return held.length >= units ? held : (await release(req.models, held, req.sourceKey), null);
}

/**
 * Reserves the redemption's units in every limited period; the slot ids on success, null when a
 * limit is reached (nothing is kept then). Rewards without limits need no slots.
 */
export async function reserveLimitSlots(req: SlotRequest): Promise<string[] | null> {
  const reward = req.program.rewards.find((r) => r.id === req.applied.identifier);
  if (!reward) return [];
  const units = Math.max(1, Math.ceil(req.applied.quantity));
  const all: string[] = [];
  for (const { prefix, limit } of limitedPeriods(reward, req)) {
    const held = await claim(req, prefix, limit, units);
    if (!held) {
      await release(req.models, all, req.sourceKey);
      return null;
    }
    all.push(...held);
  }
  return all;
}

/** Frees slots held by `sourceKey` (a rejected or reversed redemption). */
export async function release(models: Models, slotIds: string[], sourceKey: string): Promise<void> {
  if (slotIds.length > 0) await models.RewardLimitSlot.deleteMany({ _id: { $in: slotIds }, sourceKey });
}
