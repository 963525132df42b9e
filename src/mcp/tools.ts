/**
 * The MCP tools: each is one existing read-only use case, its input and output described with zod
 * (the SDK turns them into the JSON Schemas of tools/list and validates both sides). Output schemas
 * name the fields a client relies on and let the rest through (looseObject): the full shapes are the
 * --json contracts of src/schemas/*.schema.json. Nothing here writes, and nothing returns a quiz key.
 */
import { z } from 'zod';
import { findRoot } from '../io/workspace.js';
import { insideWorkspace } from './paths.js';
import { phaseDod, phasePlan } from './plan.js';
import { checkpoint, gate, labReport, manifestDiff, next, status } from './use-cases.js';
import { parsePhase } from '../core/ids.js';

const phase = z
  .string()
  .regex(/^\d{1,2}$/, 'a phase number: 7 or 07')
  .describe('the phase number (7 or 07)');
const learner = z.string().optional().describe('the learner (default: LYNX_LEARNER, then lynx.yaml)');

const check = z.looseObject({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  status: z.enum(['pass', 'fail', 'error', 'warn', 'skipped', 'pending']),
  message: z.string(),
});
const gateResult = z.looseObject({
  schema_version: z.literal(1),
  phase: z.number().int(),
  learner: z.string(),
  status: z.enum(['pass', 'fail', 'error']),
  checks: z.array(check),
});
const labInfo = z.looseObject({
  id: z.string(),
  title: z.string(),
  page: z.string(),
  state: z.string(),
  checklist: z.looseObject({ path: z.string(), ticked: z.number(), total: z.number() }),
});

export interface ToolDef {
  name: string;
  title: string;
  description: string;
  input: z.ZodRawShape;
  /** loose at the top too: a raw shape would become additionalProperties: false, which the client enforces */
  output: z.ZodObject;
  run: (root: string, args: Record<string, unknown>) => Promise<Record<string, unknown>>;
}

const s = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** A phase argument the schema already checked (a 1–2 digit string). */
const ph = (v: unknown): number => parsePhase(s(v) ?? '');
const asRecord = <T extends object>(v: T): Record<string, unknown> => v as unknown as Record<string, unknown>;

export const TOOLS: ToolDef[] = [
  {
    name: 'status',
    title: 'Phase status',
    description:
      'Every phase of the learner: status, quiz score, dates (lynx status --json); with `phase`, that phase in ' +
      'detail: requires, DoD items, labs, breaks, quiz threshold.',
    input: { phase: phase.optional(), learner },
    output: z.looseObject({
      schema_version: z.literal(1),
      workspace: z.string(),
      notices: z.array(z.string()),
      learners: z.array(
        z.looseObject({
          learner: z.string(),
          counts: z.looseObject({}),
          phases: z.array(z.looseObject({ phase: z.number().int(), status: z.string() })),
        }),
      ),
      phase: z
        .looseObject({
          id: z.number().int(),
          title: z.string(),
          dod: z.array(z.looseObject({ id: z.string(), text: z.string(), kind: z.string() })),
        })
        .optional(),
    }),
    run: async (root, a) =>
      asRecord(
        await status({ cwd: root, learner: s(a.learner), phase: a.phase === undefined ? undefined : ph(a.phase) }),
      ),
  },
  {
    name: 'next',
    title: 'What to do next',
    description:
      'The one next action for the learner, with the lynx command to run, and the few after it (lynx next --json).',
    input: { learner },
    output: z.looseObject({
      schema_version: z.literal(1),
      learner: z.string(),
      actions: z.array(
        z.looseObject({
          kind: z.string(),
          command: z.string().nullable(),
          why: z.string(),
          phase: z.number().int().nullable(),
        }),
      ),
    }),
    run: async (root, a) => asRecord(await next({ cwd: root, learner: s(a.learner) })),
  },
  {
    name: 'checkpoint',
    title: 'Checkpoint (static)',
    description:
      'Mid-phase health check, status only (lynx checkpoint --json, static: command checks are pending, nothing ' +
      'runs). Without `phase`: the phase in progress.',
    input: { phase: phase.optional(), learner },
    output: gateResult,
    run: async (root, a) =>
      asRecord(await checkpoint({ cwd: root, learner: s(a.learner), phase: s(a.phase), run: false })),
  },
  {
    name: 'lab_list',
    title: 'Labs of a phase',
    description: "The phase's labs with their state, checklist progress and commands run (lynx lab NN --json).",
    input: { phase, learner },
    output: z.looseObject({
      schema_version: z.literal(1),
      phase: z.number().int(),
      title: z.string(),
      learner: z.string(),
      status: z.string(),
      labs: z.array(labInfo),
    }),
    run: async (root, a) => {
      const { lab: _one, ...r } = await labReport({ cwd: root, learner: s(a.learner), phase: ph(a.phase) });
      return asRecord(r);
    },
  },
  {
    name: 'lab_show',
    title: 'One lab',
    description:
      'One lab in full: goal, checklist items (ticked or not), deliverables, commands, recent runs (lynx lab NN ' +
      'ID --json).',
    input: {
      phase,
      lab: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,20}$/)
        .describe('the lab id (00, 01, …)'),
      learner,
    },
    output: z.looseObject({
      phase: z.number().int(),
      learner: z.string(),
      lab: labInfo.extend({
        items: z.array(z.looseObject({ text: z.string(), checked: z.boolean() })),
        deliverables: z.array(z.looseObject({ path: z.string(), exists: z.boolean() })),
      }),
    }),
    run: async (root, a) => {
      const r = await labReport({ cwd: root, learner: s(a.learner), phase: ph(a.phase), id: s(a.lab) });
      return { phase: r.phase, learner: r.learner, lab: r.lab };
    },
  },
  {
    name: 'gate',
    title: 'Gate (full)',
    description:
      "lynx gate NN --json: re-runs every DoD check of the phase from the committed tree (the learner's recipes " +
      'included, so it can take minutes) plus the closure checks of a closed phase. Writes nothing.',
    input: { phase, learner },
    output: gateResult,
    run: async (root, a) => {
      const [r] = await gate({ cwd: root, learner: s(a.learner), phase: s(a.phase) });
      if (!r) throw new Error('the gate returned no result');
      return asRecord(r);
    },
  },
  {
    name: 'manifest_diff',
    title: 'Manifest drift diff',
    description:
      'The fields that differ between two experiment manifests, by drift category CODE > VERSIONS > HARDWARE > ' +
      'ENV > TIME > OTHER (lynx manifest diff A B --json). Paths are relative to the workspace root and must ' +
      'stay inside it.',
    input: {
      a: z.string().min(1).describe('a manifest.json, relative to the workspace root'),
      b: z.string().min(1).describe('another manifest.json'),
    },
    output: z.looseObject({
      schema_version: z.literal(1),
      a: z.string(),
      b: z.string(),
      drift: z.boolean(),
      no_differences_in: z.array(z.string()),
      differences: z.array(z.looseObject({ category: z.string() })),
    }),
    run: (root, a) =>
      Promise.resolve(
        asRecord(
          manifestDiff({ cwd: root, a: insideWorkspace(root, String(a.a)), b: insideWorkspace(root, String(a.b)) }),
        ),
      ),
  },
  {
    name: 'phase_dod',
    title: 'Definition of Done',
    description: "The phase's Definition of Done: every item verbatim with the kind of check lynx runs for it.",
    input: { phase, learner },
    output: z.looseObject({
      phase: z.number().int(),
      title: z.string(),
      learner: z.string(),
      items: z.array(z.looseObject({ id: z.string(), text: z.string(), kind: z.string() })),
    }),
    run: async (root, a) => asRecord(await phaseDod({ cwd: root, learner: s(a.learner), phase: s(a.phase) ?? '' })),
  },
  {
    name: 'phase_plan',
    title: 'Phase plan',
    description:
      'PHASE_NN_PLAN.md: its text, its state against the approval (unapproved, unchanged, revised, unlogged, ' +
      'missing) and the open questions of §7.',
    input: { phase, learner },
    output: z.looseObject({
      phase: z.number().int(),
      learner: z.string(),
      path: z.string(),
      exists: z.boolean(),
      status: z.string(),
      state: z.string(),
      text: z.string().optional(),
      open_questions: z.array(z.string()),
    }),
    run: async (root, a) => asRecord(await phasePlan({ cwd: root, learner: s(a.learner), phase: s(a.phase) ?? '' })),
  },
];

export const workspaceRoot = (cwd: string): string => findRoot(cwd);
