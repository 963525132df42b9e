import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, git, lynx, repoRoot, tempDir } from '../helpers/cli.js';

afterAll(cleanup);

describe('lynx demo runs phase 00\'s break end to end', () => {
  it('predictions committed, start (tests red), hint, diagnose, restore (tests green), tree committed', () => {
    const dir = join(tempDir(), 'demo');
    const r = lynx(['demo', '--dir', dir, '--json'], { cwd: tempDir(), timeout: 120_000 });
    const out = JSON.parse(r.stdout) as { steps: { command: string; ok: boolean; output: string }[] };
    const steps = out.steps.filter((s) => s.command.startsWith('lynx break'));
    expect(steps.map((s) => s.command.split(' ').slice(0, 4).join(' '))).toEqual(['lynx break 00 &&', 'lynx break 00 start', 'lynx break 00 hint', 'lynx break 00 diagnose', 'lynx break 00 restore']);
    expect(steps.filter((s) => !s.ok)).toEqual([]);
    expect(steps[1]?.output).toContain('just test → exit 1');
    expect(steps[4]?.output).toContain('just test → exit 0');
    // the target is byte-identical to the shipped one, and the break left nothing uncommitted
    expect(readFileSync(join(dir, 'src/utils/seeding.py'))).toEqual(readFileSync(join(repoRoot, 'templates/demo-workspace/src/utils/seeding.py')));
    expect(git(dir, 'log', '--format=%s')).toContain('phase-00: break pythonhashseed done and restored');
    const cp = JSON.parse(readFileSync(join(dir, 'learners/demo/phase-00/checkpoint.json'), 'utf8')) as { break: { state: string; hints_used: number } };
    expect(cp.break).toMatchObject({ state: 'restored', hints_used: 1 });
  });
});
