/**
 * Demo steps of the gatekeeper: finish phase 00's DoD the way a learner would (tick the checklist,
 * attest what only a person can judge, waive what this machine cannot run), show the gate catching
 * a dirty manifest, fix it, close the phase with `lynx report 00`, and verify it with `lynx gate 00`.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as git from '../../io/git.js';
import type { DemoEnv, DemoStepDef } from './types.js';

const CHECKLIST = 'docs/phase-00-foundations/lab/00-env-checklist.md';

async function exp(env: DemoEnv): Promise<string> {
  const [{ run }, { findJust }] = await Promise.all([import('../../io/proc.js'), import('../../io/tools.js')]);
  const just = findJust();
  if (!just) throw new Error('just not found');
  const r = await run([just.path, 'exp', '00-seeding-demo'], { cwd: env.dir, timeoutMs: 60_000 });
  if (r.exitCode !== 0) throw new Error(r.output);
  const m = JSON.parse(readFileSync(join(env.dir, 'experiments/00-seeding-demo/manifest.json'), 'utf8')) as {
    git_sha: string;
    git_dirty: boolean;
  };
  return (
    `experiments/00-seeding-demo/manifest.json: git_sha ${m.git_sha.slice(0, 12)}, git_dirty ` +
    `${String(m.git_dirty)}`
  );
}

async function report(env: DemoEnv): Promise<{ ok: boolean; lines: string[] }> {
  const { report: run } = await import('../../app/report.js');
  const r = await run({ cwd: env.dir, learner: env.learner, phase: '00' });
  const bad = r.gate.checks.filter((c) => c.waived === undefined && c.status !== 'pass');
  return {
    ok: r.gate.status === 'pass',
    lines: r.gate.status === 'pass' ? r.written.map((w) => `wrote ${w}`) : bad.map((c) => `✗ ${c.id}: ${c.message}`),
  };
}

export const steps: DemoStepDef[] = [
  {
    title: 'the learner works through the env checklist (lab 00) and ticks every box',
    command: `$EDITOR ${CHECKLIST} && git commit`,
    run: async (env) => {
      const path = join(env.dir, CHECKLIST);
      const text = readFileSync(path, 'utf8');
      const n = (text.match(/^- \[ \]/gm) ?? []).length;
      writeFileSync(path, text.replace(/^- \[ \]/gm, '- [x]'));
      await git.addAll(env.dir);
      await git.commit(env.dir, 'phase: phase-00 env-checklist complete.');
      return { ok: n > 0, output: `${n} boxes ticked in ${CHECKLIST}` };
    },
  },
  {
    title: 'record what only a person can judge, and waive what this machine cannot run',
    command: 'lynx attest 00 ci-green · lynx attest 00 claude-config · lynx waive 00 bandit-clean --reason …',
    run: async (env) => {
      const { attest, waive } = await import('../../app/attest.js');
      const at = { cwd: env.dir, learner: env.learner, phase: '00' };
      await attest({
        ...at,
        item: 'ci-green',
        note: 'the demo CI workflow is committed; its badge is judged by the learner',
      });
      await attest({ ...at, item: 'claude-config', note: '/phase-checkpoint appears in autocompletion' });
      await waive({
        ...at,
        item: 'bandit-clean',
        reason: 'demo machine: uv and bandit cannot be installed without PyPI',
      });
      await git.addAll(env.dir);
      await git.commit(env.dir, 'phase-00: attestations and a waiver');
      return {
        ok: true,
        output: 'attested ci-green, claude-config; waived bandit-clean (the report will show the reason)',
      };
    },
  },
  {
    title: 'an experiment run from uncommitted code: the gate refuses its manifest',
    command: 'echo … >> src/utils/README.md && just exp 00-seeding-demo && git commit -am … && lynx report 00',
    run: async (env) => {
      appendFileSync(join(env.dir, 'src/utils/README.md'), '\nSeeding is covered by tests/test_seeding.py.\n');
      const made = await exp(env);
      await git.addAll(env.dir);
      await git.commit(env.dir, 'docs: utils README; exp: 00-seeding-demo (run before committing the edit)');
      const r = await report(env);
      const dirty = r.lines.some((l) => l.includes('git_dirty is true'));
      return { ok: !r.ok && dirty, output: [made, 'lynx report 00 → FAIL (nothing written):', ...r.lines].join('\n') };
    },
  },
  {
    title: 'fix: re-run the experiment from the committed tree, then close the phase',
    command: 'just exp 00-seeding-demo && git commit && lynx report 00',
    run: async (env) => {
      const made = await exp(env);
      await git.addAll(env.dir);
      await git.commit(env.dir, 'exp: 00-seeding-demo from a committed tree');
      const r = await report(env);
      if (r.ok) {
        await git.addAll(env.dir);
        await git.commit(env.dir, 'phase-00: report, checkpoint, progress');
      }
      return { ok: r.ok, output: [made, `lynx report 00 → ${r.ok ? 'PASS' : 'FAIL'}`, ...r.lines].join('\n') };
    },
  },
  {
    title: 'CI verifies the closed phase from the committed tree',
    command: 'lynx gate 00',
    run: async (env) => {
      const { gate } = await import('../../app/gate.js');
      const [r] = await gate({ cwd: env.dir, learner: env.learner, phase: '00' });
      if (!r) return { ok: false, output: 'no result' };
      const passed = r.checks.filter((c) => c.status === 'pass').length;
      const waived = r.checks.filter((c) => c.waived !== undefined).length;
      return {
        ok: r.status === 'pass',
        output:
          `lynx gate 00 → ${r.status.toUpperCase()}: ${passed} checks passed, ${waived} waived` +
          (r.status === 'pass'
            ? ''
            : `\n${r.checks
                .filter((c) => c.status !== 'pass' && c.waived === undefined)
                .map((c) => `✗ ${c.id}: ${c.message}`)
                .join('\n')}`),
      };
    },
  },
];
