/**
 * lynx journal [TEXT]: append "HH:MM — TEXT" (UTC) to learners/<name>/journal/YYYY-MM-DD.md, one
 * file a day, created with a heading. No workspace lock: every entry is one O_APPEND write and the
 * day's file is created whole, so entries from concurrent processes all land, none interleaved.
 * Without TEXT it opens $EDITOR on the day's file (only in a terminal).
 */
import { existsSync, readFileSync } from 'node:fs';
import { EnvError, UsageError } from '../../core/errors.js';
import { entryText, journalDay, journalPath, journalTime } from '../../core/journal.js';
import { render } from '../../core/render.js';
import { learnerExists } from '../../io/checkpoint.js';
import { now } from '../../io/clock.js';
import { writeAtomic } from '../../io/fsx.js';
import { appendEntry } from '../../io/journal-file.js';
import { readTemplate } from '../../io/templates.js';
import { openWorkspace, resolveLearner, type Workspace } from '../../io/workspace.js';
import type { Ctx } from '../context.js';

export interface JournalResult { schema_version: 1; learner: string; path: string; day: string; time: string; created: boolean; entry: string; decision: boolean }

async function open(cwd: string, flag: string | undefined): Promise<{ ws: Workspace; learner: string }> {
  const ws = await openWorkspace(cwd);
  const learner = resolveLearner(ws, flag);
  if (!learnerExists(ws, learner)) throw new UsageError(`learner ${learner} has no folder learners/${learner}/`, { hint: `Run \`lynx init --learner ${learner}\` first.` });
  return { ws, learner };
}

const heading = (day: string, learner: string): string => render(readTemplate('journal-day.md'), { date: day, learner });

export async function journal(opts: { cwd: string; learner?: string | undefined; text: string; decision: boolean }): Promise<JournalResult> {
  const { ws, learner } = await open(opts.cwd, opts.learner);
  const text = entryText(opts.text);
  const t = now();
  const day = journalDay(t);
  const path = journalPath(learner, day);
  const entry = render(readTemplate('journal-entry.md'), { time: journalTime(t), text, decision: opts.decision });
  const created = appendEntry(ws.abs(path), heading(day, learner), entry.endsWith('\n') ? entry : `${entry}\n`, ws.abs('.lynx/tmp'));
  return { schema_version: 1, learner, path, day, time: journalTime(t), created, entry: entry.trim(), decision: opts.decision };
}

/** Split $VISUAL/$EDITOR into an argv (no shell: `code -w` → ["code", "-w"]). */
function editorArgv(): string[] {
  const raw = (process.env.VISUAL ?? process.env.EDITOR ?? '').trim();
  if (raw === '') throw new UsageError('no editor: $EDITOR (or $VISUAL) is not set', { hint: 'Set EDITOR (e.g. export EDITOR=nano), or pass the entry: lynx journal "…"' });
  return raw.split(/\s+/);
}

async function editDay(ctx: Ctx): Promise<number> {
  const { ws, learner } = await open(ctx.cwd, ctx.learner);
  const argv = editorArgv();
  const t = now();
  const day = journalDay(t);
  const path = journalPath(learner, day);
  appendEntry(ws.abs(path), heading(day, learner), '', ws.abs('.lynx/tmp'));
  const before = readFileSync(ws.abs(path), 'utf8');
  const { runInteractive } = await import('../../io/proc.js');
  const code = await runInteractive([...argv, ws.abs(path)], ws.root);
  if (code !== 0) throw new EnvError(`the editor (${argv.join(' ')}) exited with ${code ?? 'a signal'}`);
  const after = existsSync(ws.abs(path)) ? readFileSync(ws.abs(path), 'utf8') : '';
  if (after === before) { ctx.out(`${path}: nothing added`); return 0; }
  if (!after.startsWith(before)) {
    // Append-only: earlier entries were changed. Keep the learner's file, and the old text beside it.
    const backup = `.lynx/backups/journal-${day}.${t.toISOString().replace(/[:.]/g, '-')}.md`;
    await writeAtomic(ws.abs(backup), before);
    ctx.err(`! ${path} is append-only, but earlier lines changed; the previous text is saved at ${backup}`);
  }
  ctx.out(`✓ ${path}`);
  return 0;
}

export async function journalCommand(ctx: Ctx, o: { decision?: boolean }, words: string[]): Promise<number> {
  if (words.length === 0) {
    if (o.decision) throw new UsageError('--decision needs the decision as TEXT', { hint: 'lynx journal --decision "keep X because Y"' });
    if (!ctx.isTTY || ctx.json) throw new UsageError('no TEXT, and no terminal to open $EDITOR in', { hint: 'Pass the entry as an argument: lynx journal "what failed on first try and how I fixed it"' });
    return editDay(ctx);
  }
  const r = await journal({ cwd: ctx.cwd, learner: ctx.learner, text: words.join(' '), decision: o.decision === true });
  if (ctx.json) ctx.out(JSON.stringify(r, null, 2));
  else ctx.out(`✓ ${r.path}${r.created ? ' (new today)' : ''}\n  ${r.entry}`);
  return 0;
}
