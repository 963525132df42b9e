/**
 * A synthetic workspace for the checks self-test: files, which are committed and in what order,
 * stand-in commands, recorded state. It implements the same CheckContext port as src/io, so the
 * real engine judges it; nothing touches the disk (it runs at build time and in `validate --checks`).
 */
import picomatch from 'picomatch';
import type { Checkpoint, Phase } from '../../schemas/generated/types.js';
import type { AttemptRecord } from '../attempts.js';
import type { CheckContext, CommandOutcome, FixtureWorld } from './types.js';
import { docsDir } from '../curriculum.js';
import { expandPath, nn } from '../ids.js';
import { FIXTURE_SHA } from './kinds/manifest.js';

export const FIXTURE_LEARNER = 'ada';

/** The n-th concrete path that a glob matches: braces take their first choice, wildcards a name. */
export function witnessOf(pattern: string, n = 0): string {
  const p = pattern
    .replace(/\{([^{}]*)\}/g, (_m, alts: string) => alts.split(',')[0] ?? '')
    .replace(/\*\*\//g, '')
    .replace(/\[([^\]]*)\]/g, (_m, set: string) =>
      set.startsWith('!') || set.startsWith('^') ? 'z' : (set.replace(/^\\/, '')[0] ?? 'x'),
    )
    .replace(/\?/g, 'x');
  let first = true;
  return p.replace(/\*/g, () => {
    const s = first ? `w${n}` : 'w';
    first = false;
    return s;
  });
}

export class World implements FixtureWorld {
  readonly files = new Map<string, string>();
  readonly committed = new Set<string>();
  readonly order: string[] = [];
  readonly standIns = new Map<string, number>();
  readonly dirtyPaths: string[] = [];
  readonly needs = new Set<string>();
  readonly state: { checkpoint: Checkpoint; attempts: AttemptRecord[]; bankSha256: string | undefined };
  readonly expand: (p: string) => string;

  constructor(
    readonly phase: Phase,
    readonly itemId: string,
  ) {
    this.state = {
      checkpoint: {
        schema_version: 1,
        phase: phase.id,
        learner: FIXTURE_LEARNER,
        status: 'in_progress',
      } as unknown as Checkpoint,
      attempts: [],
      bankSha256: phase.quiz.file ? 'b'.repeat(64) : undefined,
    };
    const vars = { learner: FIXTURE_LEARNER, docs: docsDir(phase), nn: nn(phase.id) };
    this.expand = (p) => expandPath(p, vars);
  }

  write(path: string, text: string, opts: { append?: boolean; commit?: boolean } = {}): void {
    this.files.set(path, opts.append ? (this.files.get(path) ?? '') + text : text);
    if (opts.commit ?? true) {
      this.committed.add(path);
      this.commitOrder(path);
    } else this.committed.delete(path);
  }
  read(path: string): string | undefined {
    return this.files.get(path);
  }
  remove(path: string): void {
    this.files.delete(path);
    this.committed.delete(path);
  }
  witness(pattern: string, n = 0): string {
    return witnessOf(pattern, n);
  }
  commitOrder(path: string): void {
    if (!this.order.includes(path)) this.order.push(path);
  }
  standIn(label: string, exit: number): void {
    this.standIns.set(label, exit);
  }
  dirty(path: string): void {
    this.dirtyPaths.push(path);
  }
  has(need: string): void {
    this.needs.add(need);
  }

  context(): CheckContext {
    const sha = (i: number): string => `c${String(i).padStart(39, '0')}`;
    const run = (label: string): CommandOutcome => {
      const code = this.standIns.get(label);
      return code === undefined
        ? { exitCode: 127, timedOut: false, interrupted: false, durationMs: 0, output: `no stand-in for ${label}` }
        : { exitCode: code, timedOut: false, interrupted: false, durationMs: 0, output: `stand-in exits ${code}` };
    };
    return {
      phase: this.phase,
      learner: FIXTURE_LEARNER,
      mode: 'full',
      expand: this.expand,
      itemId: this.itemId,
      fs: {
        info: (rel) => {
          const t = this.files.get(rel);
          return t === undefined
            ? { exists: false, isFile: false, size: 0 }
            : { exists: true, isFile: true, size: Buffer.byteLength(t) };
        },
        read: (rel) => this.files.get(rel),
        glob: (pattern) => {
          const m = picomatch(pattern, { dot: true });
          return [...this.files.keys()].filter((f) => m(f)).sort();
        },
      },
      git: {
        committed: (rel) => Promise.resolve(this.committed.has(rel)),
        headSha: () => Promise.resolve(FIXTURE_SHA),
        inHistory: (s) => Promise.resolve(s.length >= 7 && FIXTURE_SHA.startsWith(s)),
        whyNotInHistory: (s) => Promise.resolve(`${s.slice(0, 12)} is not a commit of this fixture`),
        dirty: () => Promise.resolve([...this.dirtyPaths]),
        firstCommit: (rel) => {
          const i = this.order.indexOf(rel);
          return Promise.resolve(i < 0 ? undefined : { sha: sha(i), time: i });
        },
        isAncestor: (a, b) => Promise.resolve(Number(a.slice(1)) <= Number(b.slice(1))),
        tracked: () => Promise.resolve(this.committed),
        facts: () =>
          Promise.resolve({
            committed: (rel: string) => this.committed.has(rel),
            inHistory: (s: string) => s.length >= 7 && FIXTURE_SHA.startsWith(s),
          }),
      },
      run: (spec) => Promise.resolve(run(spec.label)),
      has: (need) => this.needs.has(need),
      state: {
        checkpoint: this.state.checkpoint,
        attempts: { records: this.state.attempts, problems: [] },
        bank: undefined,
        bankSha256: this.state.bankSha256,
        breakJournals: [],
      },
    };
  }
}
