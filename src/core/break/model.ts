/**
 * The break command's vocabulary: steps, argument parsing (`lynx break NN [ID] <step> [TEXT]`),
 * choosing the phase's break, and deciding which files a `start` touches and how (pure).
 */
import type { Checkpoint, Phase } from '../../schemas/generated/types.js';
import { UsageError } from '../errors.js';
import { nn, parsePhase } from '../ids.js';
import type { Break } from './predictions.js';

export const STEPS = ['start', 'confirm', 'observe', 'hint', 'diagnose', 'reveal', 'restore', 'status'] as const;
export type Step = (typeof STEPS)[number] | 'show';
export type BreakState = NonNullable<Checkpoint['break']>;

export interface BreakArgs {
  phase: number | undefined;
  id: string | undefined;
  step: Step;
  text: string | undefined;
}

const isStep = (s: string | undefined): s is (typeof STEPS)[number] =>
  s !== undefined && (STEPS as readonly string[]).includes(s);

/** `NN [ID] [step] [TEXT…]`; `status` alone lists every active break. */
export function parseBreakArgs(args: readonly string[]): BreakArgs {
  const [first, ...rest] = args;
  if (first === undefined)
    throw new UsageError('which phase? e.g. `lynx break 00`', {
      hint: `Steps: ${STEPS.join(', ')} (none = show the break). \`lynx break status\` lists active breaks.`,
    });
  if (first === 'status' && rest.length === 0)
    return { phase: undefined, id: undefined, step: 'status', text: undefined };
  const phase = parsePhase(first);
  let id: string | undefined;
  let i = 0;
  if (rest[0] !== undefined && !isStep(rest[0])) {
    id = rest[0];
    i = 1;
  }
  const stepArg = rest[i];
  const step: Step =
    stepArg === undefined
      ? 'show'
      : isStep(stepArg)
        ? stepArg
        : (() => {
            throw new UsageError(`unknown break step "${stepArg}" — expected one of ${STEPS.join(', ')}`);
          })();
  const tail = rest.slice(i + 1);
  if (tail.length > 0 && step !== 'diagnose')
    throw new UsageError(`\`lynx break ${nn(phase)} ${step}\` takes no further arguments — found "${tail.join(' ')}"`);
  return { phase, id, step, text: tail.length > 0 ? tail.join(' ') : undefined };
}

export function pickBreak(phase: Phase, id: string | undefined): Break {
  if (phase.breaks.length === 0) throw new UsageError(`phase ${nn(phase.id)} has no break exercise`);
  if (id === undefined) {
    if (phase.breaks.length === 1) return phase.breaks[0] as Break;
    throw new UsageError(
      `phase ${nn(phase.id)} has ${phase.breaks.length} breaks — name one: ${phase.breaks.map((b) => b.id).join(', ')}`,
    );
  }
  const b = phase.breaks.find((x) => x.id === id || x.bug_id === id);
  if (!b)
    throw new UsageError(
      `unknown step or break "${id}" for phase ${nn(phase.id)} — its break is ` +
        `${phase.breaks.map((x) => x.id).join(', ')}; steps: ${STEPS.join(', ')}`,
    );
  return b;
}

export type PathKind = 'file' | 'dir' | 'symlink' | 'missing';

export interface TargetPlan {
  /** edit: lynx writes the mutant · manual: lynx journals, the learner edits · guided: nothing found to journal yet,
   * the learner edits then confirms. */
  mode: 'edit' | 'manual' | 'guided';
  /** Why manual or guided (prose-only edit, --manual, diagnostic, --file on a multi-target break, no target found). */
  why?: string;
  files: { path: string; alternatives: string[]; edits: { find: string; replace: string }[]; descriptions: string[] }[];
  /** Targets named by the break that this workspace does not have (reported, not touched). */
  absent: string[];
}

/**
 * Which files `start` journals, and whether lynx applies the edit or the learner makes it.
 * `files` (from --file) stand in for the break's own target paths. With `search`, an exact-edit
 * break keeps every target (the caller looks for the learner's equivalent), and a break with
 * nothing to journal becomes guided instead of a refusal.
 */
export function planTargets(
  phaseId: number,
  b: Break,
  expand: (p: string) => string,
  kindOf: (rel: string) => PathKind,
  opts: { manual?: boolean; files?: readonly string[]; search?: boolean },
): TargetPlan {
  const diagnostic = b.kind === 'diagnostic';
  const own = new Map<string, TargetPlan['files'][number]>();
  for (const t of b.targets) {
    const path = expand(t.path);
    const f = own.get(path) ?? { path, alternatives: (t.alternatives ?? []).map(expand), edits: [], descriptions: [] };
    if (t.edit) f.edits.push(t.edit);
    if (t.description) f.descriptions.push(t.description);
    own.set(path, f);
  }
  let files = [...own.values()];
  let why: string | undefined;
  if (opts.files && opts.files.length > 0) {
    const single = files.length === 1 && opts.files.length === 1 ? files[0] : undefined;
    files = opts.files.map((p) => ({
      path: p,
      alternatives: [],
      edits: single ? single.edits : [],
      descriptions: single ? single.descriptions : files.flatMap((f) => f.descriptions),
    }));
    if (!single) why = '--file on a break with several targets: make the edits by hand';
  }
  for (const f of files) {
    const k = kindOf(f.path);
    if (k === 'dir')
      throw new UsageError(`the break's target ${f.path} is a directory — lynx journals files`, {
        hint: `Name the file you will edit: \`lynx break ${nn(phaseId)} start --file <path>\`.`,
      });
    if (k === 'symlink')
      throw new UsageError(`the break's target ${f.path} is a symbolic link — lynx will not replace a link`, {
        hint: 'Point the break at the real file with --file <path>.',
      });
  }
  // A target is present at its path or, failing that, at its first alternative that exists.
  const at = (f: TargetPlan['files'][number]): string | undefined =>
    [f.path, ...f.alternatives].find((p) => kindOf(p) === 'file');
  const absent = files.filter((f) => at(f) === undefined).map((f) => f.path);
  const present = files.flatMap((f) => {
    const p = at(f);
    return p === undefined ? [] : [{ ...f, path: p, alternatives: [f.path, ...f.alternatives].filter((x) => x !== p) }];
  });
  if (!why) {
    if (opts.manual) why = '--manual: you make the edit by hand';
    else if (diagnostic) why = 'a diagnostic break: you follow the described steps';
    else if (files.some((f) => f.edits.length === 0))
      why = 'the break is described in prose, not as an exact edit: you make it by hand';
  }
  const exact = !why && files.every((f) => f.edits.length > 0);
  if (opts.search && exact && !opts.files?.length) return { mode: 'edit', files, absent };
  if (present.length === 0 && !diagnostic) {
    if (opts.search)
      return {
        mode: 'guided',
        why: `${why ?? 'the edit'}; none of the break's target files is in this workspace (${absent.join(', ')})`,
        files,
        absent,
      };
    throw new UsageError(`none of the break's target files is in this workspace: ${absent.join(', ')}`, {
      hint:
        'Your code may live elsewhere: pass the file to break with --file <path> (the edit is tried there; ' +
        '--manual to edit it by hand).',
    });
  }
  return { mode: why ? 'manual' : 'edit', ...(why ? { why } : {}), files: present, absent };
}
