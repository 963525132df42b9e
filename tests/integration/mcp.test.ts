/**
 * lynx mcp through the official SDK's own client: spawn `node bin/lynx.js mcp` in a real temp
 * workspace over stdio, list the tools, call each one (the client validates structuredContent against
 * the tool's output schema), and check that paths outside the workspace are refused, that no result
 * carries a quiz key, and that nothing in the workspace changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { baseEnv, bin, cleanup, git, lynx, tempDir, workspace, write } from '../helpers/cli.js';

const TOOLS = [
  'checkpoint',
  'gate',
  'lab_list',
  'lab_show',
  'manifest_diff',
  'next',
  'phase_dod',
  'phase_plan',
  'status',
];

let dir: string;
let client: Client;
let before: string;

function snapshot(root: string): string {
  const h = createHash('sha256');
  const walk = (d: string): void => {
    for (const e of readdirSync(d).sort()) {
      if (e === '.git') continue;
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(`${relative(root, p)}\0`).update(readFileSync(p));
    }
  };
  walk(root);
  return h.digest('hex');
}

const manifest = (sha: string, torch: string): string =>
  JSON.stringify({
    git_sha: sha,
    git_dirty: false,
    seed: 42,
    versions: { python: '3.12', torch },
    hardware: { cpu: 'x' },
  });

beforeAll(async () => {
  dir = workspace();
  const sha = git(dir, 'rev-parse', 'HEAD').trim();
  write(dir, 'experiments/a/manifest.json', manifest(sha, '2.4'));
  write(dir, 'experiments/b/manifest.json', manifest(sha, '2.5'));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'two manifests');
  const start = lynx(['phase-start', '00'], { cwd: dir });
  if (start.code !== 0) throw new Error(start.stderr);
  writeFileSync(join(tempDir(), 'outside.json'), '{}');
  symlinkSync('/etc/hostname', join(dir, 'escape.json'));
  before = snapshot(dir);
  const env = baseEnv();
  client = new Client({ name: 'lynx-test', version: '1.0.0' });
  await client.connect(
    new StdioClientTransport({ command: process.execPath, args: [bin, 'mcp'], cwd: dir, env, stderr: 'pipe' }),
  );
});

afterAll(async () => {
  await client.close();
  cleanup();
});

const call = async (
  name: string,
  args: Record<string, unknown> = {},
): Promise<{ isError: boolean; data: Record<string, unknown>; text: string }> => {
  const r = await client.callTool({ name, arguments: args });
  const text = (r.content as { type: string; text: string }[]).map((c) => c.text).join('\n');
  return { isError: r.isError === true, data: (r.structuredContent ?? {}) as Record<string, unknown>, text };
};

describe('lynx mcp over stdio, through the SDK client', () => {
  it('tools/list: every tool with JSON Schemas for input and output, all read-only', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(TOOLS);
    for (const t of tools) {
      expect(t.inputSchema.type, t.name).toBe('object');
      expect(t.outputSchema?.type, t.name).toBe('object');
      expect(t.annotations?.readOnlyHint, t.name).toBe(true);
      expect(t.description?.length ?? 0, t.name).toBeGreaterThan(20);
    }
    const gate = tools.find((t) => t.name === 'gate');
    expect(gate?.inputSchema.required).toEqual(['phase']);
  });

  it("status: the learner's phases, and one phase in detail", async () => {
    const all = await call('status');
    expect(all.isError, all.text).toBe(false);
    const learners = all.data.learners as { learner: string; phases: { phase: number; status: string }[] }[];
    expect(learners[0]?.learner).toBe('borja');
    expect(learners[0]?.phases.find((p) => p.phase === 0)?.status).toBe('planned');
    const one = await call('status', { phase: '0' });
    expect((one.data.phase as { id: number }).id).toBe(0);
    expect(JSON.parse(one.text)).toEqual(one.data);
  });

  it('next: the planned phase waits for approval, as lynx next says', async () => {
    const r = await call('next');
    expect(r.isError, r.text).toBe(false);
    const actions = r.data.actions as { kind: string; command: string | null }[];
    expect(actions[0]?.kind).toBe('approve');
    expect(actions[0]?.command).toMatch(/ phase-start 00 --approve$/);
  });

  it('checkpoint (static) and gate: GateResults of phase 00', async () => {
    const cp = await call('checkpoint');
    expect(cp.isError, cp.text).toBe(false);
    expect(cp.data.phase).toBe(0);
    const checks = cp.data.checks as { id: string; status: string }[];
    expect(checks.some((c) => c.id === 'claude-config')).toBe(true);
    expect(checks.some((c) => c.status === 'pending')).toBe(true);
    const g = await call('gate', { phase: '00' });
    expect(g.isError, g.text).toBe(false);
    expect(g.data.status).toBe('fail');
    expect((g.data.checks as { id: string; status: string }[]).find((c) => c.id === 'closure:closed')?.status).toBe(
      'fail',
    );
  });

  it('lab_list and lab_show', async () => {
    const list = await call('lab_list', { phase: '00' });
    expect(list.isError, list.text).toBe(false);
    const labs = list.data.labs as { id: string }[];
    expect(labs.length).toBeGreaterThan(0);
    expect(list.data.lab).toBeUndefined();
    const show = await call('lab_show', { phase: '00', lab: labs[0]?.id });
    expect(show.isError, show.text).toBe(false);
    expect((show.data.lab as { id: string; items: unknown[] }).id).toBe(labs[0]?.id);
    expect((show.data.lab as { items: unknown[] }).items.length).toBeGreaterThan(0);
    const none = await call('lab_show', { phase: '00', lab: '99' });
    expect(none.isError).toBe(true);
    expect(none.text).toContain('has no lab "99"');
  });

  it('phase_dod and phase_plan', async () => {
    const dod = await call('phase_dod', { phase: '00' });
    expect(dod.isError, dod.text).toBe(false);
    expect((dod.data.items as { id: string }[]).map((i) => i.id)).toContain('claude-config');
    const plan = await call('phase_plan', { phase: '00' });
    expect(plan.isError, plan.text).toBe(false);
    expect(plan.data).toMatchObject({ path: 'PHASE_00_PLAN.md', exists: true, state: 'unapproved', status: 'planned' });
    expect(plan.data.text).toContain('PHASE_00_PLAN');
    const missing = await call('phase_plan', { phase: '01' });
    expect(missing.data).toMatchObject({ exists: false, state: 'missing' });
  });

  it('manifest_diff inside the workspace; refused outside it (.., absolute, a symlink out)', async () => {
    const d = await call('manifest_diff', { a: 'experiments/a/manifest.json', b: 'experiments/b/manifest.json' });
    expect(d.isError, d.text).toBe(false);
    expect(d.data.drift).toBe(true);
    for (const bad of ['../outside.json', '/etc/hostname', 'escape.json', 'experiments/../../x.json']) {
      const r = await call('manifest_diff', { a: bad, b: 'experiments/b/manifest.json' });
      expect(r.isError, bad).toBe(true);
      expect(r.text, bad).toContain('is outside the workspace');
    }
  });

  it('bad input is an error result, not a crash: a bad phase, an unknown tool', async () => {
    const r = await call('status', { phase: 'seven' });
    expect(r.isError).toBe(true);
    expect(r.text).toContain('phase number');
    await expect(client.callTool({ name: 'quiz', arguments: {} })).resolves.toMatchObject({ isError: true });
  });

  it('no result carries a quiz key or a model answer, and the workspace is unchanged', async () => {
    const outs = await Promise.all([
      call('status', { phase: '00' }),
      call('checkpoint', { phase: '00' }),
      call('phase_dod', { phase: '00' }),
      call('lab_show', { phase: '00', lab: '00' }),
    ]);
    for (const o of outs) expect(o.text).not.toMatch(/"(correct|model_answer|keywords|accepted)"/);
    expect(snapshot(dir)).toBe(before);
  });
});
