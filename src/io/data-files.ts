/**
 * Load and validate curriculum data from YAML (run time for a workspace's own copies,
 * build time for the bundled ones). Every problem names file:line:col and the field.
 */
import { readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Phase, QuizBank } from '../schemas/generated/types.js';
import { validatePhase } from '../schemas/generated/phase.validator.js';
import { validateQuiz } from '../schemas/generated/quiz.validator.js';
import type { ValidateFn } from '../schemas/validate-fn.js';
import { schemaProblems } from '../core/schema-errors.js';
import { phaseRules, quizRules, type PhaseEntry, type QuizEntry } from '../core/curriculum-rules.js';
import type { SelfTest } from '../core/checks/selftest.js';
import { InputError, formatPos } from '../core/errors.js';
import { loadYamlFile, type Loaded } from './yaml.js';

export interface DataProblem {
  file: string;
  line?: number;
  col?: number;
  path: string;
  message: string;
}
export interface DataSet {
  phases: PhaseEntry[];
  quizzes: QuizEntry[];
  problems: DataProblem[];
}

export function problemLine(p: DataProblem): string {
  return (
    `${formatPos({ file: p.file, ...(p.line !== undefined ? { line: p.line } : {}), ...(p.col !== undefined ? { col: p.col } : {}) })}` +
    ` ${p.path}: ${p.message}`
  );
}

async function loadValidated<T>(
  abs: string,
  display: string,
  validate: ValidateFn,
  problems: DataProblem[],
): Promise<{ data: T; loaded: Loaded } | undefined> {
  let loaded: Loaded;
  try {
    loaded = await loadYamlFile(abs, display);
  } catch (e) {
    if (e instanceof InputError) {
      problems.push({
        file: display,
        ...(e.pos?.line !== undefined ? { line: e.pos.line, col: e.pos.col ?? 1 } : {}),
        path: '(file)',
        message: e.message.replace(/^\S+:\d+:\d+ /, ''),
      });
      return undefined;
    }
    throw e;
  }
  if (!validate(loaded.data)) {
    for (const p of schemaProblems(validate.errors ?? [], loaded.data, loaded.locate))
      problems.push({
        file: display,
        ...(p.line !== undefined ? { line: p.line, col: p.col ?? 1 } : {}),
        path: p.path,
        message: p.message,
      });
    return undefined;
  }
  return { data: loaded.data as T, loaded };
}

/** Load every phase-NN-<slug>/phase.yaml under curriculumDir and every *.yaml under quizDir. */
/**
 * `checks`: also run the checks self-test (core/checks/selftest.ts) — every DoD check must pass its
 * generated satisfying workspace and fail its violating one. The build and `validate --checks` ask for it.
 */
export async function loadDataSet(
  curriculumDir: string,
  quizDir: string,
  displayRoot: string,
  opts: { checks?: boolean } = {},
): Promise<DataSet & { selfTest?: SelfTest }> {
  const problems: DataProblem[] = [];
  const phases: PhaseEntry[] = [];
  const quizzes: QuizEntry[] = [];
  const locators = new Map<string, Loaded>();
  const show = (abs: string): string => relative(displayRoot, abs) || abs;
  if (existsSync(quizDir)) {
    for (const name of readdirSync(quizDir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()) {
      const abs = join(quizDir, name);
      const r = await loadValidated<QuizBank>(abs, show(abs), validateQuiz, problems);
      if (r) {
        quizzes.push({ file: show(abs), name, bank: r.data });
        locators.set(show(abs), r.loaded);
      }
    }
  } else problems.push({ file: show(quizDir), path: '(dir)', message: 'quiz directory not found' });
  if (existsSync(curriculumDir)) {
    for (const dir of readdirSync(curriculumDir)
      .filter((d) => /^phase-\d{2}-/.test(d))
      .sort()) {
      const absDir = join(curriculumDir, dir);
      if (!statSync(absDir).isDirectory()) continue;
      const abs = join(absDir, 'phase.yaml');
      if (!existsSync(abs)) {
        problems.push({ file: show(absDir), path: '(dir)', message: 'phase.yaml missing' });
        continue;
      }
      const r = await loadValidated<Phase>(abs, show(abs), validatePhase, problems);
      if (r) {
        phases.push({ file: show(abs), dir, phase: r.data });
        locators.set(show(abs), r.loaded);
      }
    }
  } else problems.push({ file: show(curriculumDir), path: '(dir)', message: 'curriculum directory not found' });
  const rules = [...phaseRules(phases, quizzes), ...quizRules(quizzes)];
  // the self-test needs valid data; on broken data the rules' problems come first
  const selfTest =
    opts.checks && rules.length === 0 && problems.length === 0
      ? await (await import('../core/checks/selftest.js')).selfTest(phases)
      : undefined;
  for (const rp of [...rules, ...(selfTest?.problems ?? [])]) {
    const pos = locators.get(rp.file)?.locate(rp.pointer);
    const path =
      rp.pointer
        .split('/')
        .slice(1)
        .reduce((a, s) => (/^\d+$/.test(s) ? `${a}[${s}]` : a ? `${a}.${s}` : s), '') || '(root)';
    problems.push({ file: rp.file, ...(pos ? { line: pos.line, col: pos.col } : {}), path, message: rp.message });
  }
  phases.sort((a, b) => a.phase.id - b.phase.id);
  return { phases, quizzes, problems, ...(selfTest ? { selfTest } : {}) };
}
