/**
 * The gate: every DoD item of the phase plus the ritual's own checks (quiz, break, manifests, plan
 * revisions, honesty flags, a committed tree), with dependencies and waivers, folded into one
 * GateResult. Pure: all it knows of the world comes through the CheckContext.
 */
import type { CheckContext, CheckResult } from './checks/types.js';
import { evaluate, timed } from './checks/registry.js';
import { manifestsCheck } from './gate-manifests.js';
import { planFileName, planState } from './plan-rules.js';
import { nn } from './ids.js';

export type GateStatus = 'pass' | 'fail' | 'error';

export interface GateRun {
  checks: CheckResult[];
  status: GateStatus;
}

const blocking = (r: CheckResult, mode: 'static' | 'full'): boolean =>
  r.waived === undefined &&
  (r.status === 'fail' ||
    r.status === 'error' ||
    r.status === 'skipped' ||
    (mode === 'full' && r.status === 'pending'));

export function gateStatus(checks: readonly CheckResult[], mode: 'static' | 'full'): GateStatus {
  const bad = checks.filter((c) => blocking(c, mode));
  if (bad.length === 0) return 'pass';
  return bad.some((c) => c.status === 'fail' || c.status === 'skipped' || c.status === 'pending') ? 'fail' : 'error';
}

export const reportFile = (phase: number): string => `PHASE_${nn(phase)}_REPORT.md`;

type DodItem = CheckContext['phase']['dod'][number];
type Check = DodItem['check'];
const runsCommands = (c: Check): boolean =>
  c.kind === 'command' || (c.kind === 'any' && c.of.some((x) => runsCommands(x)));

/**
 * DoD items run concurrently (the context bounds how many commands run at once: `--jobs`); an item
 * waits only for the items it depends on. Two waves: the items that run no command (and depend on
 * none that does) settle first, so a corrupt file stops the gate before any recipe starts, as in the
 * sequential loop; then the rest. Results, and the first error thrown, come out in curriculum order
 * whatever finished first, so a gate names the same corrupt file every run.
 */
async function dodChecks(ctx: CheckContext): Promise<CheckResult[]> {
  const waivers = ctx.state.checkpoint?.waivers ?? [];
  const started = new Map<string, Promise<CheckResult>>();
  const one = async (item: DodItem): Promise<CheckResult> => {
    const waiver = waivers.filter((w) => w.item === item.id).at(-1);
    // the ritual cannot be waived away (issue 15): a quiz item's waiver is ignored, the quiz is checked
    if (waiver && item.check.kind === 'quiz') {
      const r = await evaluate(item.check, { ...ctx, itemId: item.id }, item.id);
      return {
        ...r,
        title: item.text,
        message: `${r.message} (a waiver of the quiz does not count: the quiz cannot be waived)`,
      };
    }
    if (waiver)
      return {
        id: item.id,
        kind: item.check.kind,
        title: item.text,
        status: 'skipped',
        message: `waived by ${waiver.by} on ${waiver.at.slice(0, 10)}: ${waiver.reason}`,
        waived: waiver.reason,
      };
    const deps: CheckResult[] = [];
    for (const d of item.depends_on ?? []) {
      const p = earlier.get(item.id)?.has(d) === true ? started.get(d) : undefined;
      if (p) deps.push(await p);
    }
    const failedDep = deps.find((r) => r.waived === undefined && r.status !== 'pass');
    if (failedDep)
      return {
        id: item.id,
        kind: item.check.kind,
        title: item.text,
        status: 'skipped',
        message: `skipped: depends on ${failedDep.id}, which did not pass`,
      };
    const r = await evaluate(item.check, { ...ctx, itemId: item.id }, item.id);
    return { ...r, title: item.text };
  };
  // a dependency is an earlier item (as in the sequential loop); later or unknown ids are not waited for
  const seen = new Set<string>();
  const late = new Set<string>();
  const earlier = new Map<string, Set<string>>();
  for (const item of ctx.phase.dod) {
    earlier.set(item.id, new Set(seen));
    if (runsCommands(item.check) || (item.depends_on ?? []).some((d) => seen.has(d) && late.has(d))) late.add(item.id);
    seen.add(item.id);
  }
  const settle = async (items: DodItem[]): Promise<void> => {
    for (const item of items) started.set(item.id, one(item));
    const out = await Promise.allSettled(
      items.map((i) => started.get(i.id) ?? Promise.reject(new Error(`DoD item ${i.id} not started`))),
    );
    const bad = out.find((s) => s.status === 'rejected');
    if (bad) throw bad.reason;
  };
  await settle(ctx.phase.dod.filter((i) => !late.has(i.id)));
  await settle(ctx.phase.dod.filter((i) => late.has(i.id)));
  const results: CheckResult[] = [];
  for (const item of ctx.phase.dod) results.push(await (started.get(item.id) as Promise<CheckResult>));
  return results;
}

function planCheck(ctx: CheckContext): CheckResult {
  const file = planFileName(ctx.phase.id);
  const base = { id: 'gate:plan', kind: 'plan', title: `${file}: changes after approval are logged in §8` };
  const cp = ctx.state.checkpoint;
  const text = ctx.fs.read(file);
  if (text === undefined)
    return { ...base, status: 'fail', message: `${file} is missing (\`lynx phase-start ${nn(ctx.phase.id)}\`)` };
  const st = planState(text, { plan_sha256: cp?.plan_sha256, approved_at: cp?.approved_at }, ctx.state.approvedPlan);
  switch (st.state) {
    case 'unapproved':
      return {
        ...base,
        status: 'fail',
        message: `the plan was never approved (\`lynx phase-start ${nn(ctx.phase.id)} --approve\`)`,
      };
    case 'unchanged':
      return {
        ...base,
        status: 'pass',
        message: `unchanged since approval on ${cp?.approved_at?.slice(0, 10) ?? '?'}`,
      };
    case 'unlogged':
      return {
        ...base,
        status: 'fail',
        message: `${file} changed after approval but §8 Revisions log has no entry`,
        expected: 'a §8 entry for every change after approval',
      };
    case 'revised':
      return {
        ...base,
        status: 'pass',
        message: `changed after approval; §8 has ${st.entries} revision entr${st.entries === 1 ? 'y' : 'ies'}`,
      };
  }
}

/** A break's mutant text in the tree, or an open journal, means the break is still active. */
function activeBreak(ctx: CheckContext): CheckResult {
  const base = { id: 'gate:no-active-break', kind: 'break', title: 'no break is active' };
  const found: string[] = [...ctx.state.breakJournals];
  for (const b of ctx.phase.breaks) {
    for (const t of b.targets) {
      const e = t.edit;
      if (!e || e.replace.trim() === '' || e.find.includes(e.replace)) continue;
      const text = ctx.fs.read(ctx.expand(t.path));
      if (text?.includes(e.replace)) found.push(`${ctx.expand(t.path)} holds the mutant of break ${b.id}`);
    }
  }
  if (found.length > 0)
    return {
      ...base,
      status: 'fail',
      message: `break still active: ${found[0] ?? ''} — run \`lynx break ${nn(ctx.phase.id)} restore\``,
      evidence: found,
    };
  return { ...base, status: 'pass', message: 'no break journal open, no mutant in the tree' };
}

/** Reading a lab's solutions before attempting it never blocks, but it is never a silent ✓ either. */
function honesty(ctx: CheckContext): CheckResult {
  const flag = ctx.state.checkpoint?.dod?.lab_attempted_before_solutions;
  const base = { id: 'gate:honesty', kind: 'flag', title: 'dod.lab_attempted_before_solutions' };
  if (flag === false) {
    const labs = Object.entries(ctx.state.checkpoint?.dod ?? {}).flatMap(([k, v]) => {
      const m = /^lab_(.+)_attempted_before_solutions$/.exec(k);
      return m && v === false ? [`lab ${m[1] ?? ''}`] : [];
    });
    return {
      ...base,
      status: 'warn',
      message:
        `dod.lab_attempted_before_solutions: false — solutions were read before ` +
        `${labs.length > 0 ? labs.join(', ') : 'a lab'} was attempted (\`lynx lab NN ID --peeked\`); reported, not ` +
        `blocking`,
    };
  }
  return {
    ...base,
    status: 'pass',
    message: `dod.lab_attempted_before_solutions: ${flag === undefined ? 'not recorded (true)' : String(flag)}`,
  };
}

/** The ritual's own checks go through the engine's wrapper too: timed, a throw becomes an error result. */
async function ritualCheck(
  f: () => CheckResult | Promise<CheckResult>,
  id: string,
  kind: string,
): Promise<CheckResult> {
  let title = id;
  const r = await timed({ id, kind, title }, async () => {
    const x = await f();
    title = x.title;
    return x;
  });
  return { ...r, title: r.title === id ? title : r.title };
}

export interface GateOptions {
  ritual: boolean;
  requireClean: boolean;
}

export async function runGate(ctx: CheckContext, opts: GateOptions): Promise<GateRun> {
  // static mode runs no command, so nothing the DoD does can change the manifests: their check starts with the
  // DoD (reading 5,000 manifests while git's snapshot is taken, issue 20); its result and any error it throws are
  // still taken in the same place, after the DoD's. A full run keeps the order (a recipe may write manifests).
  const early =
    opts.ritual && ctx.mode === 'static'
      ? ritualCheck(() => manifestsCheck(ctx), 'gate:manifests', 'manifest')
      : undefined;
  early?.catch(() => undefined); // awaited below; a DoD error thrown first must not leave it unhandled
  const checks = await dodChecks(ctx);
  if (opts.ritual) {
    // a DoD quiz item is never waived (dodChecks ignores such a waiver), so it always stands for the ritual's quiz
    const hasQuiz = ctx.phase.dod.some((d) => d.check.kind === 'quiz');
    if (!hasQuiz && ctx.phase.quiz.file)
      checks.push({
        ...(await evaluate({ kind: 'quiz' }, ctx, 'gate:quiz')),
        title: `quiz ${nn(ctx.phase.id)} passed (≥ ${Math.round(ctx.phase.quiz.threshold * 100)}%)`,
      });
    if (ctx.phase.breaks.length > 0)
      checks.push({
        ...(await evaluate({ kind: 'break' }, ctx, 'gate:break')),
        title: 'break exercise done and restored',
      });
    checks.push(await ritualCheck(() => activeBreak(ctx), 'gate:no-active-break', 'break'));
    checks.push(await (early ?? ritualCheck(() => manifestsCheck(ctx), 'gate:manifests', 'manifest')));
    checks.push(await ritualCheck(() => planCheck(ctx), 'gate:plan', 'plan'));
    checks.push(await ritualCheck(() => honesty(ctx), 'gate:honesty', 'flag'));
  }
  if (opts.requireClean)
    checks.push({
      ...(await evaluate({ kind: 'git-clean' }, ctx, 'gate:git-clean')),
      title: 'everything is committed',
    });
  return { checks, status: gateStatus(checks, ctx.mode) };
}
