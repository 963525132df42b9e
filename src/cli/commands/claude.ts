/** lynx claude install / lynx claude stop-hook: print what claudeInstall and stopHook did. */
import type { Action } from '../../io/scaffold.js';
import type { Ctx } from '../context.js';

export async function printActions(ctx: Ctx, actions: (Action & { added?: string[] })[]): Promise<void> {
  const { theme } = await import('../../ui/theme.js');
  const t = theme();
  const mark = { created: t.ok('+'), updated: t.ok('~'), unchanged: t.dim('='), kept: t.warn('!') };
  for (const a of actions) {
    if (a.action === 'unchanged') continue;
    ctx.out(`${mark[a.action]} ${a.path}${a.action === 'kept' ? t.dim('  (kept: it differs from the template and may hold your edits)') : ''}`);
    for (const x of a.added ?? []) ctx.out(t.dim(`    + ${x}`));
  }
}

export async function claudeInstallCommand(ctx: Ctx, o: { mcp?: boolean }): Promise<number> {
  const { claudeInstall } = await import('../../app/claude-install.js');
  const r = await claudeInstall({ cwd: ctx.cwd, mcp: o.mcp === true });
  if (ctx.json) { ctx.out(JSON.stringify(r, null, 2)); return 0; }
  await printActions(ctx, r.actions);
  const n = r.actions.filter((a) => a.action === 'created' || a.action === 'updated').length;
  ctx.out(`✓ Claude Code files ready in ${r.root}${n === 0 ? ' (nothing to do)' : ''}`);
  ctx.out('next: commit .claude/ and CLAUDE.md, then type / in a new Claude Code session: /phase-checkpoint should be listed');
  return 0;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A Stop hook's exit code means something to Claude Code: 2 blocks the stop and feeds stderr back to
 * the model. lynx's usage errors exit 2, so every failure here becomes exit 1 (shown, non-blocking).
 */
export async function stopHookCommand(ctx: Ctx): Promise<number> {
  try {
    const { stopHook } = await import('../../app/claude-stop-hook.js');
    const r = await stopHook({ cwd: ctx.cwd, learner: ctx.learner, input: await readStdin() });
    if (ctx.json) ctx.out(JSON.stringify(r));
    return 0;
  } catch (err) {
    ctx.err(`lynx claude stop-hook: ${(err as Error).message}`);
    return 1;
  }
}
