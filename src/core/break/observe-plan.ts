/**
 * Which of a break's observe commands can run on this machine, and what runs instead when none
 * can: the workspace's test recipe (e.g. phase 00 observes with `uv run python`, and a machine
 * without uv still sees the break through `just test`). Pure: the facts come from src/io.
 */
import type { CommandSpec } from '../checks/types.js';
import type { Break } from './predictions.js';

export interface ObserveFacts {
  /** Is this program runnable (on PATH, or a file in the workspace for ./paths)? */
  hasProgram(name: string): boolean;
  /** The Justfile's recipes; undefined when there is no Justfile or no just. */
  recipes: readonly string[] | undefined;
  /** A curriculum recipe name → the workspace's (lynx.yaml `recipes:`). */
  recipeName(name: string): string;
  /** Machine capabilities a command can declare it needs (gpu, cuda, perf, network…). */
  has(need: string): boolean;
}

export type PlannedStep =
  | { action: 'run'; text: string; spec: CommandSpec; note?: string }
  | { action: 'skip'; text: string; reason: string }
  | { action: 'manual'; text: string };

export interface ObservePlan {
  steps: PlannedStep[];
  fallback?: { reason: string; spec: CommandSpec; text: string };
}

export const TEST_RECIPE = 'test';

function planOne(o: Break['observe'][number], facts: ObserveFacts, label: string): PlannedStep {
  if (o.manual === true || (o.just === undefined && o.argv === undefined)) return { action: 'manual', text: o.text };
  const missingNeed = (o.needs ?? []).find((n) => !facts.has(n));
  if (missingNeed !== undefined)
    return {
      action: 'skip',
      text: o.text,
      reason: `needs ${missingNeed}, which this machine does not have (set LYNX_HAVE=${missingNeed} if it does)`,
    };
  const base = {
    label,
    ...(o.env ? { env: o.env } : {}),
    ...(o.timeout !== undefined ? { timeout: o.timeout } : {}),
    ...(o.expect_exit !== undefined ? { expect_exit: o.expect_exit } : {}),
  };
  let missing: string | undefined;
  if (o.just !== undefined) {
    const recipe = facts.recipeName(o.just);
    if (facts.recipes === undefined) missing = `\`just ${recipe}\` needs a Justfile, and this workspace has none`;
    else if (!facts.recipes.includes(recipe)) missing = `the Justfile has no recipe \`${recipe}\``;
    else return { action: 'run', text: o.text, spec: { ...base, just: o.just, ...(o.args ? { args: o.args } : {}) } };
    // A recipe no lab defines: run the command it stands for directly, when the data gives it (argv).
    if (o.argv === undefined) return { action: 'skip', text: o.text, reason: missing };
  }
  const argv = o.argv ?? [];
  const program = argv[0] ?? '';
  const direct = missing !== undefined ? `${missing}: ran \`${argv.join(' ')}\` directly instead` : undefined;
  if (!facts.hasProgram(program))
    return {
      action: 'skip',
      text: o.text,
      reason: `${missing !== undefined ? `${missing}, and ` : ''}\`${program}\` is not installed (not on PATH)`,
    };
  return { action: 'run', text: o.text, spec: { ...base, argv }, ...(direct ? { note: direct } : {}) };
}

/** The observe commands as run/skip/manual steps, plus the test-recipe fallback when nothing can run. */
export function planObserve(b: Break, facts: ObserveFacts): ObservePlan {
  const steps = b.observe.map((o, i) => planOne(o, facts, `break-${b.id}-observe-${i + 1}`));
  const runnable = steps.some((s) => s.action === 'run');
  const skipped = steps.filter((s): s is Extract<PlannedStep, { action: 'skip' }> => s.action === 'skip');
  if (runnable || skipped.length === 0) return { steps };
  const fb = testFallback(facts, `break-${b.id}-observe-tests`);
  if (!fb) return { steps };
  return {
    steps,
    fallback: {
      ...fb,
      reason:
        `none of the break's observe commands can run here (` +
        `${[...new Set(skipped.map((s) => s.reason))].join('; ')}); observing with \`${fb.text}\`, the workspace's ` +
        `test recipe, instead`,
    },
  };
}

/** The workspace's test recipe as a command, when the Justfile has one. */
export function testFallback(facts: ObserveFacts, label: string): { spec: CommandSpec; text: string } | undefined {
  const recipe = facts.recipeName(TEST_RECIPE);
  if (!facts.recipes?.includes(recipe)) return undefined;
  return { spec: { label, just: TEST_RECIPE }, text: `just ${recipe}` };
}
