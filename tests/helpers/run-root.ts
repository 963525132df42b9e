/**
 * vitest globalSetup: one temporary directory for the whole run, shared by every test file (each
 * file is its own process, so a fixture built once per run lives on disk there — see
 * ./shared-demo.ts). Removed when the run ends.
 *
 * It also resolves python3 once per run: the directory `python-bin/` in the run root holds a
 * `python3` symlink to the real interpreter, which ./cli.ts `baseEnv()` and the in-process tier
 * (./app.ts) put first on PATH. On a machine with pyenv-style shims every `python3` (the test
 * recipes lynx runs through just, ~600 a run) is a bash script that runs ~14 more bash processes
 * before the interpreter: measured ~65 ms of CPU a call. Where python3 is no shim the link names
 * the same interpreter, so nothing changes but the cost.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    runRoot: string;
    /** a directory whose only entry is `python3`, the run's interpreter (empty: no python3 on PATH) */
    pythonBin: string;
  }
}

/** The interpreter `python3` on this PATH ends up running, linked as `<root>/python-bin/python3`. */
function linkPython(root: string): string {
  let exe: string;
  try {
    exe = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
  } catch {
    return ''; // no python3: the tests that need it say so, nothing to put on PATH
  }
  if (!isAbsolute(exe)) return '';
  const dir = join(root, 'python-bin');
  mkdirSync(dir);
  symlinkSync(exe, join(dir, 'python3'));
  return dir;
}

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'lynx-run-'));
  project.provide('runRoot', root);
  project.provide('pythonBin', linkPython(root));
  return () => rmSync(root, { recursive: true, force: true });
}
