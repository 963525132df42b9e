/**
 * The one --json output that does not pass through present(): `lynx claude stop-hook` (a hook's
 * contract with Claude Code, not a result kind) prints its own. Its result type is checked here, at
 * compile time, against the type generated from its published schema, as src/ui/reporters/json.ts
 * does for every result kind. Type-only: nothing here runs.
 */
import type * as J from '../schemas/generated/output-types.js';
import type { AsJson } from '../ui/reporters/json.js';
import type { StopHookResult } from '../app/claude-stop-hook.js';

/** Compiles only when T, as JSON, is a value of the schema's type S. */
type Conforms<T, S> = AsJson<T> extends S ? true : never;

export type JsonShapesConform = [Conforms<StopHookResult, J.ClaudeStopHook.ClaudeStopHookJson>];
// the tuple must be all `true`: a `never` member (a drifted shape) makes this assignment fail
const _conform: JsonShapesConform = [true];
void _conform;
