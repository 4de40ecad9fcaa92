/** The Toast edge normalisers: raw Toast JSON in, engine types (cents, canonical dates) out. */
export { normalizeToastCheck } from './check.js';
export { normalizeRedemption, normalizeRedemptions } from './redemptions.js';
export { toastInstant, ISO_DATE_TIME, MAX_EPOCH_MS } from './dates.js';
