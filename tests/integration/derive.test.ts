import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, git, lynx, workspace, write } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';

afterAll(cleanup);

/** A workspace with phase 00 open (planned, then approved). */
async function open00(): Promise<string> {
  const dir = workspace('ana');
  await lynxIn(['phase-start', '00'], { cwd: dir });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'plan');
  await lynxIn(['phase-start', '00', '--approve'], { cwd: dir });
  return dir;
}

describe('lynx derive', () => {
  it('needs a phase: the one in progress, else --phase', () => {
    const dir = workspace('ana');
    const r = lynx(['derive', 'softmax gradient'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no phase is in progress');
    expect(r.stderr).toContain('--phase NN');
  });

  it('scaffolds the next numbered page, slugged, with every section; prints the path; never overwrites', async () => {
    const dir = await open00();
    for (const f of ['00-motivation.md', '01-reproducibility.md', '04-manifest-anatomy.md'])
      write(dir, `docs/phase-00-foundations/theory/${f}`, `# ${f}\n`);
    const r = await lynxIn(['derive', 'Softmax', 'gradient (∂/∂x)', '--phase', '0'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('docs/phase-00-foundations/theory/05-softmax-gradient-x.md\n');
    const page = readFileSync(join(dir, 'docs/phase-00-foundations/theory/05-softmax-gradient-x.md'), 'utf8');
    expect(page.startsWith('# Softmax gradient (∂/∂x)\n')).toBe(true);
    expect(page.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      '## Statement',
      '## Assumptions',
      '## Derivation',
      '## Numerical check',
      '## References',
    ]);
    write(dir, 'docs/phase-00-foundations/theory/05-softmax-gradient-x.md', 'my derivation\n');
    const again = await lynxIn(['derive', 'softmax gradient x', '--phase', '00'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('05-softmax-gradient-x.md already exists');
    expect(readFileSync(join(dir, 'docs/phase-00-foundations/theory/05-softmax-gradient-x.md'), 'utf8')).toBe(
      'my derivation\n',
    );
    expect((await lynxIn(['derive', '∂∂', '--phase', '00'], { cwd: dir })).code).toBe(2);
  });

  it(
    "defaults to the phase in progress, numbered after the curriculum's own pages even when the workspace has " +
      'none',
    async () => {
      const dir = await open00();
      const r = await lynxIn(['derive', 'adam bias correction', '--json'], { cwd: dir });
      expect(r.code).toBe(0);
      // phase 00 names theory/00-03 in its read order and theory/04-manifest-anatomy.md in lab 04
      expect(JSON.parse(r.stdout)).toMatchObject({
        phase: 0,
        path: 'docs/phase-00-foundations/theory/05-adam-bias-correction.md',
      });
      // a topic the curriculum already has a page for is that page, not a new one
      const same = await lynxIn(['derive', 'manifest anatomy'], { cwd: dir });
      expect(same.code).toBe(2);
      expect(same.stderr).toContain('04-manifest-anatomy.md already exists');
    },
  );

  it('refuses a phase that is not open, writing nothing', async () => {
    const dir = await open00();
    const r = await lynxIn(['derive', 'entropy', '--phase', '05'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('phase 05 is not open (not started)');
    expect(r.stderr).toContain('lynx phase-start 05');
    expect(git(dir, 'status', '--porcelain', '--', 'docs')).toBe('');
  });
});
