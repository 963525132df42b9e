/**
 * The manifests' listing (src/io/listing.ts) against a real glob on a real tree: the same files whether a
 * leaf directory is looked up by its link count (ext4, xfs, tmpfs) or listed, nested or not, through file
 * symlinks or not, and never a directory named like the file; and the checkpoints' listing, which likewise
 * skips realpath(3) for a phase folder listed as a directory.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { cleanup, tempDir, workspace, write } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';
import { namedUnder, narrowedGlob, type Known } from '../../src/io/listing.js';

afterAll(cleanup);

function tree(): string {
  const root = tempDir('lynx-listing-');
  const file = (rel: string): void => {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), '{}');
  };
  file('experiments/00-a/manifest.json'); // a leaf: no subdirectory
  file('experiments/00-b/sub/deeper/manifest.json'); // only nested
  file('experiments/00-c/manifest.json');
  file('experiments/00-c/sub/manifest.json'); // both
  mkdirSync(join(root, 'experiments/00-d')); // an empty leaf
  file('elsewhere/real.json');
  mkdirSync(join(root, 'experiments/00-e'));
  symlinkSync(join(root, 'elsewhere/real.json'), join(root, 'experiments/00-e/manifest.json')); // a file symlink
  mkdirSync(join(root, 'experiments/00-f/manifest.json'), { recursive: true }); // a directory of that name
  mkdirSync(join(root, 'experiments/00-g'));
  symlinkSync(join(root, 'nowhere'), join(root, 'experiments/00-g/manifest.json')); // dangling
  file('experiments/00-h/notes.txt'); // a leaf without the file
  file('experiments/01-x/manifest.json'); // another phase
  return root;
}

const PATTERN = 'experiments/00-*/**/manifest.json';
const real = (root: string): string[] =>
  globSync([PATTERN], { cwd: root, onlyFiles: true, dot: true, followSymbolicLinks: false }).sort();

describe('the manifests listing', () => {
  it('finds what a glob finds, with real paths for the plain files only', () => {
    const root = tree();
    const known = new Map<string, Known>();
    const found = narrowedGlob(root, [PATTERN], (p, cwd) => globSync(p, { cwd, onlyFiles: true }), known) ?? [];
    expect(found).toEqual([
      'experiments/00-a/manifest.json',
      'experiments/00-b/sub/deeper/manifest.json',
      'experiments/00-c/manifest.json',
      'experiments/00-c/sub/manifest.json',
      'experiments/00-e/manifest.json',
    ]);
    // the glob (following no symlink) finds the plain files; the listing also counts a symlink to a file of that
    // name, whose target the reader resolves and checks, and not a dangling one
    expect(real(root)).toEqual(found.filter((p) => !p.includes('00-e')));
    expect([...known.keys()].sort()).toEqual(found.filter((p) => !p.includes('00-e')));
  });

  it('a leaf looked up by its link count and a leaf listed give the same files', () => {
    const root = tree();
    for (const dir of ['00-a', '00-b', '00-c', '00-d', '00-e', '00-f', '00-g', '00-h']) {
      const top = join(root, 'experiments', dir);
      // the same files, each plain one with its stamp (the doc cache's and the memo's key) either way
      const [looked, listed] = [true, false].map((leafy) => namedUnder(top, 'manifest.json', leafy));
      expect(looked, dir).toEqual(listed);
      for (const f of listed ?? []) expect(f.stamp === undefined, `${dir}/${f.rel}`).toBe(f.viaLink);
    }
    expect(namedUnder(join(root, 'experiments/00-e'), 'manifest.json', true)).toEqual([
      { rel: 'manifest.json', viaLink: true },
    ]);
    expect(namedUnder(join(root, 'experiments/00-f'), 'manifest.json', true)).toEqual([]);
  });
});

describe("the checkpoints' listing (readCheckpoints)", () => {
  it('reads a phase folder listed as a directory without realpath; one that is a symlink out is refused', async () => {
    const dir = workspace('ana');
    const cp = (phase: number): string =>
      JSON.stringify({ schema_version: 1, phase, learner: 'ana', status: 'in_progress' });
    write(dir, 'learners/ana/phase-02/checkpoint.json', cp(2));
    const plain = await lynxIn(['status', '--json'], { cwd: dir });
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('"in_progress"');
    const outside = tempDir('lynx-outside-');
    write(outside, 'checkpoint.json', cp(3));
    symlinkSync(outside, join(dir, 'learners/ana/phase-03'));
    const linked = await lynxIn(['status'], { cwd: dir });
    expect(linked.code).toBe(2);
    expect(linked.stdout).toContain('learners/ana/phase-03/checkpoint.json: resolves to');
  });
});
