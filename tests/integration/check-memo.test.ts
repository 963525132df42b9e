/**
 * The checkpoint's check memo (issue 20): gate:manifests remembered for the same manifests, unchanged (their
 * listing's stamps), against the same git facts (HEAD's history, which manifests are committed). Derived state
 * only: another stamp, file list, commit or committed-ness misses; a racy or unstamped file is never remembered;
 * a corrupt memo is ignored; the gate never reads it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, git, lynx, tempDir, workspace, write } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';
import { openCheckMemo } from '../../src/io/check-memo.js';
import type { Stamp } from '../../src/io/listing.js';

afterAll(cleanup);

const NOW = Date.parse('2026-12-01T12:00:00Z');
const stamp = (ino: number, ageMs = 60_000): Stamp => ({ ino, size: 10, mtimeMs: NOW - ageMs, ctimeMs: NOW - ageMs });

describe('openCheckMemo', () => {
  const stamps = new Map<string, Stamp>([
    ['a.json', stamp(1)],
    ['b.json', stamp(2)],
  ]);
  const memo = (root: string, scope = 'ana/00') => openCheckMemo(root, scope, NOW, (p) => stamps.get(p));

  it('gives back a result for the same files with the same stamps, with the git key it was stored under', () => {
    const root = tempDir('lynx-memo-');
    expect(memo(root).get('gate:manifests', ['a.json', 'b.json'])).toBeUndefined();
    memo(root).put('gate:manifests', ['a.json', 'b.json'], 'head:3:11', { ok: 1 });
    expect(memo(root).get('gate:manifests', ['a.json', 'b.json'])).toEqual({ git: 'head:3:11', value: { ok: 1 } });
    expect(memo(root).get('gate:manifests', ['a.json'])).toBeUndefined(); // another list
    expect(memo(root).get('gate:manifests', ['b.json', 'a.json'])).toBeUndefined(); // another order is another list
    expect(memo(root).get('other', ['a.json', 'b.json'])).toBeUndefined();
    expect(memo(root, 'ana/01').get('gate:manifests', ['a.json', 'b.json'])).toBeUndefined();
    for (const k of ['ino', 'size', 'mtimeMs', 'ctimeMs'] as const) {
      const was = stamps.get('b.json') as Stamp;
      stamps.set('b.json', { ...was, [k]: was[k] + 1 });
      expect(memo(root).get('gate:manifests', ['a.json', 'b.json']), k).toBeUndefined();
      stamps.set('b.json', was);
    }
  });

  it('remembers nothing for a file changed within the racy window, or one with no stamp', () => {
    const root = tempDir('lynx-memo-');
    stamps.set('c.json', stamp(3, 500));
    memo(root).put('gate:manifests', ['a.json', 'c.json'], 'g', { ok: 1 });
    memo(root).put('gate:manifests', ['a.json', 'link.json'], 'g', { ok: 1 });
    expect(existsSync(join(root, '.lynx', 'cache'))).toBe(false);
  });

  it('ignores a memo file that does not parse or has the wrong shape', () => {
    const root = tempDir('lynx-memo-');
    memo(root).put('gate:manifests', ['a.json'], 'g', { ok: 1 });
    const dir = join(root, '.lynx', 'cache');
    const [name = ''] = readdirSync(dir);
    const good = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>;
    for (const bad of ['{', '[]', 'null', JSON.stringify({ ...good, v: 2 }), JSON.stringify({ ...good, git: 1 })]) {
      writeFileSync(join(dir, name), bad);
      expect(memo(root).get('gate:manifests', ['a.json']), bad).toBeUndefined();
    }
  });
});

const memoFiles = (dir: string): string[] =>
  existsSync(join(dir, '.lynx', 'cache'))
    ? readdirSync(join(dir, '.lynx', 'cache')).filter((f) => f.startsWith('memo-'))
    : [];

/** Put `message` in the remembered gate:manifests result, as a hand-edited memo would. */
function forge(dir: string, message: string): void {
  const file = join(dir, '.lynx', 'cache', memoFiles(dir)[0] ?? 'none');
  const m = JSON.parse(readFileSync(file, 'utf8')) as { value: { message: string } };
  m.value.message = message;
  writeFileSync(file, JSON.stringify(m));
}

describe('checkpoint and gate with the check memo', () => {
  /** Two clean manifests, committed, older than the racy window; one checkpoint has remembered them. */
  async function remembered(): Promise<string> {
    const dir = workspace('ana');
    const sha = git(dir, 'rev-parse', 'HEAD').trim();
    for (const run of ['a', 'b'])
      write(
        dir,
        `experiments/00-${run}/manifest.json`,
        JSON.stringify({ git_sha: sha, git_dirty: false, seed: 1, versions: { python: '3.11.7' } }),
      );
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'two clean manifests');
    await new Promise((go) => setTimeout(go, 2600));
    const first = await lynxIn(['checkpoint', '00', '--json'], { cwd: dir });
    expect(first.stdout).toContain('2 manifest(s) clean');
    expect(memoFiles(dir)).toHaveLength(1);
    return dir;
  }

  it('answers an unchanged checkpoint from the memo (a forged one fools it), never the gate', async () => {
    const dir = await remembered();
    forge(dir, 'FORGED');
    expect((await lynxIn(['checkpoint', '00', '--json'], { cwd: dir })).stdout).toContain('FORGED');
    // spawned: an in-process gate would turn cache writes off for the rest of this file's runs
    const gate = lynx(['gate', '00', '--json'], { cwd: dir });
    expect(gate.stdout).not.toContain('FORGED');
    expect(gate.stdout).toContain('2 manifest(s) clean');
    // a remembered value that is not a result of this check is checked, not trusted: judged again
    const file = join(dir, '.lynx', 'cache', memoFiles(dir)[0] ?? 'none');
    writeFileSync(file, JSON.stringify({ ...(JSON.parse(readFileSync(file, 'utf8')) as object), value: 5 }));
    expect((await lynxIn(['checkpoint', '00', '--json'], { cwd: dir })).stdout).toContain('2 manifest(s) clean');
  });

  it('judges again when a manifest is no longer committed, though its bytes and stamp are the same', async () => {
    const dir = await remembered();
    forge(dir, 'FORGED');
    git(dir, 'rm', '-q', '--cached', 'experiments/00-b/manifest.json');
    const out = (await lynxIn(['checkpoint', '00', '--json'], { cwd: dir })).stdout;
    expect(out).not.toContain('FORGED');
    expect(out).toContain('experiments/00-b/manifest.json: not committed');
  });

  it('judges again after a commit (another history), and when a manifest changes', async () => {
    const dir = await remembered();
    forge(dir, 'FORGED');
    write(dir, 'notes.md', 'later\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'later');
    expect((await lynxIn(['checkpoint', '00', '--json'], { cwd: dir })).stdout).not.toContain('FORGED');
    forge(dir, 'FORGED');
    write(
      dir,
      'experiments/00-a/manifest.json',
      JSON.stringify({ git_sha: 'f'.repeat(40), git_dirty: true, seed: 1, versions: { python: '3.11.7' } }),
    );
    const out = (await lynxIn(['checkpoint', '00', '--json'], { cwd: dir })).stdout;
    expect(out).not.toContain('FORGED');
    expect(out).toContain('git_dirty is true');
  });

  it('never remembers a verdict that asked git why a sha is unknown', async () => {
    const dir = workspace('ana');
    write(
      dir,
      'experiments/00-a/manifest.json',
      JSON.stringify({ git_sha: 'e'.repeat(40), git_dirty: false, seed: 1, versions: { python: '3.11.7' } }),
    );
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'a manifest from elsewhere');
    await new Promise((go) => setTimeout(go, 2600));
    rmSync(join(dir, '.lynx', 'cache'), { recursive: true, force: true });
    const out = (await lynxIn(['checkpoint', '00', '--json'], { cwd: dir })).stdout;
    expect(out).toContain('git_sha');
    expect(memoFiles(dir)).toEqual([]);
  });
});
