export interface Member {
  identifier: string;
  status: 'STARTER' | 'REGISTERED' | 'SUSPENDED';
  tier: string | null;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  cardCount?: number;
  pointsBalance: number;
  lifetimePoints: number;
  visits?: number;
  createdAt: string;
  lastActivityAt?: string | null;
  erasedAt?: string | null;
}

export interface LedgerEntry {
  seq: number;
  kind: string;
  delta: number;
  balanceAfter: number;
  requestedDelta?: number | null;
  createdAt: string;
  provenance: {
    ruleSetVersion?: string | null;
    ruleIds?: string[];
    transactionGuid?: string | null;
    checkGuid?: string | null;
    restaurantGuid?: string | null;
    restaurantName?: string | null;
    /** What the check bought (ACCRUE, CLAIM) or the reward discounted (REDEEM), by menu name. */
    items?: { guid: string; name: string; quantity: number }[];
    cause?: string | null;
    reason?: string | null;
    by?: string | null;
  };
}
