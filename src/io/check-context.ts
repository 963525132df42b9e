/**
 * The real CheckContext: the workspace's files, one git snapshot, the learner's recipes run
 * through src/io/proc, and the recorded state (checkpoint, attempt log, break journals).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import type { CheckContext, CommandOutcome, CommandProgress, CommandSpec } from '../core/checks/types.js';
export type { CommandProgress } from '../core/checks/types.js';
import type { Checkpoint, Phase, QuizBank } from '../schemas/generated/types.js';
import type { AttemptRecord } from '../core/attempts.js';
import type { CodeOutcome } from '../core/quiz/grade.js';
import { docsDir } from '../core/curriculum.js';
import { expandPath, nn } from '../core/ids.js';
import { verifyChain, bankSha256, attemptsFile, anchorCheck, sha256 } from '../core/attempts.js';
// append-only across history, for any log (the attempt log and the grade log here)
import { appendOnlyProblems } from './append-only.js';
import { rememberChain, trustedLines } from './chain-memo.js';
import { prefixIds } from './prefix-ids.js';
import { narrowedGlob, type Known } from './listing.js';
import { openCheckMemo } from './check-memo.js';
import { dirGlob } from './dir-glob.js';
import { openDocCache, type DocCache } from './doc-cache.js';
import { parseJsonText } from '../core/json.js';
import { planFileName } from '../core/plan-rules.js';
import { CAPS, readRegularText, realInside } from './fsx-read.js';
import * as git from './git.js';
import { versionOids } from './git-versions.js';
import { whyNotInHistory } from './history.js';
import { readCheckpoint } from './checkpoint.js';
import { loadQuizBank } from './curriculum.js';
import { openBreakJournals } from './notices.js';
import { capabilities } from './tools.js';
import { layoutOf, type Workspace } from './workspace.js';
import { banksFor } from './bank-history.js';
import { gradesFile, parseGrades } from '../core/grades.js';
import { globSync } from './globber.js';

/**
 * `snapshot`: a run that verifies several phases or learners (gate --all) takes the git snapshot once
 * and passes it to every context (issue 20: it was retaken per phase, 211 git processes for 42).
 * `jobs`: how many commands run at once (default: the cores). `stopped`: once it says true (Ctrl-C),
 * queued commands are not started — they come back interrupted, and the use case stops the run.
 */
export interface ContextOptions {
  mode: 'static' | 'full';
  /** The checkpoint as this run already read it (gate --all lists the closed phases by reading them all). */
  checkpoint?: Checkpoint | undefined;
  snapshot?: Promise<git.Snapshot>;
  jobs?: number;
  logRoot?: string;
  progress?: CommandProgress;
  stopped?: () => boolean;
  /** `lynx checkpoint` only: derived state in .lynx/cache may stand in for re-verifying (./append-only.ts memo) */
  memo?: boolean;
}

/** The context, and what the use case calls once the checks are done: write the doc cache (checkpoint only). */
export type IoContext = CheckContext & { flush(): void };

/** At most `n` tasks at once, started in the order asked (the engine evaluates DoD items concurrently). */
export function bounded(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  const max = Math.max(1, Math.floor(n));
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= max) await new Promise<void>((go) => waiting.push(go));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/** The committed plan whose sha256 the checkpoint approved, when the plan changed since (§8 entries must be newer). */
async function approvedPlanText(ws: Workspace, rel: string, planSha: string | undefined): Promise<string | undefined> {
  if (!planSha) return undefined;
  const now = readRegularText(ws.abs(rel), { display: rel, cap: CAPS.learner, root: ws.root, optional: true });
  if (now === undefined || sha256(now) === planSha) return undefined;
  for (const v of await versionOids(ws.root, rel)) {
    const text = await git.blobText(ws.root, v.oid);
    if (sha256(text) === planSha) return text;
  }
  return undefined;
}

/** The latest attempt's code answers, run again in the sandbox (full mode: the gate and report re-grade them). */
async function rerunCode(
  last: AttemptRecord | undefined,
  bank: QuizBank | undefined,
): Promise<Map<string, CodeOutcome> | undefined> {
  const code = (bank?.items ?? []).filter((i) => i.answer_type === 'code');
  const answers = (last?.answers ?? []).filter((a) => typeof a.answer === 'string' && code.some((i) => i.id === a.id));
  if (answers.length === 0) return undefined;
  const { runCode } = await import('./code-runner.js');
  const out = new Map<string, CodeOutcome>();
  for (const a of answers) out.set(a.id, await runCode(a.answer as string, code.find((i) => i.id === a.id)?.stdin));
  return out;
}

export async function buildContext(
  ws: Workspace,
  learner: string,
  phase: Phase,
  opts: ContextOptions,
): Promise<IoContext> {
  const startedMs = Date.now();
  // git works on the other core while this reads and verifies the recorded state and the checks read the
  // tree: the snapshot is awaited only where a git fact is first asked (issue 20: a checkpoint sat idle
  // through `git status` -uall over 5,000 files). A failed snapshot still fails the run: the gate asks
  // headSha at the end, and a command waits for it before it starts.
  const snapP = opts.snapshot ?? git.snapshot(ws.root);
  snapP.catch(() => undefined); // a failure surfaces at the await below, not as an unhandled rejection
  const vars = {
    learner,
    docs: join(ws.config.docs ?? 'docs', docsDir(phase).replace(/^docs\//, '')),
    nn: nn(phase.id),
  };
  const checkpoint = 'checkpoint' in opts ? opts.checkpoint : readCheckpoint(ws, learner, phase.id);
  const attemptsRel = attemptsFile(learner, phase.id);
  const attemptsText =
    readRegularText(ws.abs(attemptsRel), { display: attemptsRel, cap: CAPS.log, root: ws.root, optional: true }) ?? '';
  // started before the chain is verified, beside git's snapshot: git lists the log's versions meanwhile;
  // the answer counts only for a tracked log, as before
  const ids = prefixIds(attemptsText); // the blob ids both memos prove the log by, each size hashed once
  const appendOnly =
    attemptsText === ''
      ? Promise.resolve([])
      : Promise.all([
          snapP,
          appendOnlyProblems(ws.root, attemptsRel, attemptsText, 'the attempt log', opts.memo === true, ids),
        ]).then(([s, problems]) => (s.tracked.has(attemptsRel) ? problems : []));
  appendOnly.catch(() => undefined); // awaited below, where a failure is thrown as before
  const bank = await loadQuizBank(ws, phase);
  const trusted = opts.memo === true && attemptsText !== '' ? trustedLines(ws.root, attemptsRel, ids) : 0;
  const chain = verifyChain(attemptsText, attemptsRel, trusted);
  if (opts.memo === true && chain.problems.length === 0 && (chain.notes ?? []).length === 0)
    rememberChain(ws.root, attemptsRel, ids, chain.records.length, trusted);
  const { runCommand } = await import('./run-command.js');
  const have = capabilities();
  chain.problems.push(...(await appendOnly));
  const anchor = checkpoint?.quiz?.log_sha256;
  {
    const a = anchorCheck(attemptsText, anchor, attemptsRel);
    chain.problems.push(...a.problems);
    (chain.notes ??= []).push(...a.notes);
  }
  const gradesRel = gradesFile(learner, phase.id);
  const gradesText =
    readRegularText(ws.abs(gradesRel), { display: gradesRel, cap: CAPS.log, root: ws.root, optional: true }) ?? '';
  const grades = parseGrades(gradesText, gradesRel);
  // the grade log is append-only across history like the attempt log: a committed grade rewritten fails
  if (gradesText !== '' && (await snapP).tracked.has(gradesRel))
    grades.problems.push(
      ...(await appendOnlyProblems(ws.root, gradesRel, gradesText, 'the grade log', opts.memo === true)),
    );
  const banks = await banksFor(
    ws,
    phase.quiz.file,
    bank,
    chain.records.map((r) => r.bank_sha256),
  );
  const codeRuns = opts.mode === 'full' ? await rerunCode(chain.records.at(-1), bank) : undefined;
  const approvedPlan = await approvedPlanText(
    ws,
    layoutOf(ws, learner).reroot(planFileName(phase.id)),
    checkpoint?.plan_sha256,
  );
  const cache = new Map<string, Promise<CommandOutcome>>();
  // real paths a listing proved (narrowedGlob); forgotten whenever a command starts or ends, since a
  // recipe may move or replace the files it lists
  const known = new Map<string, Known>();
  // opened at the first document asked for: a check answered from its memo reads none
  let docCache: DocCache | undefined;
  const docs = (): DocCache | undefined =>
    opts.memo ? (docCache ??= openDocCache(ws.root, `${learner}/${nn(phase.id)}`, startedMs)) : undefined;
  const read = (given: string): string | undefined => {
    const rel = reroot(given);
    const real = known.get(rel)?.real;
    return readRegularText(ws.abs(rel), {
      display: rel,
      cap: CAPS.learner,
      root: ws.root,
      optional: true,
      ...(real !== undefined ? { real } : {}),
    });
  };
  let started = 0;
  const limit = bounded(opts.jobs ?? availableParallelism());
  // every path a check names goes through the learner's layout (a no-op in a single-learner workspace)
  const { reroot } = layoutOf(ws, learner);
  return {
    flush: () => docCache?.flush(),
    phase,
    learner,
    mode: opts.mode,
    expand: (p) => reroot(expandPath(p, vars)),
    fs: {
      info: (given) => {
        const rel = reroot(given);
        // a dangling, looping or outward symlink is refused (InputError, exit 2), never "missing":
        // a manifest that is a dangling link must not make its check quietly count 0 files
        const real = known.get(rel)?.real ?? realInside(ws.root, ws.abs(rel), rel);
        if (real === undefined) return { exists: false, isFile: false, size: 0 };
        try {
          const s = statSync(real);
          return { exists: true, isFile: s.isFile(), size: s.size };
        } catch {
          return { exists: false, isFile: false, size: 0 };
        }
      },
      read,
      json: (given) => {
        const rel = reroot(given);
        const stamp = opts.memo ? known.get(rel)?.stamp : undefined;
        const hit = stamp && docs()?.get(rel, stamp);
        if (hit !== undefined) return hit;
        const text = read(rel);
        if (text === undefined) return undefined;
        const doc = parseJsonText(text, rel);
        if (stamp) docs()?.put(rel, stamp, doc);
        return doc;
      },
      ...(opts.memo
        ? { memo: openCheckMemo(ws.root, `${learner}/${nn(phase.id)}`, startedMs, (p) => known.get(reroot(p))?.stamp) }
        : {}),
      glob: (pattern) => {
        const patterns = (Array.isArray(pattern) ? pattern : [pattern]).map(reroot);
        const run = (p: string[], cwd: string): string[] =>
          globSync(p, {
            cwd,
            onlyFiles: true,
            dot: true,
            followSymbolicLinks: false,
            ignore: ['.git/**', '.lynx/**', 'node_modules/**'],
          });
        const found =
          narrowedGlob(ws.root, patterns, run, known) ?? dirGlob(ws.root, patterns) ?? run(patterns, ws.root).sort();
        // a glob through a symlinked directory out of the workspace (`plots -> /etc`) is refused, naming
        // the match (exit 2), never counted or printed as the learner's files
        for (const p of found) if (!known.has(p)) realInside(ws.root, ws.abs(p), p);
        return found;
      },
    },
    git: {
      committed: async (rel) => git.committedIn(await snapP, reroot(rel)),
      headSha: async () => (await snapP).head,
      inHistory: async (sha) => git.inHistoryOf(await snapP, sha),
      whyNotInHistory: (sha) => whyNotInHistory(ws.root, sha), // issue 13: history shapes
      dirty: async () => (await snapP).dirty,
      firstCommit: (rel) => git.firstCommit(ws.root, reroot(rel)),
      isAncestor: (a, b) => git.isAncestor(ws.root, a, b),
      tracked: async () => (await snapP).tracked,
      facts: async () => {
        const s = await snapP;
        const h = await s.history();
        return {
          committed: (rel) => git.committedIn(s, reroot(rel)),
          inHistory: (sha) => git.historyHas(h, sha),
          revision: `${s.head ?? ''}:${h.all.size}`,
        };
      },
    },
    // Identical commands within one gate run execute once (several DoD items may share a harness).
    run: (spec: CommandSpec) => {
      const key = JSON.stringify([spec.just, spec.args, spec.argv, spec.env]);
      let p = cache.get(key);
      if (!p) {
        const id = ++started;
        p = limit(async () => {
          if (opts.stopped?.())
            return { exitCode: null, timedOut: false, interrupted: true, durationMs: 0, output: '' };
          await snapP;
          known.clear();
          const r = await runCommand(
            ws,
            spec,
            phase.id,
            opts.progress ? (chunk) => opts.progress?.output(id, chunk) : undefined,
            opts.logRoot,
            (log) => opts.progress?.start(id, spec.label, log),
          );
          known.clear();
          opts.progress?.end(id, spec.label, r);
          return r;
        });
        cache.set(key, p);
      }
      return p;
    },
    has: (need) => have.has(need),
    state: {
      checkpoint,
      attempts: chain,
      bank,
      bankSha256: bank ? bankSha256(bank) : undefined,
      breakJournals: openBreakJournals(ws.root).filter((j) => j.includes(`/${nn(phase.id)}-`)),
      grades: { records: grades.records.map((g) => g.rec), problems: grades.problems },
      banks,
      ...(codeRuns ? { codeRuns } : {}),
      ...(approvedPlan !== undefined ? { approvedPlan } : {}),
    },
  };
}
