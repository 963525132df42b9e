/**
 * `lynx doctor NN` and phase-start's warning: probe this machine for every tool the phase will run
 * (src/core/phase-tools.ts derives them). Paths come from PATH (just: PATH or the bundled rust-just), tools
 * run by `uv run` from the project's environment (.venv/bin, or PATH, which uv run also searches), modules
 * from one python process per interpreter, capabilities from capabilities(). Versions where cheap.
 */
import { accessSync, constants, lstatSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import {
  commandNeeds,
  impossible,
  phaseCommands,
  type CommandNeeds,
  type Need,
  type Recipe,
  type Recipes,
} from '../core/phase-tools.js';
import type { DoctorReport, Phase } from '../schemas/generated/types.js';
import { capture, run } from './proc.js';
import { justfilePresent } from './run-command.js';
import { capabilities, findJust, onPath } from './tools.js';
import type { Workspace } from './workspace.js';

export type PhaseTools = NonNullable<DoctorReport['phase']>;
type Tool = PhaseTools['tools'][number];

const executable = (p: string): boolean => {
  try {
    accessSync(p, constants.X_OK);
    return lstatSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
};

type Fragment = string | unknown[];
interface DumpRecipe {
  body?: Fragment[][];
  dependencies?: { recipe?: string }[];
  shebang?: boolean;
}

/** The Justfile's recipes and their bodies (`just --dump --dump-format json`), undefined with no Justfile. */
export async function loadRecipes(ws: Workspace): Promise<Recipes> {
  // not justRecipes: its per-process cache would keep "no Justfile" for a file the learner writes next.
  // A Justfile lynx must not hand to just (a FIFO, a link out) is refused here too, naming it (exit 2).
  if (!justfilePresent(ws)) return undefined;
  const just = findJust();
  if (!just) return undefined;
  const r = await run([just.path, '--dump', '--dump-format', 'json'], { cwd: ws.root, timeoutMs: 15_000 });
  if (r.exitCode !== 0) return new Map();
  try {
    const dump = JSON.parse(r.output) as { recipes?: Record<string, DumpRecipe> };
    const out = new Map<string, Recipe>();
    for (const [name, rec] of Object.entries(dump.recipes ?? {}))
      out.set(name, {
        // an interpolation is a value lynx cannot know: a placeholder no tool is named after
        lines: (rec.body ?? []).map((line) => line.map((f) => (typeof f === 'string' ? f : '{{…}}')).join('')),
        deps: (rec.dependencies ?? []).map((d) => d.recipe ?? '').filter(Boolean),
        shebang: rec.shebang === true,
      });
    return out;
  } catch {
    return new Map();
  }
}

/** Where a tool is on this machine, or undefined. */
function locate(ws: Workspace, n: Need): string | undefined {
  if (n.kind === 'path') {
    if (n.tool === 'just') return findJust()?.path;
    if (n.tool.includes('/')) {
      const p = isAbsolute(n.tool) ? n.tool : ws.abs(n.tool);
      return executable(p) ? p : undefined;
    }
    return onPath(n.tool);
  }
  if (n.kind === 'env') {
    const venv = process.env.UV_PROJECT_ENVIRONMENT ?? '.venv';
    const p = join(isAbsolute(venv) ? venv : ws.abs(venv), 'bin', n.tool);
    return executable(p) ? p : onPath(n.tool);
  }
  return undefined;
}

/** Which of `modules` each interpreter cannot import: one python process per interpreter. */
async function missingModules(ws: Workspace, wanted: Map<string, Set<string>>): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  await Promise.all(
    [...wanted].map(async ([python, mods]) => {
      const exe = python.includes('/') && !isAbsolute(python) ? ws.abs(python) : python;
      const script =
        'import importlib.util as u,sys;print(" ".join(m for m in sys.argv[1:] if u.find_spec(m) is None))';
      const r = await capture([exe, '-c', script, ...mods], ws.root).catch(() => undefined);
      out.set(python, r?.ok ? new Set(r.stdout.trim().split(/\s+/).filter(Boolean)) : new Set(mods));
    }),
  );
  return out;
}

const HINT: Record<Tool['kind'], string> = {
  path: 'not on PATH',
  env: "not in .venv nor on PATH (`uv sync`, the phase's setup, installs what pyproject.toml lists)",
  module: 'the interpreter cannot import it — install it for that python (pip install …)',
  capability: 'this machine does not have it (LYNX_HAVE=… declares what lynx cannot probe)',
};

/** The tools a phase runs, found or missing, and what each missing one makes impossible. */
/** `versions: false` (phase-start's warning) skips the `--version` probes: only found or missing matters there. */
export async function phaseTools(ws: Workspace, phase: Phase, opts: { versions?: boolean } = {}): Promise<PhaseTools> {
  const recipes = await loadRecipes(ws);
  const missing = (tool: string): boolean => onPath(tool) === undefined;
  const per: CommandNeeds[] = phaseCommands(phase).map((c) =>
    commandNeeds(c, recipes, ws.config.runner, missing, (r) => ws.config.recipes?.[r] ?? r),
  );
  const byTool = new Map<string, { need: Need; uses: CommandNeeds[]; vias: Map<CommandNeeds, string | undefined> }>();
  for (const cn of per)
    for (const n of cn.needs) {
      const key = `${n.kind}:${n.tool}`;
      const e = byTool.get(key) ?? {
        need: n,
        uses: [] as CommandNeeds[],
        vias: new Map<CommandNeeds, string | undefined>(),
      };
      if (!e.uses.includes(cn)) e.uses.push(cn);
      if (!e.vias.has(cn)) e.vias.set(cn, n.via);
      byTool.set(key, e);
    }
  const wanted = new Map<string, Set<string>>();
  for (const { need } of byTool.values())
    if (need.kind === 'module')
      wanted.set(need.python ?? 'python3', (wanted.get(need.python ?? 'python3') ?? new Set()).add(need.tool));
  const absentModules = await missingModules(ws, wanted);
  const have = capabilities();
  const tools: Tool[] = await Promise.all(
    [...byTool.values()].map(async ({ need, uses, vias }) => {
      const path = locate(ws, need);
      const found =
        need.kind === 'capability'
          ? have.has(need.tool)
          : need.kind === 'module'
            ? !(absentModules.get(need.python ?? 'python3')?.has(need.tool) ?? true)
            : path !== undefined;
      const version =
        found && path && need.kind === 'path' && opts.versions !== false
          ? /(\d+\.\d+(?:\.\d+)?)/.exec(
              (await capture([path, '--version'], ws.root, 3000).catch(() => undefined))?.stdout ?? '',
            )?.[1]
          : undefined;
      return {
        name: need.tool,
        kind: need.kind,
        found,
        ...(path ? { path } : {}),
        ...(version ? { version } : {}),
        ...(found
          ? {}
          : {
              missing:
                need.kind === 'path' && need.tool.includes('/')
                  ? 'no such executable file in the workspace'
                  : HINT[need.kind],
              impossible: impossible(uses.map((u) => u.command)),
            }),
        used_by: uses.map((u) => {
          const via = vias.get(u);
          return {
            ref: u.command.ref,
            command: u.command.label,
            ...(via ? { via } : {}),
            ...(u.ran ? { ran: u.ran } : {}),
          };
        }),
      };
    }),
  );
  const mapping = ws.config.runner;
  const replaced = per.filter((c) => c.ran !== undefined);
  // the tools the mapping stands in for: the first word of its keys (uv)
  const heads = new Set(Object.keys(mapping ?? {}).map((k) => k.trim().split(/\s+/)[0] ?? ''));
  const runner = mapping
    ? {
        mapping: Object.fromEntries(Object.entries(mapping).map(([k, v]) => [k, v ?? ''])),
        in_effect: replaced.length > 0,
        covers: [...heads].filter(missing),
        commands: replaced.length,
        // `just test` whose recipe runs `uv run …`: the recipe's own shell line, which no runner rewrites
        unreached: [
          ...new Set(
            per
              .filter((c) => c.command.just !== undefined && c.needs.some((n) => heads.has(n.tool) && missing(n.tool)))
              .map((c) => c.command.label),
          ),
        ],
      }
    : null;
  return {
    id: phase.id,
    title: phase.title,
    ok: tools.every((t) => t.found),
    tools,
    runner,
    unresolved: [...new Set(per.flatMap((c) => (c.unresolved ? [`${c.command.ref}: ${c.unresolved}`] : [])))],
  };
}
