/**
 * Stand-in tools on a PATH lynx sees (issue 21's doctor and runner tests): small sh scripts named `uv`,
 * `pytest`, `ruff`… in a temp bin dir, and a PATH *without* given tools — never relying on whether this
 * machine has them. A PATH directory holding a tool to hide is replaced by a shadow directory of symlinks
 * to everything else in it (so hiding uv from /usr/bin keeps git and python3).
 */
import { chmodSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { tempDir } from './cli.js';

/** A bin dir with one executable sh script per entry: name → script body (after `#!/bin/sh`). */
export function standIns(scripts: Record<string, string>): string {
  const dir = tempDir('lynx-bin-');
  for (const [name, body] of Object.entries(scripts)) {
    writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

/** A stand-in that says who ran it and with what, then exits `code`. */
export const echoes = (name: string, code = 0): string => `echo "stand-in ${name}: $*"; exit ${code}`;

/** process.env.PATH with `hide` removed and `front` dirs first. */
export function pathWithout(hide: readonly string[], ...front: string[]): string {
  const dirs: string[] = [];
  for (const d of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      continue;
    }
    if (!names.some((n) => hide.includes(n))) {
      dirs.push(d);
      continue;
    }
    const shadow = tempDir('lynx-shadow-');
    mkdirSync(shadow, { recursive: true });
    for (const n of names.filter((x) => !hide.includes(x))) symlinkSync(join(d, n), join(shadow, n));
    dirs.push(shadow);
  }
  return [...front, ...dirs].join(delimiter);
}

/** Run `fn` with process.env.PATH set to `path` (the in-process tier reads it), restoring it after. */
export async function withPath<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const saved = process.env.PATH;
  process.env.PATH = path;
  try {
    return await fn();
  } finally {
    process.env.PATH = saved;
  }
}
