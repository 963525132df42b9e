import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../helpers/cli.js';

interface Step { run?: string; uses?: string; with?: Record<string, unknown> }
interface Workflow { on: Record<string, unknown>; jobs: Record<string, { needs?: string; strategy?: { matrix: { learner: string } }; steps: Step[] }> }

describe('templates/ci/lynx-gate.yml', () => {
  const wf = parse(readFileSync(join(repoRoot, 'templates/ci/lynx-gate.yml'), 'utf8')) as Workflow;
  it('gates pull requests, one job per learner from `lynx status --all --json`', () => {
    expect(Object.keys(wf.on)).toContain('pull_request');
    expect(wf.jobs.learners?.steps.some((s) => s.run?.includes('lynx status --all --json'))).toBe(true);
    expect(wf.jobs.gate?.needs).toBe('learners');
    expect(wf.jobs.gate?.strategy?.matrix.learner).toContain('fromJSON(needs.learners.outputs.learners)');
  });
  it('runs lynx gate --all for the matrix learner with full history and keeps the JUnit file', () => {
    const steps = wf.jobs.gate?.steps ?? [];
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0);
    expect(steps.some((s) => s.run?.includes('lynx gate --all --learner "${{ matrix.learner }}" --junit'))).toBe(true);
    expect(steps.some((s) => s.uses?.startsWith('actions/upload-artifact'))).toBe(true);
  });
});
