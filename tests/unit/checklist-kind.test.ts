/**
 * Issue 14.3: a checklist is held to the curriculum's own lines (the lab's checklist in phase.yaml),
 * not to whatever boxes are left in the file. A deleted, reworded or `[-]` line is open; a line that
 * does not apply is struck through with a reason: `- [x] ~~line~~ n/a: reason`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadDataSet } from '../../src/io/data-files.js';
import { engine } from '../../src/core/checks/registry.js';
import { World } from '../../src/core/checks/world.js';
import { labItems, labOf } from '../../src/core/checks/kinds/checklist.js';
import type { Check, Phase } from '../../src/schemas/generated/types.js';
import { repoRoot } from '../helpers/cli.js';

let phase: Phase;
let lines: string[];
const path = 'docs/phase-00-foundations/lab/00-env-checklist.md';
const check: Check = { kind: 'checklist', path: '{docs}/lab/00-env-checklist.md', min_items: 1 };

beforeAll(async () => {
  const data = await loadDataSet(join(repoRoot, 'curriculum'), join(repoRoot, 'quizzes'), repoRoot);
  phase = data.phases[0]?.phase as Phase;
  lines = labItems(labOf(phase, path));
});

async function judge(text: string): Promise<{ status: string; message: string; evidence: string[] }> {
  const w = new World(phase, 'env-checklist-completed');
  w.write(path, text);
  const r = await engine.evaluate(check, w.context(), 'env-checklist-completed');
  return { status: r.status, message: r.message, evidence: r.evidence ?? [] };
}

const ticked = (ls: string[]): string => ls.map((l) => `- [x] ${l}`).join('\n');

describe('checklist kind', () => {
  it('passes when every curriculum line is ticked', async () => {
    expect(lines.length).toBeGreaterThan(10);
    expect((await judge(ticked(lines))).status).toBe('pass');
  });

  it('fails when a line is deleted, even if every remaining box is ticked', async () => {
    const r = await judge(ticked(lines.slice(1)));
    expect(r.status).toBe('fail');
    expect(r.evidence.join('\n')).toContain(`missing or reworded: ${lines[0]?.slice(0, 40) ?? ''}`);
  });

  it('fails when a box is turned into [-] or the line is reworded', async () => {
    expect((await judge(ticked(lines).replace('- [x] ', '- [-] '))).status).toBe('fail');
    expect((await judge(ticked([`${lines[0] ?? ''} (mostly)`, ...lines.slice(1)]))).status).toBe('fail');
  });

  it('fails when every line is deleted', async () => {
    expect((await judge('# my checklist\n')).status).toBe('fail');
  });

  it('accepts a struck-through line marked n/a with a reason, and shows the reason', async () => {
    const text = ticked(lines).replace(
      `- [x] ${lines[0] ?? ''}`,
      `- [x] ~~${lines[0] ?? ''}~~ n/a: this machine runs Debian, not Fedora`,
    );
    const r = await judge(text);
    expect(r.status).toBe('pass');
    expect(r.message).toContain('1 not applicable');
    expect(r.evidence.join('\n')).toContain('this machine runs Debian, not Fedora');
  });

  it('refuses n/a without a reason', async () => {
    const text = ticked(lines).replace(`- [x] ${lines[0] ?? ''}`, `- [x] ~~${lines[0] ?? ''}~~ n/a:`);
    expect((await judge(text)).status).toBe('fail');
  });
});
