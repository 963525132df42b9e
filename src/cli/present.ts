/**
 * The one presentation boundary: a command hands its typed result here, and the reporters the flags
 * and environment ask for print it — `--json` (only JSON on stdout), else the text reporter;
 * for gate results also `--junit FILE` and, under GITHUB_ACTIONS=true, the GitHub reporter. Returns
 * the outcome the entry point turns into the exit code (core/exit-codes.ts).
 */
import type { Outcome, ResultKind, ResultKinds } from '../core/exit-codes.js';
import type { GateResult } from '../schemas/generated/types.js';
import type { Printed, TextOptions } from '../ui/reporters/text.js';
import type { Theme } from '../ui/theme.js';
import type { Ctx } from './context.js';
import { inGithubActions, writeGithub } from '../io/github.js';

export interface PresentOptions extends TextOptions {
  /** Write JUnit XML of the gate results here (resolved against the command's directory). */
  junit?: string | undefined;
}

/** The gate results a result carries, for the CI reporters. */
function gateResults(kind: ResultKind, result: unknown): GateResult[] | undefined {
  if (kind === 'gate') return (result as ResultKinds['gate']).results;
  return undefined;
}

/** The CI reporters: the JUnit file and, under GitHub Actions, the annotations and job summary. */
async function ciReports(
  ctx: Ctx,
  gates: GateResult[],
  junitPath: string | undefined,
  learners: string[] | undefined,
): Promise<void> {
  const [{ existsSync }, path, ws] = await Promise.all([
    import('node:fs'),
    import('node:path'),
    import('../io/workspace.js'),
  ]);
  const root = ws.findRoot(ctx.cwd);
  // reporters name only files that exist in the workspace (a temp log is gone after the run)
  const exists = (rel: string): boolean => existsSync(path.join(root, rel));
  if (junitPath) {
    const [reporter, fsx, own] = await Promise.all([
      import('../ui/reporters/junit.js'),
      import('../io/fsx.js'),
      import('../io/own-outputs.js'),
    ]);
    // resolved, not joined: an absolute path (a CI runner's $RUNNER_TEMP) lands where it names
    const file = path.resolve(ctx.cwd, junitPath);
    const xml = reporter.junit(gates, exists);
    await fsx.writeAtomic(file, xml, { tmpBeside: true });
    // inside the checkout, the file is recorded so the next gate's git-clean check excuses it
    await own.recordOutput(root, file, xml);
  }
  // The runner reads workflow commands from stdout and stderr alike; under --json they go to
  // stderr so stdout stays one JSON document (`lynx gate --json | jq` works in Actions).
  if (inGithubActions())
    writeGithub(
      (await import('../ui/reporters/github.js')).github(gates, exists, learners),
      ctx.json ? process.stderr : process.stdout,
    );
}

export async function present<K extends ResultKind>(
  ctx: Ctx,
  kind: K,
  result: ResultKinds[K],
  opts: PresentOptions = {},
): Promise<Outcome> {
  const gates = gateResults(kind, result);
  if (gates && (opts.junit || inGithubActions()))
    await ciReports(ctx, gates, opts.junit, kind === 'gate' ? (result as ResultKinds['gate']).learners : undefined);
  if (ctx.json) {
    const { json } = await import('../ui/reporters/json.js');
    ctx.out(json(kind, result));
  } else {
    const [{ text }, { theme }] = await Promise.all([import('../ui/reporters/text.js'), import('../ui/theme.js')]);
    const render = text[kind] as unknown as (r: ResultKinds[K], t: Theme, o: TextOptions) => Printed | Promise<Printed>;
    const printed = await render(result, theme(), opts);
    for (const l of printed.out) ctx.out(l);
    for (const l of printed.err ?? []) ctx.err(l);
  }
  return { kind, result } as Outcome;
}
