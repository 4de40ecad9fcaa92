/**
 * Shell of the store maintenance scripts: runs `task` with the store (server/store/with-store.ts)
 * and exits with its code.
 */
import type { Models } from '../server/store/models/index.js';
import { withStore } from '../server/store/with-store.js';

export async function runWithStore(task: (models: Models) => Promise<number>): Promise<never> {
  process.exit(await withStore(task));
}
