/**
 * dirGlob answers `<literal dir>/<one segment>` globs with one listing (issue 20). It must say exactly what the
 * workspace's tinyglobby call says on the same tree — symlinks, dot files, braces, directories, missing paths —
 * and decline (undefined) every pattern it does not understand, so the caller globs as before.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { cleanup, tempDir } from '../helpers/cli.js';
import { dirGlob } from '../../src/io/dir-glob.js';

afterAll(cleanup);

// the options check-context.ts passes
const glob = (root: string, patterns: string[]): string[] =>
  globSync(patterns, {
    cwd: root,
    onlyFiles: true,
    dot: true,
    followSymbolicLinks: false,
    ignore: ['.git/**', '.lynx/**', 'node_modules/**'],
  }).sort();

function tree(): string {
  const root = tempDir('lynx-dirglob-');
  for (const d of ['d/sub', 'd/x.md', 'real', '.claude/commands', '.github/workflows', 'a.b'])
    mkdirSync(join(root, d), { recursive: true });
  const files = ['d/a.md', 'd/.h.md', 'd/b.txt', 'd/ab.md', 'd/a.MD', 'd/sub/c.md', 'real/r.md', 'top.md', '.dot.md'];
  const odd = ['d/$x^.md', 'd/a+b.md', 'a.b/c.md', '.github/workflows/ci.yml', '.github/workflows/x.yaml'];
  for (const f of [...files, ...odd]) writeFileSync(join(root, f), 'x');
  for (const c of ['phase-start', 'quiz', 'gate']) writeFileSync(join(root, '.claude/commands', `${c}.md`), 'x');
  symlinkSync('../real/r.md', join(root, 'd/link.md')); // a symlink to a file: never a match
  symlinkSync('../real', join(root, 'd/dirlink.md'));
  symlinkSync('nowhere', join(root, 'd/dangling.md'));
  symlinkSync('d', join(root, 'ld')); // a symlinked directory on the way is listed through
  return root;
}

describe('dirGlob', () => {
  const root = tree();
  const same = [
    'd/*.md',
    'ld/*.md',
    'd/*.{md,txt}',
    'd/?.md',
    'd/??.md',
    'd/a*',
    '*',
    '*.md',
    'd/*',
    'd/sub/*.md',
    'a.b/*.md',
    '.claude/commands/*.md',
    '.github/workflows/*.{yml,yaml}',
    'missing/*.md',
    'top.md/*',
    'd/*.{yml,yaml}',
    'd/{a,ab}.md',
    'd/*$x^*',
  ];
  it.each(same)('%s: the same files as tinyglobby', (p) => {
    expect(dirGlob(root, [p])).toEqual(glob(root, [p]));
  });

  it('several patterns: their union, sorted, once each', () => {
    const ps = ['d/*.md', 'd/a*', '.claude/commands/*.md'];
    expect(dirGlob(root, ps)).toEqual(glob(root, ps));
    expect(dirGlob(root, ps)?.length).toBeGreaterThan(3);
  });

  it.each([
    'd/**/*.md',
    '**/*.md',
    'd/*/c.md',
    'd/[ab].md',
    'd/@(a).md',
    'd/!(a).md',
    'd/+(a).md',
    'd/a\\*.md',
    'd/{a,{b,c}}.md',
    'd/{a}.md',
    'd/a}.md',
    '../d/*.md',
    'd/./*.md',
    'node_modules/*.js',
    '.git/*',
    'd/a.md',
    'd/',
  ])('%s: declined, the caller globs as before', (p) => {
    expect(dirGlob(root, [p])).toBeUndefined();
    expect(dirGlob(root, ['d/*.md', p])).toBeUndefined(); // one pattern it cannot answer: none answered
  });
});
