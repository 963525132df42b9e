/**
 * The `runner:` mapping of lynx.yaml (issue 21): on a machine without uv, `uv run X …` runs as the
 * learner's own runner — `{ "uv run": "python3 -m" }` gives `python3 -m X …`, `{ "uv run": ".venv/bin/" }`
 * gives `.venv/bin/X …`. A mapping applies only when the key's first word (uv) is missing here, so CI, which
 * has uv, runs the curriculum's real commands. Pure: whether a tool is missing is asked of the caller.
 */
import type { GateResult } from '../schemas/generated/types.js';
import { shellWord } from './shell-word.js';

export type RunnerMap = Readonly<Record<string, string | undefined>>;

/** Every command the curriculum runs through a runner starts with these words. */
export const RUNNER_PREFIX = ['uv', 'run'] as const;

export interface Substitution {
  /** the command as the curriculum names it */
  command: string;
  /** what ran in its place */
  ran: string;
  reason: string;
}

const words = (s: string): string[] => s.trim().split(/\s+/).filter(Boolean);

/** What is wrong with one mapping entry, or undefined. `key`/`value` as lynx.yaml has them. */
export function runnerProblem(key: string, value: unknown): string | undefined {
  const k = words(key);
  if (k.length < RUNNER_PREFIX.length || RUNNER_PREFIX.some((w, i) => k[i] !== w))
    return (
      `expected a command prefix starting with \`${RUNNER_PREFIX.join(' ')}\` (the curriculum's commands that ` +
      `a runner can stand in for start with it) — found "${key}"`
    );
  if (typeof value !== 'string') return `expected a string (the runner, e.g. "python3 -m") — found ${typeof value}`;
  if (value.trim() === '') return 'expected a runner such as "python3 -m" or ".venv/bin/" — found an empty string';
  return undefined;
}

const PYTHON = new Set(['python', 'python3']);

/**
 * The argv that runs in place of `argv`, or undefined when no mapping applies. The longest matching key
 * wins (`uv run pytest` before `uv run`). A runner ending in `/` is a directory the next word is found in;
 * otherwise its words go in front. `uv run python …` under a `… -m` runner runs the interpreter itself
 * (`python3 -m python` would not run).
 */
export function substitute(
  argv: readonly string[],
  map: RunnerMap | undefined,
  missing: (tool: string) => boolean,
): { argv: string[]; substitution: Substitution } | undefined {
  if (!map) return undefined;
  const keys = Object.keys(map)
    .map((k) => ({ k, w: words(k) }))
    .filter(({ w }) => w.length > 0 && w.length <= argv.length && w.every((x, i) => argv[i] === x))
    .sort((a, b) => b.w.length - a.w.length);
  const hit = keys[0];
  if (!hit || !hit.w[0] || !missing(hit.w[0])) return undefined;
  const runner = map[hit.k] ?? '';
  const rest = argv.slice(hit.w.length);
  let out: string[];
  if (runner.trim().endsWith('/') && rest.length > 0) out = [`${runner.trim()}${rest[0] ?? ''}`, ...rest.slice(1)];
  else {
    const r = words(runner);
    out = r.at(-1) === '-m' && PYTHON.has(rest[0] ?? '') ? [...r.slice(0, -1), ...rest.slice(1)] : [...r, ...rest];
  }
  const label = (a: readonly string[]): string => a.map(shellWord).join(' ');
  return {
    argv: out,
    substitution: {
      command: label(argv),
      ran: label(out),
      reason: `${hit.w[0]} is not on this machine's PATH; runner "${hit.k}": "${runner}" in lynx.yaml`,
    },
  };
}

type Check = GateResult['checks'][number];

/** Every substitution in a gate's checks and their children, once per command (the gate and the report list them). */
export function substitutionsIn(checks: readonly Check[]): Substitution[] {
  const walk = (c: Check): Substitution[] => [
    ...(c.substitution ? [c.substitution] : []),
    ...(c.children ?? []).flatMap(walk),
  ];
  return [...new Map(checks.flatMap(walk).map((s) => [s.command, s] as const)).values()];
}
