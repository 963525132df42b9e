/**
 * Nothing lost: `lynx report` killed (SIGKILL) at random moments leaves each of its files either
 * old or new, never torn, and no stray file in the learner's tree; two reports at once are refused
 * by the workspace lock.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { bin, cleanup, git } from '../helpers/cli.js';
import { passingWorkspace, commitAll } from '../helpers/gate-fixture.js';

afterAll(cleanup);

const FILES = ['PHASE_00_REPORT.md', 'learners/ana/phase-00/checkpoint.json', 'learners/ana/progress.md'];
const read = (dir: string, f: string): string | undefined =>
  existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : undefined;

function startReport(dir: string): {
  child: ReturnType<typeof spawn>;
  done: Promise<{ code: number | null; out: string; err: string }>;
} {
  const child = spawn(process.execPath, [bin, 'report', '00'], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1' },
    detached: true,
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const done = new Promise<{ code: number | null; out: string; err: string }>((res) =>
    child.on('exit', (code) => res({ code, out, err })),
  );
  return { child, done };
}

describe('report under SIGKILL', () => {
  it('every file is either old or new after a kill at a random point', async () => {
    const dir = passingWorkspace();
    const old = Object.fromEntries(FILES.map((f) => [f, read(dir, f)]));
    let completed = 0;
    for (let i = 0; i < 8; i++) {
      const { child, done } = startReport(dir);
      // early kills (before any write) and late ones (around the writes), with jitter
      const delay = i < 4 ? 150 + i * 150 + Math.floor(Math.random() * 100) : 300 + Math.floor(Math.random() * 1200);
      await new Promise((r) => setTimeout(r, delay));
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already finished */
      }
      await done;
      const now = Object.fromEntries(FILES.map((f) => [f, read(dir, f)]));
      const report = now['PHASE_00_REPORT.md'];
      expect(report === undefined || report.includes('## Hand-off'), `report torn after ${delay} ms`).toBe(true);
      const cp = JSON.parse(now['learners/ana/phase-00/checkpoint.json'] ?? '') as {
        status: string;
        report_sha256?: string;
      };
      expect(
        now['learners/ana/phase-00/checkpoint.json'] === old['learners/ana/phase-00/checkpoint.json'] ||
          cp.status === 'done',
      ).toBe(true);
      // the checkpoint never vouches for a report that is not on disk
      if (cp.status === 'done')
        expect(
          createHash('sha256')
            .update(report ?? '')
            .digest('hex'),
        ).toBe(cp.report_sha256);
      const progress = now['learners/ana/progress.md'] ?? '';
      expect(progress === old['learners/ana/progress.md'] || progress.includes('| 00 | Mini phase | done |')).toBe(
        true,
      );
      // no temp file or half-written file left in the learner's tree
      const stray = git(dir, 'status', '--porcelain', '--untracked-files=all')
        .split('\n')
        .filter((l) => l && !FILES.some((f) => l.endsWith(f)));
      expect(stray).toEqual([]);
      if (cp.status === 'done') completed++;
      // back to the open phase for the next round
      git(dir, 'checkout', '-q', '--', '.');
      git(dir, 'clean', '-q', '-f', '--', 'PHASE_00_REPORT.md');
    }
    expect(completed).toBeLessThan(8);
  }, 120_000);

  it('a second report while one runs is refused by the lock, naming the holder', async () => {
    const dir = passingWorkspace();
    writeFileSync(
      join(dir, 'Justfile'),
      'test:\n    sleep 2\n    python3 -m unittest discover -s tests -t . -q\n\nexp:\n    python3 scripts/exp.py\n',
    );
    commitAll(dir, 'slow tests');
    const a = startReport(dir);
    await new Promise((r) => setTimeout(r, 600));
    const b = await startReport(dir).done;
    const ra = await a.done;
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/the workspace is locked by pid \d+ \(lynx report 00\)/);
    expect(ra.code).toBe(0);
  }, 60_000);
});
