/**
 * The curriculum lynx runs against: the bundled one (validated and compiled to JSON at build
 * time, dist/data/) or a workspace's own copies named in lynx.yaml (parsed and validated now).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../core/hash.js';
import { EnvError, InputError, UsageError } from '../core/errors.js';
import { nn } from '../core/ids.js';
import { summarize, type PhaseSummary } from '../core/curriculum.js';
import type { Phase, QuizBank } from '../schemas/generated/types.js';
import { packageRoot } from './pkg.js';
import type { Workspace } from './workspace.js';

export const dataDir = (): string => join(packageRoot(), 'dist', 'data');

function readBundled<T>(rel: string): T {
  const file = join(dataDir(), rel);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (err) {
    throw new EnvError(`bundled curriculum missing or unreadable: ${file}`, {
      cause: err,
      hint: 'Run `npm run build` in the lynx checkout.',
    });
  }
}

interface Override {
  phases: Phase[];
  quizzes: Map<string, QuizBank>;
  summaries: PhaseSummary[];
}
const overrides = new Map<string, Override>();

/** A workspace's own curriculum/quizzes (lynx.yaml `curriculum:` / `quizzes:`), validated with positions. */
async function loadOverride(ws: Workspace): Promise<Override | undefined> {
  const { curriculum, quizzes } = ws.config;
  if (!curriculum && !quizzes) return undefined;
  const cached = overrides.get(ws.root);
  if (cached) return cached;
  const { loadDataSet, problemLine } = await import('./data-files.js');
  const cDir = curriculum ? ws.abs(curriculum) : join(packageRoot(), 'curriculum');
  const qDir = quizzes ? ws.abs(quizzes) : join(packageRoot(), 'quizzes');
  const data = await loadDataSet(cDir, qDir, curriculum || quizzes ? ws.root : packageRoot());
  if (data.problems.length > 0) {
    const lines = data.problems.map(problemLine);
    throw new InputError(lines[0] ?? 'invalid curriculum', {
      details: lines.slice(1),
      hint: 'Run `lynx validate` to see every problem.',
    });
  }
  const hash = (o: unknown): string => sha256Hex(JSON.stringify(o));
  const o: Override = {
    phases: data.phases.map((p) => p.phase),
    quizzes: new Map(data.quizzes.map((q) => [q.name, q.bank])),
    summaries: data.phases.map((p) => summarize(p.phase, hash(p.phase))),
  };
  overrides.set(ws.root, o);
  return o;
}

let bundledIndex: PhaseSummary[] | undefined;

export async function phaseIndex(ws?: Workspace): Promise<PhaseSummary[]> {
  const o = ws ? await loadOverride(ws) : undefined;
  // read once per run: gate --all asks for the index once per phase (43 parses of the same file)
  return o ? o.summaries : (bundledIndex ??= readBundled<PhaseSummary[]>('index.json'));
}

export async function loadPhase(ws: Workspace | undefined, id: number): Promise<Phase> {
  const o = ws ? await loadOverride(ws) : undefined;
  if (o) {
    const p = o.phases.find((x) => x.id === id);
    if (!p)
      throw new UsageError(
        `phase ${nn(id)} is not in this workspace's curriculum (${ws?.config.curriculum ?? 'bundled'})`,
      );
    return p;
  }
  const file = join(dataDir(), 'phases', `phase-${nn(id)}.json`);
  if (!existsSync(file)) throw new UsageError(`phase ${nn(id)} is not in the bundled curriculum`);
  return readBundled<Phase>(join('phases', `phase-${nn(id)}.json`));
}

/** The bundled phase, whatever the workspace overrides (a curriculum override is judged against it); undefined when it
 * has no such phase. */
export function bundledPhase(id: number): Phase | undefined {
  return existsSync(join(dataDir(), 'phases', `phase-${nn(id)}.json`))
    ? readBundled<Phase>(join('phases', `phase-${nn(id)}.json`))
    : undefined;
}

export async function loadQuizBank(ws: Workspace | undefined, phase: Phase): Promise<QuizBank | undefined> {
  const name = phase.quiz.file;
  if (!name) return undefined;
  const o = ws ? await loadOverride(ws) : undefined;
  if (o) return o.quizzes.get(name);
  return readBundled<QuizBank>(join('quizzes', name.replace(/\.ya?ml$/, '.json')));
}
