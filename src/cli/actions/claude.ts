/** lynx claude install / lynx claude stop-hook: argv → the use case (src/app/claude-*.ts) → present. */
import type { Outcome } from '../../core/exit-codes.js';
import type { Ctx } from '../context.js';
import { present } from '../present.js';

export async function claudeInstallCommand(ctx: Ctx, o: { mcp?: boolean }): Promise<Outcome> {
  const { claudeInstall } = await import('../../app/claude-install.js');
  return present(ctx, 'claude-install', await claudeInstall({ cwd: ctx.cwd, mcp: o.mcp === true }));
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A Stop hook's exit code means something to Claude Code: 2 blocks the stop and feeds stderr back to
 * the model. lynx's usage errors exit 2, so every failure here becomes exit 1 (shown, non-blocking):
 * the hook's contract with Claude Code, not a lynx result kind, so it keeps its own two codes.
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
