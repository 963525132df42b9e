/**
 * The Stop hook of .claude/settings.json: a journal stub through lynx's journal use case. Claude
 * Code runs Stop hooks after every reply, not once per session, so the stub is appended once per
 * session and day: the entry names the session, and a day that already names it is left alone.
 */
import { readInside } from '../io/fsx.js';
import { journalDay, journalPath } from '../core/journal.js';
import { now } from '../io/clock.js';
import { openWorkspace, resolveLearner } from '../io/workspace.js';
import { journal } from '../mcp/use-cases.js';

export interface StopHookResult {
  schema_version: 1;
  appended: boolean;
  path?: string;
  session?: string;
  reason?: string;
}

export const stubText = (session: string): string =>
  `Claude Code session ${session}: (stub) what changed, what failed first, what is next`;

/** `input` is the JSON Claude Code writes on the hook's stdin ({session_id, stop_hook_active, …}); it may be empty. */
export async function stopHook(opts: {
  cwd: string;
  learner?: string | undefined;
  input: string;
}): Promise<StopHookResult> {
  let data: { session_id?: unknown; stop_hook_active?: unknown } = {};
  try {
    data = (opts.input.trim() === '' ? {} : JSON.parse(opts.input)) as typeof data;
  } catch {
    /* not JSON: treat as no session */
  }
  if (data.stop_hook_active === true) return { schema_version: 1, appended: false, reason: 'stop_hook_active' };
  const raw = typeof data.session_id === 'string' ? data.session_id : '';
  const session = raw.replace(/[^A-Za-z0-9-]/g, '').slice(0, 8) || 'unknown';
  const ws = await openWorkspace(opts.cwd);
  const learner = resolveLearner(ws, opts.learner);
  const path = journalPath(learner, journalDay(now()));
  const today = readInside(ws.root, path) ?? '';
  if (today.includes(`Claude Code session ${session}:`))
    return { schema_version: 1, appended: false, path, session, reason: "already in today's journal" };
  const r = await journal({ cwd: ws.root, learner, text: stubText(session), decision: false });
  return { schema_version: 1, appended: true, path: r.path, session };
}
