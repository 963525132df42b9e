import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, gitRepo, lynx, repoRoot } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';
import { actionlint } from '../helpers/actionlint.js';

afterAll(cleanup);

const WF = '.github/workflows/lynx-gate.yml';
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  version: string;
  repository: { url: string };
};

describe('lynx init --ci', () => {
  it('writes the workflow pinned to this lynx (git tag v<version>); actionlint finds nothing in it', async () => {
    const dir = gitRepo();
    const r = lynx(['init', '--learner', 'ana', '--ci', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { actions: { path: string; action: string }[] }).actions).toContainEqual({
      path: WF,
      action: 'created',
    });
    const text = readFileSync(join(dir, WF), 'utf8');
    expect(text).toContain(`LYNX_PACKAGE: "${pkg.repository.url}#v${pkg.version}"`);
    expect(text).not.toContain('{{lynx_');
    expect(await actionlint(text)).toEqual([]);
  });

  it('never overwrites an edited workflow (kept, and said so); plain init leaves .github alone', async () => {
    const dir = gitRepo();
    expect((await lynxIn(['init', '--learner', 'ana'], { cwd: dir })).code).toBe(0);
    expect(() => readFileSync(join(dir, WF))).toThrow();
    expect((await lynxIn(['init', '--ci'], { cwd: dir })).code).toBe(0);
    const again = await lynxIn(['init', '--ci', '--json'], { cwd: dir });
    expect((JSON.parse(again.stdout) as { actions: { path: string; action: string }[] }).actions).toContainEqual({
      path: WF,
      action: 'unchanged',
    });
    const edited = `${readFileSync(join(dir, WF), 'utf8')}# our own tweak\n`;
    writeFileSync(join(dir, WF), edited);
    const kept = await lynxIn(['init', '--ci'], { cwd: dir });
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain(`! ${WF}`);
    expect(readFileSync(join(dir, WF), 'utf8')).toBe(edited);
  });
});
