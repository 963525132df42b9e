/**
 * The text reporter: what a person reads in a terminal, one renderer per result kind. Views load
 * lazily so `lynx status` never parses the lab or gate views. Pure: returns the lines for stdout
 * and stderr; present() writes them.
 */
import type { ResultKind, ResultKinds } from '../../core/exit-codes.js';
import { nn } from '../../core/ids.js';
import { formatPos } from '../../core/errors.js';
import type { LearnerStatus } from '../../core/status.js';
import type { Theme } from '../theme.js';
import type * as GateViewModule from '../gate-view.js';
import { quizText } from './quiz-text.js';
import { claudeInstallText } from './claude-text.js';
import { breakText } from './break-text.js';

type GateView = typeof GateViewModule;

export interface Printed {
  out: string[];
  err?: string[];
}
/** quiet: manifest diff without the unchanged categories; bin: how to run this lynx (demo's last line). */
export interface TextOptions {
  quiet?: boolean;
  bin?: string;
}

type TextReporter<K extends ResultKind> = (r: ResultKinds[K], t: Theme, o: TextOptions) => Printed | Promise<Printed>;

const MAX_SHOWN = 50;

const gateView = async (): Promise<GateView> => import('../gate-view.js');

export const text: { [K in ResultKind]: TextReporter<K> } = {
  gate: async (r, t) => {
    const { renderGate } = await gateView();
    const none =
      r.changedSince !== undefined
        ? `no closed phase is touched by the changes since ${r.changedSince}`
        : 'no closed phase to verify';
    if (r.learners)
      return { out: (await import('../gate-class-view.js')).renderGateClass(r.learners, r.results, t, renderGate) };
    const out = r.results.length === 0 ? [none] : [];
    for (const g of r.results)
      out.push(`${renderGate(g, t, { heading: `Gate · phase ${nn(g.phase)} · learner ${g.learner}` })}\n`);
    return { out };
  },
  report: async (r, t) => {
    const { renderGate } = await gateView();
    const out = [
      ...(r.healed ?? []).map((n) => t.warn(`! ${n}`)),
      renderGate(r.gate, t, { heading: `Report · phase ${nn(r.gate.phase)} · learner ${r.gate.learner}` }),
    ];
    if (r.gate.status !== 'pass') {
      out.push(
        t.bad(
          `\nThe phase is not closed: nothing was written. Fix the items marked ✗ and run \`lynx report ` +
            `${nn(r.gate.phase)}\` again.`,
        ),
      );
      return { out };
    }
    out.push(t.ok(`\nPhase ${nn(r.gate.phase)} closed. Wrote:`), ...r.written.map((w) => `  ${w}`));
    out.push(
      t.dim(
        `next: write learners/${r.gate.learner}/phase-${nn(r.gate.phase)}/reflections.md, commit, and let CI ` +
          `run \`lynx gate ${nn(r.gate.phase)}\``,
      ),
    );
    return { out };
  },
  checkpoint: async (r, t) => {
    const { renderGate } = await gateView();
    return {
      out: [
        ...r.notices.map((n) => t.warn(`! ${n}`)),
        renderGate(r.gate, t, {
          heading:
            `Checkpoint · phase ${nn(r.gate.phase)} · learner ${r.gate.learner}` +
            `${r.run ? '' : ' · static (commands not run; --run runs them)'}`,
        }),
      ],
    };
  },
  status: async (r, t) => {
    const out = r.notices.map((n) => t.warn(`! ${n}`));
    if (r.phase) {
      const { renderPhaseDetail } = await import('../phase-detail-view.js');
      return { out: [...out, renderPhaseDetail(r.phase, t)] };
    }
    const { renderStatus } = await import('../status-view.js');
    const blocks = r.learners.map((l) =>
      renderStatus(
        {
          learner: l.learner,
          current: l.current,
          counts: l.counts,
          rows: l.phases.map((p) => ({ ...p, error: p.error })) as LearnerStatus['rows'],
        },
        t,
        l.reviews_due
          ? [
              t.info(
                `${l.reviews_due} review card(s) due today — lynx review` +
                  `${r.learners.length > 1 ? ` --learner ${l.learner}` : ''}`,
              ),
            ]
          : [],
      ),
    );
    return { out: [...out, blocks.join('\n\n')] };
  },
  'phase-start': async (r, t) => ({ out: [(await import('../phase-start-view.js')).renderPhaseStart(r, t)] }),
  'phase-approve': async (r, t) => ({ out: [(await import('../phase-start-view.js')).renderApprove(r, t)] }),
  lab: async (r, t) => {
    const view = await import('../lab-view.js');
    return { out: [r.lab ? view.renderLabDetail(r, r.lab, t) : view.renderLabList(r, t)] };
  },
  'lab-run': async (r, t) => ({ out: [(await import('../lab-run-summary.js')).renderRunSummary(r, t)] }),
  attest: ({ attested: r }) => ({
    out: [
      `✓ attested ${nn(r.phase)}/${r.item} by ${r.by}${r.signed_by ? ' (signed)' : ''} — commit ` +
        `learners/…/phase-${nn(r.phase)}/checkpoint.json`,
    ],
  }),
  waive: ({ waived: r }) => ({
    out: [
      `✓ waived ${nn(r.phase)}/${r.item}${r.signed_by ? ` (signed by ${r.signed_by})` : ''}: ${r.reason ?? ''} ` +
        `— the report will show it`,
    ],
  }),
  grade: (r) => {
    if (r.recorded)
      return {
        out: [
          `✓ graded ${nn(r.phase)}/${r.recorded.item} of ${r.learner}: ${r.recorded.verdict} (signed by ` +
            `${r.recorded.by}) — commit ${r.recorded.file}`,
        ],
      };
    if (!r.attempt) return { out: [`${r.learner} has no quiz attempt for phase ${nn(r.phase)}`] };
    if (r.items.length === 0)
      return {
        out: [`${r.learner}'s latest attempt (${r.attempt.at.slice(0, 10)}) has no self-assessed answers to grade`],
      };
    const one = (i: (typeof r.items)[number]): string =>
      [
        `${i.id}  self-assessed ${i.self_assessed}` +
          `${i.graded ? ` · graded ${i.graded.verdict} by ${i.graded.by}` : ' · not graded'}`,
        `  question: ${i.prompt}`,
        `  model answer: ${i.model_answer}`,
        `  ${r.learner}'s answer: ${i.answer}`,
      ].join('\n');
    return {
      out: [
        `phase ${nn(r.phase)} · ${r.learner} · attempt of ${r.attempt.at.slice(0, 10)}: ${r.items.length} ` +
          `self-assessed answer(s)`,
        ...r.items.map(one),
        `grade one: lynx grade ${nn(r.phase)} --learner ${r.learner} --item ID --verdict correct|wrong [--note …]`,
      ],
    };
  },
  signoff: (r) => ({
    out: [
      `✓ signed off phase ${nn(r.phase)} of ${r.learner} as ${r.by} (closure digest ${r.digest.slice(0, 12)}) — ` +
        `commit ${r.file}; the gate fails it if the closure changes from here`,
    ],
  }),
  journal: (r) => ({ out: [`✓ ${r.path}${r.created ? ' (new today)' : ''}\n  ${r.entry}`] }),
  next: (r, t) => {
    const [first, ...rest] = r.actions;
    if (!first) return { out: [t.dim('nothing to suggest')] };
    const line = (a: typeof first): string =>
      `${a.command ? t.bold(a.command) : ''}${a.command ? t.dim(`  — ${a.why}`) : a.why}`;
    const out = [`${t.ok('next:')} ${line(first)}`];
    if (rest.length > 0) out.push(t.dim('then:'), ...rest.map((a) => `  ${line(a)}`));
    return { out };
  },
  'lab-peeked': (r) => ({
    out: [
      `recorded: lab ${r.lab}'s solutions were read before it was attempted ` +
        `(dod.lab_attempted_before_solutions: false) — the gate and the report will show it; commit ` +
        `${r.checkpoint}`,
    ],
  }),
  'report-draft': (r) => ({
    out: [
      r.added.length === 0
        ? `${r.file}: nothing to add (${r.items} section(s) the DoD reads are already there)`
        : `${r.file}: added ${r.added.length} section(s) for ${r.added.join(', ')} — write them in your own words ` +
          `before \`lynx report ${nn(r.phase)}\``,
    ],
  }),
  'journal-edit': (r) => ({
    out: [r.added ? `✓ ${r.path}` : `${r.path}: nothing added`],
    ...(r.backup
      ? { err: [`! ${r.path} is append-only, but earlier lines changed; the previous text is saved at ${r.backup}`] }
      : {}),
  }),
  derive: (r) => ({ out: [r.path] }),
  // lazy: manifest-drift pulls the manifest validator onto every command's start-up (status included)
  'manifest-diff': async (r, _t, o) => {
    const out = (await import('../../core/manifest-drift.js')).renderDiff(r.differences, o.quiet === true);
    return { out: out.length > 0 ? [out.join('\n')] : [] };
  },
  'manifest-check': async (r, t) => ({ out: [(await import('../manifest-view.js')).renderCheck(r, t)] }),
  init: (r, t) => {
    const mark = { created: t.ok('+'), updated: t.ok('~'), unchanged: t.dim('='), kept: t.warn('!') };
    const out = r.actions
      .filter((a) => a.action !== 'unchanged')
      .map(
        (a) =>
          `${mark[a.action]} ${a.path}` +
          `${a.action === 'kept' ? t.dim('  (kept: it differs from the template and may hold your edits)') : ''}`,
      );
    const created = r.actions.filter((a) => a.action === 'created').length;
    out.push(
      `${t.ok('✓')} workspace ready at ${r.root} for learner ${t.bold(r.learner)}` +
        `${created === 0 ? ' (nothing to do)' : ''}`,
    );
    out.push(t.dim('next: lynx status · lynx doctor · commit lynx.yaml and learners/'));
    return { out };
  },
  doctor: async (r, t) => ({ out: await (await import('../doctor-view.js')).renderDoctor(r, t) }),
  validate: (r, t) => {
    const proven = r.self_test
      ? `; every one of ${r.self_test.items} DoD items (${r.self_test.checks} checks) can pass and can fail (` +
        `${r.self_test.ms} ms)`
      : '';
    const summary = `${r.phases} phases, ${r.quiz_banks} quiz banks, ${r.quiz_items} questions (${r.source})${proven}`;
    if (r.ok) return { out: [`${t.ok('✓')} valid: ${summary}`] };
    const err = r.problems
      .slice(0, MAX_SHOWN)
      .map(
        (p) =>
          `${formatPos({ file: p.file, ...(p.line !== undefined ? { line: p.line } : {}), ...(p.col !== undefined ? { col: p.col } : {}) })}` +
          ` ${p.path}: ${p.message}`,
      );
    if (r.problems.length > MAX_SHOWN)
      err.push(t.dim(`… and ${r.problems.length - MAX_SHOWN} more (use --json for all)`));
    err.push(`${t.bad('✗')} ${r.problems.length} problem(s) in ${summary}`);
    return { out: [], err };
  },
  'break-self-test': (r, t) => {
    const out: string[] = [];
    for (const c of r.cases) {
      const mark = c.status === 'pass' ? t.ok('✓') : c.status === 'fail' ? t.bad('✗') : t.dim('·');
      out.push(`${mark} ${nn(c.phase)} ${t.bold(c.id)}: ${c.status} — ${c.reason}`);
      for (const o of c.observe ?? [])
        out.push(
          t.dim(
            `    ${o.action === 'run' ? `ran (exit ${String(o.exit_code)})` : o.action}` +
              `${o.fallback ? ' [test-recipe fallback]' : ''}: ${o.text.slice(0, 70)}` +
              `${o.reason ? ` — ${o.reason}` : ''}`,
          ),
        );
    }
    out.push(
      `${r.ok ? t.ok('✓') : t.bad('✗')} ${r.passed}/${r.exact} exact-edit break(s) pass start → observe → ` +
        `restore (byte-exact); ${r.guided} break(s) without an exact edit use the guided mode`,
    );
    return { out };
  },
  'validate-breaks': (r, t) => {
    const mark = {
      detectable: t.ok('✓'),
      'not-detectable': t.bad('✗'),
      'edit-does-not-apply': t.bad('✗'),
      'not-observable': t.warn('!'),
      skipped: t.dim('·'),
    };
    const out: string[] = [];
    for (const b of r.breaks.filter((x) => x.status !== 'skipped')) {
      out.push(`${mark[b.status]} ${nn(b.phase)} ${t.bold(b.id)}: ${b.status} — ${b.reason}`);
      for (const f of b.files ?? [])
        out.push(
          t.dim(
            `    ${f.path} line ${f.lines.join(', ')}` +
              `${b.restored === false ? ' — NOT restored byte-identically' : b.restored ? ' · restored byte-identically' : ''}`,
          ),
        );
    }
    const skipped = r.breaks.filter((x) => x.status === 'skipped').length;
    out.push(
      `${r.ok ? t.ok('✓') : t.bad('✗')} ${r.checked} break(s) checked in a temporary copy of ${r.workspace}; ` +
        `${skipped} skipped (target not in this workspace, prose-only or diagnostic)`,
    );
    return { out };
  },
  migrate: (r, t) => {
    const out = r.moves.map((m) => `${m.how === 'move' ? t.ok('git mv') : t.info('copy  ')} ${m.from} → ${m.to}`);
    if (r.moves.length === 0) out.push(t.dim('no plan, report, experiment or lab checklist to move'));
    out.push(
      `${r.dry_run ? t.warn('dry run:') : t.ok('✓')} ${r.moves.filter((m) => m.how === 'move').length} moved, ` +
        `${r.moves.filter((m) => m.how === 'copy').length} copied for ${r.learner}, ${r.config} → layout: cohort` +
        `${r.dry_run ? ' (nothing changed)' : ' — staged, not committed'}`,
    );
    out.push(t.dim(`next: ${r.next.join(' · ')}`));
    return { out };
  },
  'status-phase': async (r, t) => ({ out: (await import('../phase-class-view.js')).renderPhaseClass(r, t) }),
  class: async (r, t) => {
    const { renderClass } = await import('../class-view.js');
    return { out: renderClass(r, t) };
  },
  demo: (r, t, o) => {
    const out = ['', `${t.bold('Demo workspace:')} ${r.dir}`, 'Try next:'];
    for (const l of r.try_next ?? [
      `cd ${r.dir}`,
      'lynx status',
      'lynx doctor',
      'just test',
      'just exp 00-seeding-demo',
    ])
      out.push(`  ${t.info('$')} ${l}`);
    if (o.bin && (r.try_next ?? []).some((l) => l.includes(o.bin ?? '')))
      out.push(
        t.dim(
          '(lynx is not on your PATH yet: the lines call it by its path; `npm link` in the checkout, or `npx ' +
            'lynx` in a project that depends on it)',
        ),
      );
    return { out };
  },
  ...quizText,
  'claude-install': claudeInstallText,
  break: breakText,
};
