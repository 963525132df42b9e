/**
 * The one place lynx's Claude Code integration (MCP server, Stop hook, init --claude) reaches the
 * use cases in src/app: the MCP tools call exactly what the CLI calls, so the model sees lynx's gate,
 * not a second opinion.
 */
import { openTarget, type Target } from '../app/target.js';

export { status } from '../app/status.js';
export { checkpoint } from '../app/checkpoint.js';
export { gate } from '../app/gate.js';
export { labReport } from '../app/lab.js';
export { manifestDiff } from '../app/manifest-diff.js';
export { journal } from '../app/journal.js';
export { init } from '../app/init.js';
export { next } from '../app/next.js';

/** A phase of a learner who has a folder (as phase-start requires). */
export const openPhase = (cwd: string, learner: string | undefined, id: number): Promise<Target> =>
  openTarget(cwd, learner, id, { requireFolder: true });
