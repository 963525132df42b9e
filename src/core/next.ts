/**
 * "What now?" — the one next action for a learner, with the command to run, and the few after it.
 * Pure: the use case gathers the facts (checkpoints, labs, quiz cooldown, break state, reviews due,
 * open questions, a dirty tree) and this decides. The order encodes the curriculum's ritual
 * (plan → approve → build → teach → run → report → reflect) plus two things that cannot wait:
 * a break left applied (the tree is broken until it is restored) and today's review cards (spaced
 * repetition only works when the due cards are done the day they are due).
 */
import { nn } from './ids.js';

export type NextKind =
  | 'break-restore'
  | 'break-diagnose'
  | 'break-start'
  | 'break-predict'
  | 'reviews'
  | 'approve'
  | 'open-questions'
  | 'lab'
  | 'quiz'
  | 'quiz-cooldown'
  | 'commit'
  | 'checkpoint'
  | 'report'
  | 'reflect'
  | 'phase-start'
  | 'blocked'
  | 'finished';

export interface NextAction {
  kind: NextKind;
  /** The command to run, exactly as a user would type it (without the `lynx` prefix resolved). */
  command: string | null;
  /** Why this is next, in a sentence a learner reads. */
  why: string;
  phase: number | null;
}

export interface NextPhase {
  id: number;
  title: string;
  requires: readonly number[];
  status: 'not_started' | 'planned' | 'in_progress' | 'done' | 'attested' | 'invalid';
  /** Labs in curriculum order with the outcome of their last run (null = never run). */
  labs: readonly { id: string; title: string; last: 'passed' | 'failed' | 'timed_out' | 'interrupted' | null }[];
  hasQuiz: boolean;
  quizPassed: boolean;
  /** ISO time before which no retake is allowed, when a cooldown runs. */
  cooldownUntil: string | null;
  hasBreak: boolean;
  /** The recorded break state, or 'none' when the exercise has not begun. */
  breakState: 'none' | 'predicted' | 'active' | 'diagnosed' | 'restored';
  /** Predictions for the break written and committed (lynx break NN start refuses until they are). */
  predictionsCommitted: boolean;
  openQuestions: number;
  reflectionsWritten: boolean;
}

export interface NextInput {
  learner: string;
  /** Prefix for printed commands: `lynx`, or `npx lynx` when lynx is not on PATH. */
  bin: string;
  /** `--learner NAME` when the learner must be named (several learners, none configured). */
  learnerFlag: string;
  now: Date;
  phases: readonly NextPhase[];
  reviewsDue: number;
  /** Paths git reports as modified or untracked (the gate needs a committed tree). */
  dirty: readonly string[];
}

/** `lynx next --json`: the learner and the actions, first = the one to do now. */
export interface NextReport {
  schema_version: 1;
  learner: string;
  actions: NextAction[];
}

const closed = (s: NextPhase['status']): boolean => s === 'done' || s === 'attested';

export function nextActions(input: NextInput, max = 4): NextAction[] {
  const cmd = (args: string): string => `${input.bin}${input.learnerFlag ? ` ${input.learnerFlag}` : ''} ${args}`;
  const out: NextAction[] = [];
  const push = (a: NextAction): void => {
    if (!out.some((o) => o.kind === a.kind && o.phase === a.phase)) out.push(a);
  };

  // A break left applied breaks the learner's tree for everything else: first, always.
  for (const p of input.phases) {
    if (p.breakState === 'active')
      push({
        kind: 'break-diagnose',
        phase: p.id,
        command: cmd(`break ${nn(p.id)} diagnose "…what you think the cause is…"`),
        why: `the break of phase ${nn(p.id)} is applied: observe the symptom, then name its cause`,
      });
    if (p.breakState === 'diagnosed')
      push({
        kind: 'break-restore',
        phase: p.id,
        command: cmd(`break ${nn(p.id)} restore`),
        why: `the break of phase ${nn(p.id)} is diagnosed and still applied: restore the original code`,
      });
  }
  if (input.reviewsDue > 0)
    push({ kind: 'reviews', phase: null, command: cmd('review'), why: `${input.reviewsDue} review card(s) due today` });

  const current =
    input.phases.find((p) => p.status === 'in_progress') ?? input.phases.find((p) => p.status === 'planned');
  if (current) phaseActions(current, input, cmd, push);
  else {
    const lastClosed = [...input.phases].reverse().find((p) => closed(p.status));
    if (lastClosed && !lastClosed.reflectionsWritten)
      push({
        kind: 'reflect',
        phase: lastClosed.id,
        command: null,
        why:
          `phase ${nn(lastClosed.id)} is closed: write its reflections (learners/${input.learner}/phase-` +
          `${nn(lastClosed.id)}/reflections.md) and commit them`,
      });
    const open = input.phases.find(
      (p) =>
        !closed(p.status) &&
        p.requires.every((r) => closed(input.phases.find((q) => q.id === r)?.status ?? 'not_started')),
    );
    if (open) {
      if (input.dirty.length > 0)
        push({
          kind: 'commit',
          phase: open.id,
          command: 'git add -A && git commit',
          why: `phase-start needs a committed tree (${input.dirty.length} uncommitted path(s))`,
        });
      push({
        kind: 'phase-start',
        phase: open.id,
        command: cmd(`phase-start ${nn(open.id)}`),
        why: `phase ${nn(open.id)} (${open.title}) is the next one whose prerequisites are closed`,
      });
    } else if (input.phases.every((p) => closed(p.status))) {
      push({ kind: 'finished', phase: null, command: null, why: 'every phase is closed — the curriculum is done' });
    } else {
      const blocked = input.phases.find((p) => !closed(p.status));
      if (blocked)
        push({
          kind: 'blocked',
          phase: blocked.id,
          command: cmd(`status ${nn(blocked.id)}`),
          why: `phase ${nn(blocked.id)} waits for ${blocked.requires
            .filter((r) => !closed(input.phases.find((q) => q.id === r)?.status ?? 'not_started'))
            .map(nn)
            .join(', ')}`,
        });
    }
  }
  return out.slice(0, max);
}

function phaseActions(p: NextPhase, input: NextInput, cmd: (a: string) => string, push: (a: NextAction) => void): void {
  const id = nn(p.id);
  if (p.status === 'planned') {
    push({
      kind: 'approve',
      phase: p.id,
      command: cmd(`phase-start ${id} --approve`),
      why: `read PHASE_${id}_PLAN.md, edit it until you agree with it, then approve it to open the phase`,
    });
    return;
  }
  if (p.openQuestions > 0)
    push({
      kind: 'open-questions',
      phase: p.id,
      command: cmd(`checkpoint ${id}`),
      why: `${p.openQuestions} open question(s) in the plan's §7: resolve them before building on them`,
    });
  const lab = p.labs.find((l) => l.last !== 'passed');
  if (lab)
    push({
      kind: 'lab',
      phase: p.id,
      command: cmd(`lab ${id} ${lab.id} --run`),
      why:
        lab.last === null
          ? `lab ${lab.id} (${lab.title}) has not been run yet`
          : `lab ${lab.id} (${lab.title}) last ${lab.last.replace('_', ' ')}`,
    });
  if (p.hasQuiz && !p.quizPassed) {
    const wait = p.cooldownUntil !== null && Date.parse(p.cooldownUntil) > input.now.getTime();
    if (wait)
      push({
        kind: 'quiz-cooldown',
        phase: p.id,
        command: cmd(`quiz ${id}`),
        why:
          `the quiz can be retaken after ${p.cooldownUntil?.slice(11, 16) ?? ''} UTC; revisit the theory pages ` +
          `meanwhile`,
      });
    else
      push({ kind: 'quiz', phase: p.id, command: cmd(`quiz ${id}`), why: `the quiz of phase ${id} is not passed yet` });
  }
  if (p.hasBreak && p.breakState !== 'restored') {
    if (p.breakState === 'none' && !p.predictionsCommitted)
      push({
        kind: 'break-predict',
        phase: p.id,
        command: cmd(`break ${id}`),
        why: 'write your predictions for the break exercise and commit them',
      });
    else if (p.breakState === 'none' || p.breakState === 'predicted')
      push({
        kind: 'break-start',
        phase: p.id,
        command: cmd(`break ${id} start`),
        why: 'your predictions are committed: inject the bug and observe',
      });
  }
  const ready =
    !p.labs.some((l) => l.last !== 'passed') &&
    (!p.hasQuiz || p.quizPassed) &&
    (!p.hasBreak || p.breakState === 'restored') &&
    p.openQuestions === 0;
  if (input.dirty.length > 0)
    push({
      kind: 'commit',
      phase: p.id,
      command: 'git add -A && git commit',
      why: `${input.dirty.length} uncommitted path(s): the checkpoint and the report read committed work`,
    });
  if (ready) {
    push({
      kind: 'checkpoint',
      phase: p.id,
      command: cmd(`checkpoint ${id} --run`),
      why: 'labs, quiz and break are done: check every DoD item, commands included',
    });
    push({
      kind: 'report',
      phase: p.id,
      command: cmd(`report ${id}`),
      why: 'close the phase when the checkpoint is green',
    });
  } else
    push({
      kind: 'checkpoint',
      phase: p.id,
      command: cmd(`checkpoint ${id}`),
      why: 'see every DoD item of the phase and where it stands',
    });
}
