/**
 * Create files from templates without ever overwriting the learner's work:
 * a missing file is created, an identical one is left alone, a different one is kept and reported.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CAPS, readRegularText, writeAtomic } from './fsx.js';

export type Action = { path: string; action: 'created' | 'unchanged' | 'kept' | 'updated' };

export async function ensureFile(root: string, rel: string, content: string): Promise<Action> {
  const abs = join(root, rel);
  // what is there must be a regular file inside the workspace (a planted symlink out is refused)
  const current = readRegularText(abs, { display: rel, cap: CAPS.text, root, optional: true });
  if (current !== undefined) return { path: rel, action: current === content ? 'unchanged' : 'kept' };
  await writeAtomic(abs, content);
  return { path: rel, action: 'created' };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/** Copy a template tree into root/destRel, file by file, through ensureFile. */
export async function ensureTree(
  root: string,
  templateDir: string,
  destRel: string,
  render: (s: string) => string = (s) => s,
): Promise<Action[]> {
  const actions: Action[] = [];
  for (const file of walk(templateDir)) {
    const rel = join(destRel, relative(templateDir, file));
    actions.push(await ensureFile(root, rel, render(readFileSync(file, 'utf8'))));
  }
  return actions;
}

/** Make sure a line is in a file (e.g. `.lynx/` in .gitignore); appends, never rewrites. */
export async function ensureLine(root: string, rel: string, line: string): Promise<Action> {
  return ensureLines(root, rel, [line]);
}

/** Make sure each line is in a file: the missing ones are appended in one write, in order; nothing is rewritten. */
export async function ensureLines(root: string, rel: string, lines: readonly string[]): Promise<Action> {
  const abs = join(root, rel);
  const current = readRegularText(abs, { display: rel, cap: CAPS.text, root, optional: true }) ?? '';
  const have = new Set(current.split('\n').map((l) => l.trim()));
  const missing = lines.filter((line) => !have.has(line) && !have.has(line.replace(/\/$/, '')));
  if (missing.length === 0) return { path: rel, action: 'unchanged' };
  const sep = current === '' || current.endsWith('\n') ? '' : '\n';
  await writeAtomic(abs, `${current}${sep}${missing.map((l) => `${l}\n`).join('')}`);
  return { path: rel, action: current === '' ? 'created' : 'updated' };
}
