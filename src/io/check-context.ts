/**
 * The real CheckContext: the workspace's files, one git snapshot, the learner's recipes run
 * through src/io/proc, and the recorded state (checkpoint, attempt log, break journals).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckContext, CommandOutcome, CommandSpec } from '../core/checks/types.js';
import type { Phase } from '../schemas/generated/types.js';
import { docsDir } from '../core/curriculum.js';
import { expandPath, nn } from '../core/ids.js';
import { verifyChain, bankSha256, attemptsFile, historyProblems, tailSha256 } from '../core/attempts.js';
import * as git from './git.js';
import { whyNotInHistory } from './history.js';
import { readCheckpoint } from './checkpoint.js';
import { loadQuizBank } from './curriculum.js';
import { openBreakJournals } from './notices.js';
import { capabilities } from './tools.js';
import type { Workspace } from './workspace.js';

export interface ContextOptions { mode: 'static' | 'full'; logRoot?: string; onOutput?: (s: string) => void; onCommand?: (label: string, phase: 'start' | 'end', r?: CommandOutcome) => void }


/**
 * A glob for experiments/07-<anything>/<any depth>/manifest.json crawls every experiment directory; with hundreds of
 * them that dominated `lynx checkpoint` (DESIGN §8 budget). When every pattern is
 * `<literal dir>/<simple segment>/<rest>`, list the directory once, keep the entries whose name
 * matches the segment, and glob only inside those.
 */
function narrowedGlob(root: string, patterns: string[], glob: (p: string[], cwd: string) => string[]): string[] | undefined {
  const parts = patterns.map((p) => /^([^*?{}[\]!]+)\/([^/{}[\]!]+)\/(.+)$/.exec(p));
  if (parts.some((m) => !m || !/[*?]/.test(m[2] ?? ''))) return undefined;
  const out = new Set<string>();
  const listings = new Map<string, string[]>();
  for (const m of parts as RegExpExecArray[]) {
    const [, base = '', seg = '', rest = ''] = m;
    let names = listings.get(base);
    if (!names) {
      try { names = readdirSync(join(root, base), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name); } catch { names = []; }
      listings.set(base, names);
    }
    const re = new RegExp(`^${seg.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
    for (const name of names.filter((n) => re.test(n))) for (const f of glob([rest], join(root, base, name))) out.add(`${base}/${name}/${f}`);
  }
  return [...out].sort();
}

export async function buildContext(ws: Workspace, learner: string, phase: Phase, opts: ContextOptions): Promise<CheckContext> {
  const snap = await git.snapshot(ws.root);
  const vars = { learner, docs: join(ws.config.docs ?? 'docs', docsDir(phase).replace(/^docs\//, '')), nn: nn(phase.id) };
  const { globSync } = await import('tinyglobby');
  const checkpoint = readCheckpoint(ws, learner, phase.id);
  const attemptsRel = attemptsFile(learner, phase.id);
  const attemptsText = existsSync(ws.abs(attemptsRel)) ? readFileSync(ws.abs(attemptsRel), 'utf8') : '';
  const bank = await loadQuizBank(ws, phase);
  const chain = verifyChain(attemptsText, attemptsRel);
  if (attemptsText !== '' && snap.tracked.has(attemptsRel)) chain.problems.push(...historyProblems(attemptsText, await git.fileVersions(ws.root, attemptsRel), attemptsRel));
  const anchor = checkpoint?.quiz?.log_sha256;
  if (anchor !== undefined && anchor !== tailSha256(attemptsText)) chain.problems.push(`${attemptsRel}: the last line does not match the checkpoint's quiz.log_sha256 — the log was edited or truncated`);
  const have = capabilities();
  const { runCommand } = await import('./run-command.js');
  const cache = new Map<string, Promise<CommandOutcome>>();
  return {
    phase, learner, mode: opts.mode,
    expand: (p) => expandPath(p, vars),
    fs: {
      info: (rel) => {
        try {
          const s = statSync(ws.abs(rel));
          return { exists: true, isFile: s.isFile(), size: s.size };
        } catch {
          return { exists: false, isFile: false, size: 0 };
        }
      },
      read: (rel) => {
        try { return readFileSync(ws.abs(rel), 'utf8'); } catch { return undefined; }
      },
      glob: (pattern) => {
        const patterns = Array.isArray(pattern) ? pattern : [pattern];
        const run = (p: string[], cwd: string): string[] => globSync(p, { cwd, onlyFiles: true, dot: true, ignore: ['.git/**', '.lynx/**', 'node_modules/**'] });
        return narrowedGlob(ws.root, patterns, run) ?? run(patterns, ws.root).sort();
      },
    },
    git: {
      committed: (rel) => Promise.resolve(git.committedIn(snap, rel)),
      headSha: () => Promise.resolve(snap.head),
      inHistory: (sha) => git.inHistoryOf(snap, sha),
      whyNotInHistory: (sha) => whyNotInHistory(ws.root, sha), // issue 13: history shapes
      dirty: () => Promise.resolve(snap.dirty),
      firstCommit: (rel) => git.firstCommit(ws.root, rel),
      isAncestor: (a, b) => git.isAncestor(ws.root, a, b),
      tracked: () => snap.tracked,
    },
    // Identical commands within one gate run execute once (several DoD items may share a harness).
    run: (spec: CommandSpec) => {
      const key = JSON.stringify([spec.just, spec.args, spec.argv, spec.env]);
      let p = cache.get(key);
      if (!p) {
        opts.onCommand?.(spec.label, 'start');
        p = runCommand(ws, spec, phase.id, opts.onOutput, opts.logRoot).then((r) => { opts.onCommand?.(spec.label, 'end', r); return r; });
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
    },
  };
}
