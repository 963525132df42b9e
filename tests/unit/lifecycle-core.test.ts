import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Phase } from '../../src/schemas/generated/types.js';
import type { PhaseSummary } from '../../src/core/curriculum.js';
import { openQuestions, planState, planView, revisionEntries } from '../../src/core/plan.js';
import { render } from '../../src/core/render.js';
import { section, tasks } from '../../src/core/markdown-tasks.js';
import { sha256 } from '../../src/core/attempts.js';
import { checklistItems, checklistView, selectCommands, summarizeRuns, type LabRun } from '../../src/core/lab.js';
import { nextNumber, sameTopic, slugify } from '../../src/core/derive.js';
import { diffManifests } from '../../src/core/manifest.js';
import { renderDiff, timeProblems } from '../../src/core/manifest-drift.js';
import { refusals } from '../../src/core/phase-start.js';
import { readTemplate } from '../../src/io/templates.js';
import { repoRoot } from '../helpers/cli.js';

const dataDir = join(repoRoot, 'dist/data');
const phases: Phase[] = readdirSync(join(dataDir, 'phases'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dataDir, 'phases', f), 'utf8')) as Phase);
const index = JSON.parse(readFileSync(join(dataDir, 'index.json'), 'utf8')) as PhaseSummary[];
const nn = (n: number): string => String(n).padStart(2, '0');

function plan(p: Phase): string {
  const docs = p.docs_dir ?? `docs/phase-${nn(p.id)}-${p.slug}`;
  return render(
    readTemplate('PHASE_PLAN.md'),
    planView({
      phase: p,
      learner: 'ana',
      docs,
      plannedDate: '2026-05-22',
      checklistPaths: new Map(p.labs.map((l) => [l.id, `learners/ana/phase-${nn(p.id)}/lab/${basename(l.file)}`])),
      requireTitles: new Map(index.map((x) => [x.id, x.title])),
    }),
  );
}

describe('the plan template over every bundled phase', () => {
  it('has 42 phases to check', () => expect(phases).toHaveLength(42));

  for (const p of phases) {
    it(
      `phase ${nn(p.id)}: §0–§8 once each, every DoD item with its id and check in §6, every lab in §4, nothing ` +
        `the gate would read as a revision or an open question`,
      async () => {
        const text = plan(p);
        expect(
          text
            .split('\n')
            .filter((l) => /^## §\d/.test(l))
            .map((l) => l.slice(0, 5)),
        ).toEqual(['## §0', '## §1', '## §2', '## §3', '## §4', '## §5', '## §6', '## §7', '## §8']);
        const s6 = section(text, /^## §6\b/) ?? '';
        for (const d of p.dod)
          expect(s6, d.id).toContain(`- **\`${d.id}\`** — ${(d.text.split('\n')[0] ?? '').trim()}`);
        expect((s6.match(/^ {2}- checked by: /gm) ?? []).length).toBe(p.dod.length);
        for (const l of p.labs)
          expect(text).toContain(
            `### Lab ${l.id} — ${l.title}${l.estimated_time ? ` · est. ${l.estimated_time}` : ''}`,
          );
        // the gatekeeper finds §8 and §7 by these patterns: they must land on our sections, empty
        expect(section(text, /^#+\s*§?\s*8\b|revisions/i)).toBe(section(text, /^## §8 Revisions log$/));
        expect(section(text, /^#+\s*§?\s*7\b|open questions/i)).toBe(section(text, /^## §7 Open questions$/));
        expect(revisionEntries(text)).toEqual([]);
        expect(await openQuestions(text)).toEqual([]);
        expect(await tasks(text)).toEqual([]);
        expect(text).not.toMatch(/\{\{[#^/]?[a-z_]+\}\}|\[object Object\]/);
      },
    );
  }

  it("each lab checklist file has exactly the lab's items as task boxes", async () => {
    const tpl = readTemplate('lab-checklist.md');
    let labs = 0;
    for (const p of phases) {
      for (const l of p.labs) {
        const n = checklistItems(l);
        if (n === 0) continue;
        labs++;
        const t = await tasks(render(tpl, checklistView(l, p, `docs/x/${l.file}`, l.estimated_time)));
        expect(t.length, `${nn(p.id)}/${l.id}`).toBe(n);
        expect(t.every((x) => !x.checked)).toBe(true);
      }
    }
    expect(labs).toBeGreaterThan(100);
  });
});

describe('the §8 rule after approval', () => {
  const text = plan(phases[0] as Phase);
  const approved = { plan_sha256: sha256(text), approved_at: '2026-05-22T10:00:00Z' };
  it('unchanged, unlogged, revised (list item or table row)', () => {
    expect(planState(text, {}).state).toBe('unapproved');
    expect(planState(text, approved).state).toBe('unchanged');
    const edited = text.replace('## §2 Design\n', '## §2 Design\n\nOne module.\n');
    expect(planState(edited, approved).state).toBe('unlogged');
    expect(planState(`${edited}\n- 2026-05-23 — §2: one module\n`, approved)).toEqual({ state: 'revised', entries: 1 });
    expect(planState(`${edited}\n| date | change |\n|---|---|\n| 2026-05-23 | one module |\n`, approved)).toEqual({
      state: 'revised',
      entries: 1,
    });
  });
  it('open questions: unticked tasks and plain bullets in §7; ticked ones are resolved', async () => {
    const q = text.replace(
      '## §7 Open questions\n',
      '## §7 Open questions\n\n- [ ] pin uv?\n- [x] which python? 3.11\n- does CI need a GPU?\n',
    );
    expect(await openQuestions(q)).toEqual(['pin uv?', 'does CI need a GPU?']);
  });
});

describe('phase-start refusals', () => {
  it('names every reason; --force lifts only the open-phase one', () => {
    const facts = {
      phase: 7,
      requires: [
        { phase: 4, title: 'Calculus', status: 'done' as const },
        { phase: 6, title: 'Python', status: 'planned' as const },
      ],
      dirty: ['a.py'],
      open: [{ phase: 6, title: 'Python', status: 'planned' as const }],
      force: false,
    };
    expect(refusals(facts).map((r) => r.reason)).toEqual(['prerequisite', 'dirty', 'open-phase']);
    expect(refusals({ ...facts, force: true }).map((r) => r.reason)).toEqual(['prerequisite', 'dirty']);
    expect(refusals({ ...facts, requires: [], dirty: [], open: [] })).toEqual([]);
  });
});

describe('labs', () => {
  const lab = (phases[0] as Phase).labs[0] as Phase['labs'][number];
  const run = (command: string, outcome: LabRun['outcome'], at: string): LabRun => ({
    started_at: at,
    duration_ms: 1000,
    outcome,
    exit_code: outcome === 'passed' ? 0 : 1,
    command,
  });
  it('selects commands by number or recipe, reports unknown picks', () => {
    expect(selectCommands(lab, undefined).picked).toHaveLength(5);
    expect(selectCommands(lab, 'lint,1').picked.map((c) => c.just)).toEqual(['setup', 'lint']);
    expect(selectCommands(lab, '9,deploy').unknown).toEqual(['9', 'deploy']);
    const p23 = phases.find((p) => p.id === 23)?.labs[0] as Phase['labs'][number];
    expect(selectCommands(p23, '2,3').picked.map((c) => c.text)).toEqual(['lsb_release -a', 'nvidia-smi']);
    expect(selectCommands(p23, '1').unknown).toEqual(['1 (done by hand)']);
  });
  it("the latest run of each command decides the lab's status", () => {
    expect(summarizeRuns(lab, []).state).toBe('not run');
    const some = [run('just setup', 'passed', '1'), run('just lint', 'failed', '2')];
    expect(summarizeRuns(lab, some).state).toBe('failed');
    expect(summarizeRuns(lab, [...some, run('just lint', 'passed', '3')])).toMatchObject({
      state: 'partial',
      ran: 2,
      total: 5,
      durationMs: 2000,
    });
    const all = ['just setup', 'just lint', 'just test', 'just audit-deps', 'uv run bandit -r src/'].map((c, i) =>
      run(c, 'passed', String(i)),
    );
    expect(summarizeRuns(lab, all).state).toBe('passed');
    expect(summarizeRuns(lab, [...all, run('just test --verbose', 'timed_out', '9')]).state).toBe('timed_out');
  });
});

describe('derive naming', () => {
  it('slugs, numbers after the existing pages, finds the same topic', () => {
    expect(slugify('  Adam: bias-correction (β₁, β₂)! ')).toBe('adam-bias-correction-1-2');
    expect(slugify('Señal y ruido')).toBe('senal-y-ruido');
    expect(() => slugify('∂∂')).toThrow(/no letters or digits/);
    expect(nextNumber([])).toBe('00');
    expect(nextNumber(['00-motivation.md', '04-manifest-anatomy.md', 'README.md'])).toBe('05');
    expect(sameTopic(['03-softmax.md'], 'softmax')).toBe('03-softmax.md');
    expect(sameTopic(['03-softmax-2.md'], 'softmax')).toBeUndefined();
  });
});

describe('manifest drift and time provenance', () => {
  it('prints in category order with the group prefix dropped; lists the quiet categories', () => {
    const lines = diffManifests(
      { git_sha: 'a', versions: { numpy: '1' }, env: { X: '1' }, z: 1 },
      { git_sha: 'b', versions: { numpy: '2' }, env: {}, z: 1 },
    );
    expect(renderDiff(lines, false)).toEqual([
      '[CODE] git_sha: a -> b',
      '[VERSIONS] numpy: 1 -> 2',
      '[ENV] X: 1 -> <missing>',
      '(no differences in HARDWARE, TIME, OTHER)',
    ]);
    expect(renderDiff(lines, true)).toHaveLength(3);
  });
  it('timestamps parse with a zone, finish after start, wall_seconds agrees within 1.5 s + 5 %', () => {
    const t = { started_at: '2026-05-22T19:14:02Z', finished_at: '2026-05-22T19:14:08Z' };
    expect(timeProblems({ ...t, wall_seconds: 6.31 })).toEqual([]);
    expect(timeProblems({ ...t, wall_seconds: 7.4 })).toEqual([]);
    expect(timeProblems({ ...t, wall_seconds: 8 })).toHaveLength(1);
    expect(timeProblems({ started_at: '2026-05-22T19:14:09+02:00', finished_at: '2026-05-22T17:14:08Z' })).toEqual([
      'finished_at is before started_at',
    ]);
    expect(timeProblems({ started_at: 'yesterday' })).toEqual(['started_at "yesterday" is not an ISO-8601 date-time']);
    expect(timeProblems({ finished_at: 12 })).toEqual(['finished_at is 12, not an ISO-8601 string']);
    expect(timeProblems({ wall_seconds: 3 })).toEqual([]);
  });
});
