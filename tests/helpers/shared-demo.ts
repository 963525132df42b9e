/**
 * `lynx demo --dir … --json`, built once per test run (not once per file: a demo is ~8 s of CPU) by
 * the first file that asks, in the run's shared directory (./run-root.ts); the files that ask at the
 * same time wait for it. The demo is the built CLI, spawned. A file that changes the workspace works
 * on its own copy (`demoCopy`); the shared one is only read.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { lynx, tempDir, type Run } from './cli.js';

export interface SharedDemo extends Run {
  /** the demo workspace: read it, never write to it */
  dir: string;
}

const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

let mine: SharedDemo | undefined;
export function sharedDemo(): SharedDemo {
  if (mine) return mine;
  const root = inject('runRoot');
  const done = join(root, 'demo.json');
  try {
    mkdirSync(join(root, 'demo.lock')); // one builder per run: mkdir is atomic
    const dir = join(root, 'demo');
    const r = lynx(['demo', '--dir', dir, '--json'], { cwd: root, timeout: 170_000 });
    writeFileSync(`${done}.tmp`, JSON.stringify({ ...r, dir }));
    renameSync(`${done}.tmp`, done); // the others read it only once it is whole
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    for (let waited = 0; !existsSync(done); waited += 200) {
      if (waited > 180_000) throw new Error('the shared demo was not built within 180 s');
      sleep(200);
    }
  }
  mine = JSON.parse(readFileSync(done, 'utf8')) as SharedDemo;
  return mine;
}

/** A copy of the shared demo workspace, to change. */
export function demoCopy(): string {
  const dir = join(tempDir(), 'demo');
  cpSync(sharedDemo().dir, dir, { recursive: true });
  return dir;
}
