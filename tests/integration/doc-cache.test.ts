/**
 * The checkpoint's doc cache (issue 20): parsed manifests keyed by their listing stamp, so an unchanged file is not
 * opened or parsed again. Derived state only: a changed stamp, a racy entry, a corrupt or foreign cache file is
 * ignored, and the gate never reads it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, git, tempDir, workspace, write } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';
import { openDocCache, writesBack } from '../../src/io/doc-cache.js';

afterAll(cleanup);

const NOW = Date.parse('2026-12-01T12:00:00Z');
const old = { ino: 1, size: 10, mtimeMs: NOW - 60_000, ctimeMs: NOW - 60_000 };
const fresh = { ino: 2, size: 1, mtimeMs: NOW - 60_000, ctimeMs: NOW - 500 }; // chmod'ed half a second ago

describe('openDocCache', () => {
  it('gives back a document for the same stamp, and nothing for another stamp', () => {
    const root = tempDir('lynx-docs-');
    const a = openDocCache(root, 'ana/00', NOW);
    expect(a.get('m.json', old)).toBeUndefined();
    a.put('m.json', old, { git_sha: 'abc1234' });
    a.flush();
    const b = openDocCache(root, 'ana/00', NOW);
    expect(b.get('m.json', old)).toEqual({ git_sha: 'abc1234' });
    expect(b.get('m.json', { ...old, size: 11, ctimeMs: old.ctimeMs + 1 })).toBeUndefined(); // rewritten: re-read
    for (const k of ['ino', 'size', 'mtimeMs', 'ctimeMs'] as const)
      expect(b.get('m.json', { ...old, [k]: old[k] + 1 }), k).toBeUndefined();
    expect(openDocCache(root, 'ana/01', NOW).get('m.json', old)).toBeUndefined(); // another phase's file
  });

  it('keeps no racy entry and no number JSON cannot write back', () => {
    const root = tempDir('lynx-docs-');
    const a = openDocCache(root, 'ana/00', NOW);
    a.put('fresh.json', fresh, { x: 1 });
    a.put('huge.json', old, { x: Infinity });
    a.put('minus-zero.json', old, { deep: [[{ x: -0 }]] });
    // what looked like an exponent to a text test is a string: a sha with "4e123" in it is cached
    a.put('sha.json', old, { git_sha: '04e1234e5b7a', seed: 1e21, tiny: 5e-324 });
    a.flush();
    const b = openDocCache(root, 'ana/00', NOW);
    expect(b.get('fresh.json', fresh)).toBeUndefined();
    expect(b.get('huge.json', old)).toBeUndefined();
    expect(b.get('minus-zero.json', old)).toBeUndefined();
    expect(b.get('sha.json', old)).toEqual({ git_sha: '04e1234e5b7a', seed: 1e21, tiny: 5e-324 });
  });

  it('writesBack: true exactly when JSON.stringify gives the parsed document back', () => {
    for (const text of ['{"a":[1,2,{"b":"1e999"}]}', '[]', '"x"', '0', '{"n":1e308}', '[[[[[[[[[[1]]]]]]]]]]'])
      expect(writesBack(JSON.parse(text)), text).toBe(true);
    for (const text of ['1e999', '[-1e999]', '{"a":{"b":-0}}', '-0.0'])
      expect(writesBack(JSON.parse(text)), text).toBe(false);
    const deep = JSON.parse(`${'['.repeat(50_000)}-0${']'.repeat(50_000)}`) as unknown;
    expect(writesBack(deep)).toBe(false); // a loop, not recursion: depth cannot overflow the stack
    expect(writesBack(Array.from({ length: 300_000 }, (_, i) => i))).toBe(true); // nor can length
  });

  it('ignores a cache file that does not parse or has the wrong shape', () => {
    const root = tempDir('lynx-docs-');
    const a = openDocCache(root, 'ana/00', NOW);
    a.put('m.json', old, { ok: true });
    a.flush();
    const dir = join(root, '.lynx', 'cache');
    const [name = ''] = readdirSync(dir).filter((f) => f.startsWith('docs-'));
    const stamp = `${old.ino},${old.size},${old.mtimeMs},${old.ctimeMs}`;
    const bads = [
      '{',
      '[]',
      '{"v":3,"scope":"ana/00","entries":{}}',
      '{"v":2,"scope":"ana/00","entries":null}',
      `{"v":1,"scope":"ana/00","entries":{"m.json":["${old.ino}:${old.size}:${old.mtimeMs}:${old.ctimeMs}",{"ok":1}]}}`,
      `{"v":2,"scope":"ana/00","entries":{"m.json":[${stamp}]}}`, // no document
      `{"v":2,"scope":"ana/00","entries":{"m.json":["${old.ino}",${old.size},${old.mtimeMs},${old.ctimeMs},{}]}}`,
    ];
    for (const bad of bads) {
      writeFileSync(join(dir, name), bad);
      expect(openDocCache(root, 'ana/00', NOW).get('m.json', old), bad).toBeUndefined();
    }
  });
});

describe('checkpoint and gate with a doc cache', () => {
  it('checkpoint trusts its own cache for an unchanged file; the gate reads the file', async () => {
    const dir = workspace('ana');
    const sha = git(dir, 'rev-parse', 'HEAD').trim();
    write(
      dir,
      'experiments/00-run/manifest.json',
      JSON.stringify({ git_sha: sha, git_dirty: false, seed: 1, versions: { python: '3.11.7' } }),
    );
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'a clean manifest');
    await new Promise((go) => setTimeout(go, 2600)); // older than the racy window: the next read is cached
    const first = await lynxIn(['checkpoint', '00', '--json'], { cwd: dir });
    expect(first.stdout).toContain('1 manifest(s) clean');
    const cache = join(dir, '.lynx', 'cache');
    const [name = ''] = readdirSync(cache).filter((f) => f.startsWith('docs-'));
    const file = JSON.parse(readFileSync(join(cache, name), 'utf8')) as {
      entries: Record<string, [number, number, number, number, { git_dirty: boolean }]>;
    };
    const entry = file.entries['experiments/00-run/manifest.json'];
    expect(entry?.[4].git_dirty).toBe(false);
    // a forged entry for the same stamp fools the checkpoint (its own cache) and never the gate
    if (entry) entry[4].git_dirty = true;
    writeFileSync(join(cache, name), JSON.stringify(file));
    // without the check memo (check-memo.test.ts), which would answer for the unchanged file before any document
    for (const f of readdirSync(cache).filter((x) => x.startsWith('memo-'))) rmSync(join(cache, f));
    const forged = await lynxIn(['checkpoint', '00', '--json'], { cwd: dir });
    expect(forged.stdout).toContain('git_dirty is true');
    const gate = await lynxIn(['gate', '00', '--json'], { cwd: dir });
    expect(gate.stdout).not.toContain('git_dirty is true');
    expect(gate.stdout).toContain('1 manifest(s) clean');
  });
});
