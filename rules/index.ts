/**
 * Public surface of the rules package: validation of program rule files and the pure engine that
 * prices a Toast check. Everything here is free of I/O except `loadProgramFile`. The engine takes a
 * check already normalised at the Toast edge (cents, canonical dates: `server/toast/normalize`).
 *
 * `offers`, `validateRedemptions` and `accrual` return Promises because eligibility conditions are
 * evaluated with json-rules-engine, whose `run()` is asynchronous; they are still pure functions of
 * (program, context). `checkAnswers` answers all three from one condition run (the register's
 * path), and `restate` re-evaluates a changed state of the same check without a second run when
 * no fact the conditions read changed.
 */
export * from './engine/types.js';
export { validateProgram } from './validation/validate-program.js';
export { loadProgramFile } from './load.js';
export { offers } from './engine/offers.js';
export { validateRedemptions } from './engine/redemptions.js';
export { accrual } from './engine/accrual.js';
export { checkAnswers, type CheckAnswers } from './engine/check-answers.js';
export { offersOf } from './engine/offers.js';
export { restate } from './engine/restate.js';
export type { Evaluation } from './engine/evaluation.js';
export { periodStarts } from './engine/periods.js';
export type { ValidateOptions } from './validation/validate-program.js';
export type { MenuEntity, MenuEntityKind, RestaurantMenu } from './menus/catalogue.js';
