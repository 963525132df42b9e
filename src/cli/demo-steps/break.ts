/**
 * Demo steps of the break area: phase 00's real break (PYTHONHASHSEED removed from
 * seed_everything) end to end — predictions written and committed, start (the tests go red),
 * a hint, a diagnosis, restore (the tests go green) — leaving the tree clean and committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as git from '../../io/git.js';
import type { StepResult } from '../../core/break/results.js';
import type { DemoEnv, DemoStepDef } from './types.js';

const PREDICTION = `Unit tests that seed random stay green, but anything that relies on PYTHONHASHSEED reaching a child
process changes: a fresh interpreter gets a random hash seed, so set iteration order differs between runs.
I expect the seeding test that checks the variable for child processes to fail.`;

const DIAGNOSIS =
  'PYTHONHASHSEED is no longer set in os.environ by seed_everything, and setting it inside the process is too ' +
  'late anyway: the hash randomizer is initialized when the interpreter starts, so only the launcher (just) can ' +
  'fix hash order.';

const session = (env: DemoEnv): { cwd: string; learner: string } => ({ cwd: env.dir, learner: env.learner });

/** The lines of an observe run a person looks at first: the command, its exit code, the failures. */
function symptom(steps: readonly StepResult[]): string[] {
  const out: string[] = [];
  for (const s of steps) {
    if (s.action === 'skip') {
      const line = `skipped: ${s.reason ?? ''}`;
      if (!out.includes(line)) out.push(line);
      continue;
    }
    if (s.action !== 'run') continue;
    if (s.reason) out.push(s.reason);
    out.push(
      `${s.fallback ? 'just test' : (s.text.split('\n')[0] ?? '')} → exit ${String(s.exit_code)} in ` +
        `${((s.duration_ms ?? 0) / 1000).toFixed(1)} s`,
    );
    out.push(
      ...(s.tail ?? '')
        .split('\n')
        .filter((l) => /^(FAIL|ERROR|AssertionError|OK|FAILED)/.test(l.trim()))
        .map((l) => `  ${l.trim()}`),
    );
  }
  return out;
}

export const steps: DemoStepDef[] = [
  {
    title: 'the break: read it, write predictions, commit them before anything runs',
    command: 'lynx break 00 && $EDITOR learners/demo/phase-00/notes/breaks.md && git commit',
    run: async (env) => {
      const { show } = await import('../../app/break/show.js');
      const before = await show(session(env), 0);
      const file = join(env.dir, before.predictions.path);
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          '### What I predict will happen\n\n',
          `### What I predict will happen\n\n${PREDICTION}\n`,
        ),
      );
      await git.addAll(env.dir);
      const sha = await git.commit(env.dir, 'phase-00: break predictions (committed before the break runs)');
      const after = await show(session(env), 0);
      return {
        ok: after.predictions.committed && after.predictions.written.ok,
        output:
          `${before.title}\n${after.predictions.path}: ${after.predictions.written.reason}, committed in ` +
          `${sha.slice(0, 10)}\nstate: ${after.state?.state ?? 'none'}`,
      };
    },
  },
  {
    title: 'start the break: journal first, then the mutant, then observe',
    command: 'lynx break 00 start',
    run: async (env) => {
      const { start } = await import('../../app/break/start.js');
      const r = await start(session(env), 0, undefined);
      const red = r.observations.some((s) => s.action === 'run' && s.exit_code !== 0);
      const where = r.files.map(
        (f) => `${f.path}:${f.matches?.[0]?.line ?? '?'} now holds the mutant (journal ${r.journal})`,
      );
      return { ok: r.mode === 'edit' && red, output: [...where, ...symptom(r.observations)].join('\n') };
    },
  },
  {
    title: 'stuck? one hint (the count goes into the checkpoint)',
    command: 'lynx break 00 hint',
    run: async (env) => {
      const { hint } = await import('../../app/break/hint-diagnose.js');
      const r = await hint(session(env), 0);
      return { ok: r.level === 1, output: `hint ${r.level}/${r.total}: ${r.hint}` };
    },
  },
  {
    title: 'diagnose from the symptoms; lynx compares with the hidden cause, then reveals it',
    command: `lynx break 00 diagnose "${DIAGNOSIS.slice(0, 60)}…"`,
    run: async (env) => {
      const { diagnose } = await import('../../app/break/hint-diagnose.js');
      const r = await diagnose(session(env), 0, undefined, DIAGNOSIS);
      return {
        ok: r.verdict.names_cause,
        output:
          `${r.verdict.names_cause ? 'names the cause' : 'misses the cause'} (${Math.round(r.verdict.score * 100)}` +
          `% of the key terms)\nhidden cause: ` +
          `${r.hidden_cause ?? '(still hidden: a miss offers the next hint; `lynx break 00 reveal` shows it)'}`,
      };
    },
  },
  {
    title: 'restore: the original bytes come back only over the recorded mutant; the tests go green',
    command: 'lynx break 00 restore && git commit',
    run: async (env) => {
      const { restore } = await import('../../app/break/restore.js');
      const r = await restore(session(env), 0, undefined);
      const green = r.tests.length > 0 && r.tests.every((s) => s.action !== 'run' || s.exit_code === 0);
      await git.addAll(env.dir);
      await git.commit(env.dir, 'phase-00: break pythonhashseed done and restored');
      const clean = (await git.dirtyFiles(env.dir)).length === 0;
      return {
        ok: r.ok && r.state === 'restored' && green && clean,
        output: [
          ...r.files.map((f) => `${f.path}: original bytes back (was ${f.found})`),
          `journal closed: ${r.closed ?? '?'}`,
          ...symptom(r.tests),
          `tree clean: ${String(clean)}`,
        ].join('\n'),
      };
    },
  },
];
