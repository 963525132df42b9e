/**
 * The tools a phase will run (issue 21, `lynx doctor NN`), derived from the curriculum data, never a hand
 * list: the commands of its `command`-kind DoD checks and of its labs (and their `needs`), and what the
 * Justfile recipes they call run, when lynx can read the recipe bodies. `uv run pytest …` needs uv and
 * pytest inside uv's environment; under a runner from lynx.yaml it needs what the runner runs. Pure.
 */
import type { Phase } from '../schemas/generated/types.js';
import { isRunnable, runLabel } from './lab.js';
import { substitute, type RunnerMap } from './runner.js';

/** path: a program on PATH (or a file, for `scripts/x.sh`) · env: run by `uv run` inside the project's environment ·
 * module: a Python module run with `python3 -m` · capability: a `needs` of the command (gpu, docker …) */
export type ToolKind = 'path' | 'env' | 'module' | 'capability';

export interface Need {
  tool: string;
  kind: ToolKind;
  /** the recipe it was found in (`just test`), when not in the command itself */
  via?: string;
  /** for a module: the interpreter that imports it */
  python?: string;
}

export interface PhaseCommand {
  /** "DoD item 3 `bandit-clean`" or "lab 01" */
  ref: string;
  item?: string;
  lab?: string;
  label: string;
  just?: string;
  args?: string[];
  argv?: string[];
  needs?: string[];
}

export interface Recipe {
  lines: string[];
  deps: string[];
  shebang: boolean;
}

/** What the Justfile has, as `just --dump` gives it; undefined when there is no Justfile. */
export type Recipes = ReadonlyMap<string, Recipe> | undefined;

function commandChecks(node: unknown, out: Record<string, unknown>[]): void {
  if (Array.isArray(node)) for (const x of node) commandChecks(x, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.kind === 'command') out.push(o);
    else for (const v of Object.values(o)) commandChecks(v, out);
  }
}

/** Every command the phase's DoD checks and labs will run, in the curriculum's order. */
export function phaseCommands(phase: Phase): PhaseCommand[] {
  const out: PhaseCommand[] = [];
  phase.dod.forEach((d, i) => {
    const found: Record<string, unknown>[] = [];
    commandChecks(d.check, found);
    for (const c of found) {
      const spec = c as { just?: string; args?: string[]; argv?: string[]; needs?: string[] };
      const label =
        spec.just !== undefined ? ['just', spec.just, ...(spec.args ?? [])].join(' ') : (spec.argv ?? []).join(' ');
      out.push({ ref: `DoD item ${i + 1} \`${d.id}\``, item: d.id, label, ...spec });
    }
  });
  for (const lab of phase.labs)
    for (const c of (lab.commands ?? []).filter(isRunnable))
      out.push({
        ref: `lab ${lab.id}`,
        lab: lab.id,
        // what lynx runs (`uv run pytest …`), not the page's shorthand (`pytest …`)
        label: runLabel(c) ?? c.text,
        ...(c.just !== undefined ? { just: c.just } : {}),
        ...(c.args ? { args: c.args } : {}),
        ...(c.argv ? { argv: c.argv } : {}),
        ...(c.needs ? { needs: c.needs } : {}),
      });
  return out;
}

// Shell words that are no tool of the phase's: builtins, and the utilities every POSIX system has.
const UBIQUITOUS = new Set(
  (
    'cd echo printf test [ [[ true false set export exit if then else elif fi for in do done while until case esac : ' +
    'source . read local return shift trap wait eval unset command type which exec env time mkdir rm rmdir cp mv ' +
    'cat ls touch ln chmod grep sed awk head tail sort uniq find xargs tee date sleep pwd basename dirname wc tr cut ' +
    'diff cmp mktemp stat kill'
  ).split(' '),
);
const UV_OPTS_WITH_VALUE = new Set([
  '--with',
  '--python',
  '-p',
  '--extra',
  '--group',
  '--package',
  '--env-file',
  '--project',
  '--directory',
]);
const PYTHON = /^python(3(\.\d+)?)?$/;
const base = (p: string): string => p.split('/').at(-1) ?? p;

/** What an argv needs (not a `just` call: see recipeNeeds). */
export function argvNeeds(argv: readonly string[]): Need[] {
  const [head, ...rest] = argv;
  if (!head || head.includes('{{') || head.startsWith('$')) return [];
  if (head === 'uv' && rest[0] === 'run') {
    const inner = rest.slice(1);
    let i = 0;
    while (i < inner.length && (inner[i] ?? '').startsWith('-')) i += UV_OPTS_WITH_VALUE.has(inner[i] ?? '') ? 2 : 1;
    const [tool, ...tail] = inner.slice(i);
    const needs: Need[] = [{ tool: 'uv', kind: 'path' }];
    // uv brings its own python; `python -m pytest` still needs pytest in the environment
    if (tool && PYTHON.test(tool)) {
      if (tail[0] === '-m' && tail[1]) needs.push({ tool: tail[1], kind: 'env' });
    } else if (tool) needs.push({ tool, kind: 'env' });
    return needs;
  }
  if ((head === 'bash' || head === 'sh') && rest[0] === '-c' && rest[1] !== undefined)
    return [{ tool: head, kind: 'path' }, ...shellNeeds(rest[1]).filter((n) => n.tool !== 'just')];
  if (head === 'timeout' || head === 'sudo' || head === 'nice') {
    const skip = head === 'timeout' ? rest.findIndex((w) => !w.startsWith('-')) + 1 : 0;
    return [{ tool: head, kind: 'path' }, ...argvNeeds(rest.slice(skip))];
  }
  if (UBIQUITOUS.has(head)) return [];
  const needs: Need[] = [{ tool: head, kind: 'path' }];
  if (PYTHON.test(base(head)) && rest[0] === '-m' && rest[1])
    needs.push({ tool: rest[1], kind: 'module', python: head });
  return needs;
}

/**
 * A shell line cut into simple commands (at `&&`, `||`, `;`, `|`, `$(`, backticks and parentheses outside
 * quotes), each as its words with the quotes removed: enough to find the program each command names.
 */
function simpleCommands(line: string): string[][] {
  const out: string[][] = [[]];
  let word = '';
  let inWord = false;
  let quote: string | undefined;
  const endWord = (): void => {
    if (inWord) out.at(-1)?.push(word);
    word = '';
    inWord = false;
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? '';
    if (quote) {
      if (ch === quote) quote = undefined;
      else word += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) endWord();
    else if ('&|;()`'.includes(ch) || (ch === '$' && line[i + 1] === '(')) {
      endWord();
      if (ch === '$') i++;
      if ((out.at(-1)?.length ?? 0) > 0) out.push([]);
    } else {
      word += ch;
      inWord = true;
    }
  }
  endWord();
  return out.filter((c) => c.length > 0);
}

/** The programs a shell line runs; `just X` calls are returned as `{tool: 'just', via: X}` for the caller to follow. */
export function shellNeeds(line: string): Need[] {
  const out: Need[] = [];
  const text = line.replace(/^[@-]+/, '').trim();
  if (text === '' || text.startsWith('#')) return out;
  for (let w of simpleCommands(text)) {
    while (w[0] !== undefined && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w[0]) || w[0] === 'env' || w[0] === 'exec'))
      w = w.slice(1);
    if (w[0] === 'just') {
      const recipe = w.slice(1).find((x) => !x.startsWith('-'));
      out.push({ tool: 'just', kind: 'path', ...(recipe ? { via: recipe } : {}) });
    } else out.push(...argvNeeds(w));
  }
  return out;
}

/** What `just NAME` runs: its dependencies' and its own lines, following `just other` inside a line. */
export function recipeNeeds(name: string, recipes: Recipes, seen = new Set<string>()): Need[] | undefined {
  const r = recipes?.get(name);
  if (!r) return undefined;
  if (seen.has(name)) return [];
  seen.add(name);
  const via = `just ${name}`;
  const out: Need[] = [];
  for (const d of r.deps) out.push(...(recipeNeeds(d, recipes, seen) ?? []));
  if (r.shebang) {
    const m = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(r.lines[0] ?? '');
    const interp = m ? (base(m[1] ?? '') === 'env' ? m[2] : base(m[1] ?? '')) : undefined;
    if (interp && !UBIQUITOUS.has(interp)) out.push({ tool: interp, kind: 'path', via });
    return out;
  }
  for (const line of r.lines)
    for (const n of shellNeeds(line)) {
      if (n.tool === 'just' && n.via !== undefined) out.push(...(recipeNeeds(n.via, recipes, seen) ?? []));
      else out.push({ ...n, via: n.via ?? via });
    }
  return out.map((n) => ({ ...n, via: n.via ?? via }));
}

export interface CommandNeeds {
  command: PhaseCommand;
  needs: Need[];
  /** what runs in its place under the runner mapping (uv missing here), when one applies */
  ran?: string;
  /** why lynx cannot see everything the command runs (no Justfile, no such recipe) */
  unresolved?: string;
}

/**
 * What each command needs on this machine: `missing` says which programs are absent (so a runner applies),
 * `recipeName` maps a curriculum recipe to the workspace's (lynx.yaml `recipes`).
 */
export function commandNeeds(
  cmd: PhaseCommand,
  recipes: Recipes,
  runner: RunnerMap | undefined,
  missing: (tool: string) => boolean,
  recipeName: (r: string) => string = (r) => r,
): CommandNeeds {
  const caps: Need[] = (cmd.needs ?? []).map((n) => ({ tool: n, kind: 'capability' }));
  if (cmd.just !== undefined) {
    const name = recipeName(cmd.just);
    const inner = recipeNeeds(name, recipes);
    const needs = [{ tool: 'just', kind: 'path' } as Need, ...(inner ?? []), ...caps];
    if (inner) return { command: cmd, needs };
    return {
      command: cmd,
      needs,
      unresolved:
        recipes === undefined
          ? `no Justfile: lynx cannot see what \`just ${name}\` runs`
          : `the Justfile has no recipe \`${name}\``,
    };
  }
  const argv = cmd.argv ?? [];
  const sub = substitute(argv, runner, missing);
  if (sub) return { command: cmd, needs: [...argvNeeds(sub.argv), ...caps], ran: sub.substitution.ran };
  return { command: cmd, needs: [...argvNeeds(argv), ...caps] };
}

/** "DoD items 3 `a`, 5 `b` cannot pass; labs 01–04 cannot run" for the commands that need a missing tool. */
export function impossible(cmds: readonly PhaseCommand[]): string {
  const items = [...new Set(cmds.filter((c) => c.item !== undefined).map((c) => c.ref.replace(/^DoD item /, '')))];
  const labs = [...new Set(cmds.filter((c) => c.lab !== undefined).map((c) => c.lab ?? ''))];
  const parts: string[] = [];
  if (items.length) parts.push(`DoD item${items.length > 1 ? 's' : ''} ${items.join(', ')} cannot pass`);
  if (labs.length) parts.push(`lab${labs.length > 1 ? 's' : ''} ${ranges(labs)} cannot run`);
  return parts.join('; ');
}

/** 00 01 02 04 → "00–02, 04" (lab ids are zero-padded numbers; others are listed as they are). */
function ranges(ids: string[]): string {
  if (!ids.every((x) => /^\d+$/.test(x))) return ids.join(', ');
  const n = ids.map(Number).sort((a, b) => a - b);
  const w = ids[0]?.length ?? 2;
  const pad = (x: number): string => String(x).padStart(w, '0');
  const out: string[] = [];
  for (let i = 0; i < n.length;) {
    let j = i;
    while (j + 1 < n.length && (n[j + 1] ?? 0) === (n[j] ?? 0) + 1) j++;
    out.push(
      j - i >= 2
        ? `${pad(n[i] ?? 0)}–${pad(n[j] ?? 0)}`
        : n
            .slice(i, j + 1)
            .map(pad)
            .join(', '),
    );
    i = j + 1;
  }
  return out.join(', ');
}
