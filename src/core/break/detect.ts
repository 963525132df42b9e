/**
 * Authoring check: is a break detectable? Its observe result must change between the original
 * and the mutant. Exit codes always count; output counts only when two runs on the original
 * agree (a command whose output varies by itself — timings, random order — proves nothing).
 */
import type { StepResult } from './results.js';

export interface ObserveRun {
  steps: StepResult[];
}

export interface Detection {
  detectable: boolean;
  how: string;
  per_step: {
    text: string;
    baseline_exit: number | null | undefined;
    mutant_exit: number | null | undefined;
    output_changed: boolean | 'unstable';
  }[];
}

const ran = (r: ObserveRun): StepResult[] => r.steps.filter((s) => s.action === 'run');
/** Output without what varies between identical runs of the same thing: durations and timestamps. */
const stable = (s: string | undefined): string =>
  (s ?? '').replace(/\d+(\.\d+)?\s*(ms|s|sec|seconds)\b/g, '<t>').replace(/\d{4}-\d\d-\d\dT[\d:.]+Z?/g, '<ts>');

export function detect(baseline: ObserveRun, again: ObserveRun, mutant: ObserveRun): Detection {
  const a = ran(baseline);
  const b = ran(again);
  const m = ran(mutant);
  const per_step = a.map((s, i) => {
    const mt = m[i];
    const steady = stable(s.tail) === stable(b[i]?.tail);
    return {
      text: s.text,
      baseline_exit: s.exit_code,
      mutant_exit: mt?.exit_code,
      output_changed: steady ? stable(s.tail) !== stable(mt?.tail) : ('unstable' as const),
    };
  });
  const byExit = per_step.filter((p) => p.baseline_exit !== p.mutant_exit);
  if (byExit.length > 0)
    return {
      detectable: true,
      how:
        `exit code changes: ` +
        `${byExit.map((p) => `${String(p.baseline_exit)} → ${String(p.mutant_exit)}`).join(', ')}`,
      per_step,
    };
  const byOutput = per_step.filter((p) => p.output_changed === true);
  if (byOutput.length > 0)
    return {
      detectable: true,
      how: `output changes (exit codes equal, output stable across two runs of the original)`,
      per_step,
    };
  const unstable = per_step.some((p) => p.output_changed === 'unstable');
  return {
    detectable: false,
    how:
      `the observe result does not change (same exit code` +
      `${unstable ? '; the output varies between runs of the original, so it cannot count' : ', same output'})`,
    per_step,
  };
}
