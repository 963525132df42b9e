/**
 * lynx journal [TEXT]: append "HH:MM — TEXT" (UTC) to learners/<name>/journal/YYYY-MM-DD.md, one
 * file a day, created with a heading. No workspace lock: every entry is one O_APPEND write and the
 * day's file is created whole, so entries from concurrent processes all land, none interleaved.
 * Without TEXT it reads piped stdin, else opens $EDITOR on the day's file (only in a terminal); what
 * the editor added gets the same stamp.
 */
import { EnvError, UsageError } from '../core/errors.js';
import { entryText, journalDay, journalPath, journalTime, stampAdded } from '../core/journal.js';
import { render } from '../core/render.js';
import type { JournalEdit, JournalResult } from '../core/results.js';
import { learnerExists } from '../io/checkpoint.js';
import { now } from '../io/clock.js';
import { readInside, writeAtomic } from '../io/fsx.js';
import { appendEntry } from '../io/journal-file.js';
import { readTemplate } from '../io/templates.js';
import { openWorkspace, resolveLearner, type Workspace } from '../io/workspace.js';

async function open(cwd: string, flag: string | undefined): Promise<{ ws: Workspace; learner: string }> {
  const ws = await openWorkspace(cwd);
  const learner = resolveLearner(ws, flag);
  if (!learnerExists(ws, learner))
    throw new UsageError(`learner ${learner} has no folder learners/${learner}/`, {
      hint: `Run \`lynx init --learner ${learner}\` first.`,
    });
  return { ws, learner };
}

const heading = (day: string, learner: string): string =>
  render(readTemplate('journal-day.md'), { date: day, learner });

export async function journal(opts: {
  cwd: string;
  learner?: string | undefined;
  text: string;
  decision: boolean;
}): Promise<JournalResult> {
  const { ws, learner } = await open(opts.cwd, opts.learner);
  const text = entryText(opts.text);
  const t = now();
  const day = journalDay(t);
  const path = journalPath(learner, day);
  const entry = render(readTemplate('journal-entry.md'), { time: journalTime(t), text, decision: opts.decision });
  const created = appendEntry(
    ws.abs(path),
    heading(day, learner),
    entry.endsWith('\n') ? entry : `${entry}\n`,
    ws.abs('.lynx/tmp'),
  );
  return {
    schema_version: 1,
    learner,
    path,
    day,
    time: journalTime(t),
    created,
    entry: entry.trim(),
    decision: opts.decision,
  };
}

/** Split $VISUAL/$EDITOR into an argv (no shell: `code -w` → ["code", "-w"]). */
function editorArgv(): string[] {
  const raw = (process.env.VISUAL ?? process.env.EDITOR ?? '').trim();
  if (raw === '')
    throw new UsageError('no editor: $EDITOR (or $VISUAL) is not set', {
      hint: 'Set EDITOR (e.g. export EDITOR=nano), or pass the entry: lynx journal "…"',
    });
  return raw.split(/\s+/);
}

/** Open $EDITOR on the day's file (created with its heading first); the caller checks there is a terminal. */
export async function editJournal(opts: { cwd: string; learner?: string | undefined }): Promise<JournalEdit> {
  const { ws, learner } = await open(opts.cwd, opts.learner);
  const argv = editorArgv();
  const t = now();
  const day = journalDay(t);
  const path = journalPath(learner, day);
  appendEntry(ws.abs(path), heading(day, learner), '', ws.abs('.lynx/tmp'));
  const before = readInside(ws.root, path) ?? '';
  const { runInteractive } = await import('../io/proc.js');
  const code = await runInteractive([...argv, ws.abs(path)], ws.root);
  if (code !== 0) throw new EnvError(`the editor (${argv.join(' ')}) exited with ${code ?? 'a signal'}`);
  const after = readInside(ws.root, path) ?? '';
  if (after === before) return { path, added: false };
  if (after.startsWith(before)) {
    // what the learner typed under the heading gets the entry's "HH:MM — " stamp, as a TEXT entry does
    const stamped = stampAdded(after.slice(before.length), journalTime(t));
    if (stamped !== undefined) await writeAtomic(ws.abs(path), before + stamped);
  }
  if (!after.startsWith(before)) {
    // Append-only: earlier entries were changed. Keep the learner's file, and the old text beside it.
    const backup = `.lynx/backups/journal-${day}.${t.toISOString().replace(/[:.]/g, '-')}.md`;
    await writeAtomic(ws.abs(backup), before);
    return { path, added: true, backup };
  }
  return { path, added: true };
}
