/**
 * Crash safety with real SIGKILLs: LYNX_TEST_KILL_AT makes lynx kill itself (no cleanup, no
 * finally) at a precise point. Every time, `restore` or `status` leaves the target byte-identical
 * to the original and nothing else in the tree changed (lynx's own checkpoint aside).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { baseEnv, bin, cleanup, git, lynx } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';
import {
  breakWorkspace,
  CHECKPOINT,
  commitPredictions,
  MUTANT_LINE,
  openJournals,
  read,
  TARGET,
  treeHashes,
} from '../helpers/break-fixture.js';

afterAll(cleanup);

/** Run lynx and let it SIGKILL itself at `point`. */
function killedAt(dir: string, point: string, args: string[]): void {
  const env = baseEnv({ LYNX_TEST_KILL_AT: point });
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
  expect(r.signal, `${point}: ${r.stderr}`).toBe('SIGKILL');
}

async function ready(): Promise<{ dir: string; original: Buffer; tree: Record<string, string> }> {
  const dir = breakWorkspace();
  await commitPredictions(dir);
  return { dir, original: readFileSync(join(dir, TARGET)), tree: treeHashes(dir, [CHECKPOINT]) };
}

function expectRecovered(dir: string, original: Buffer, tree: Record<string, string>): void {
  expect(readFileSync(join(dir, TARGET)).equals(original)).toBe(true);
  expect(treeHashes(dir, [CHECKPOINT])).toEqual(tree);
  expect(openJournals(dir)).toEqual([]);
  // lynx's temp files live in .lynx/tmp, and recovery removed ours
  expect(
    existsSync(join(dir, '.lynx', 'tmp'))
      ? readdirSync(join(dir, '.lynx', 'tmp')).filter((f) => f.startsWith('break-'))
      : [],
  ).toEqual([]);
  expect(git(dir, 'status', '--porcelain', '--', '.', `:!${CHECKPOINT}`)).toBe('');
  if (existsSync(join(dir, CHECKPOINT))) JSON.parse(read(dir, CHECKPOINT)); // never torn
}

describe('SIGKILL during lynx break start and restore', () => {
  it('after the journal is written, before the file: status closes the journal, nothing changed', async () => {
    const { dir, original, tree } = await ready();
    killedAt(dir, 'start:journal-written', ['break', '00', 'start']);
    expect(openJournals(dir)).toEqual(['00-pythonhashseed.journal.json']);
    expect(readFileSync(join(dir, TARGET)).equals(original)).toBe(true);
    expect(lynx(['validate'], { cwd: dir }).stderr).toContain('a break is active (phase 00, pythonhashseed)');
    const s = await lynxIn(['break', 'status'], { cwd: dir });
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toContain('the start was interrupted before src/utils/seeding.py changed; journal closed');
    expectRecovered(dir, original, tree);
    // and the break can start again
    expect((await lynxIn(['break', '00', 'start'], { cwd: dir })).code).toBe(0);
  });

  it('while the mutant is being written (temp file written, not yet renamed): status cleans up', async () => {
    const { dir, original, tree } = await ready();
    killedAt(dir, 'start:tmp-written', ['break', '00', 'start']);
    expect(readdirSync(join(dir, '.lynx', 'tmp')).filter((f) => f.startsWith('break-'))).toHaveLength(1);
    expect(git(dir, 'status', '--porcelain', '--', '.', `:!${CHECKPOINT}`)).toBe(''); // nothing stray in the tree
    const s = await lynxIn(['break', '00', 'status'], { cwd: dir });
    expect(s.stdout).toContain("removed lynx's temp file for src/utils/seeding.py");
    expectRecovered(dir, original, tree);
  });

  it(
    'after the file is written, before the observe run: ' + 'the break is active, restore puts the bytes back',
    async () => {
      const { dir, original, tree } = await ready();
      killedAt(dir, 'start:mutant-written', ['break', '00', 'start']);
      expect(read(dir, TARGET)).toContain(MUTANT_LINE);
      const st = await lynxIn(['break', 'status', '--json'], { cwd: dir });
      expect(JSON.parse(st.stdout)).toMatchObject({
        active: [{ phase: 0, id: 'pythonhashseed', files: [{ path: TARGET, state: 'mutant' }] }],
        recovered: [],
      });
      const r = await lynxIn(['break', '00', 'restore'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('original bytes back (it was mutant)');
      expectRecovered(dir, original, tree);
    },
  );

  it('during restore, between the temp write and the rename: status finishes the restore', async () => {
    const { dir, original, tree } = await ready();
    expect((await lynxIn(['break', '00', 'start'], { cwd: dir })).code).toBe(0);
    killedAt(dir, 'restore:tmp-written', ['break', '00', 'restore']);
    expect(read(dir, TARGET)).toContain(MUTANT_LINE);
    const s = await lynxIn(['break', 'status'], { cwd: dir });
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toContain('finished the interrupted restore');
    expectRecovered(dir, original, tree);
  });

  it('during restore, after the file is back but before the journal is closed: restore completes', async () => {
    const { dir, original, tree } = await ready();
    expect((await lynxIn(['break', '00', 'start'], { cwd: dir })).code).toBe(0);
    expect(
      (
        await lynxIn(
          [
            'break',
            '00',
            'diagnose',
            'PYTHONHASHSEED is set inside the process after hash randomization was initialized at start',
          ],
          { cwd: dir },
        )
      ).code,
    ).toBe(0);
    killedAt(dir, 'restore:file-restored', ['break', '00', 'restore']);
    expect(readFileSync(join(dir, TARGET)).equals(original)).toBe(true);
    expect(openJournals(dir)).toHaveLength(1); // the gate still sees an active break until the journal closes
    const r = await lynxIn(['break', '00', 'restore', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      state: 'restored',
      files: [{ path: TARGET, found: 'original', action: 'already-original' }],
    });
    expectRecovered(dir, original, tree);
  });
});
