/**
 * The one place lynx's Claude Code integration (MCP server, Stop hook, init --claude) reaches the
 * existing use cases. They live in src/cli/commands/*.ts today and move to src/app/ in the
 * architecture refactor: repoint these lines, nothing else.
 */
export { status } from '../cli/commands/status.js';
export { checkpoint } from '../cli/commands/checkpoint.js';
export { gate } from '../cli/commands/gate.js';
export { labReport } from '../cli/commands/lab.js';
export { manifestDiff } from '../cli/commands/manifest-diff.js';
export { journal } from '../cli/commands/journal.js';
export { openPhase } from '../cli/commands/phase-start.js';
export { init } from '../cli/commands/init.js';
