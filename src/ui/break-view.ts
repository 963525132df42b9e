/** Plain-text rendering of every `lynx break` step (the --json form is the result itself). */
import type {
  ConfirmResult,
  DiagnoseResult,
  HintResult,
  RevealResult,
  ObserveResult,
  RestoreResult,
  ShowResult,
  StartResult,
  StatusResult,
} from '../core/break/results.js';
import type { BreakState } from '../core/break/model.js';
import { renderSteps } from './break-steps-view.js';
import type { Theme } from './theme.js';

import { nn } from '../core/ids.js';
const indent = (s: string, by = '  '): string =>
  s
    .split('\n')
    .map((l) => `${by}${l}`)
    .join('\n');
const short = (sha: string | null | undefined): string => (sha ? sha.slice(0, 10) : 'none');

export function stateLine(st: BreakState | undefined, t: Theme): string {
  if (!st?.state) return t.dim('not started');
  const when =
    st.state === 'restored'
      ? st.restored_at
      : st.state === 'diagnosed'
        ? st.diagnosed_at
        : st.state === 'active'
          ? st.started_at
          : st.predicted_at;
  const extra = [
    st.hints_used ? `${st.hints_used} hint(s) used` : '',
    st.diagnoses?.length ? `${st.diagnoses.length} diagnosis(es)` : '',
    st.revealed_by === 'request' ? 'answer revealed on request' : '',
    st.diagnosis_names_cause === undefined
      ? ''
      : st.diagnosis_names_cause
        ? 'diagnosis named the cause'
        : 'diagnosis missed the cause',
    st.forced ? 'restored with --force' : '',
  ].filter(Boolean);
  const word = {
    predicted: t.info('predicted'),
    active: t.warn('active'),
    diagnosed: t.warn('diagnosed'),
    restored: t.ok('restored'),
  }[st.state];
  return (
    `${word}${when ? ` ${when.slice(0, 16).replace('T', ' ')}` : ''}` +
    `${extra.length ? t.dim(` · ${extra.join(' · ')}`) : ''}`
  );
}

export function renderShow(r: ShowResult, t: Theme): string {
  const out = [
    t.bold(`Break ${nn(r.phase)} · ${r.id} — ${r.title}`),
    t.dim(`concept: ${r.concept} · ${r.kind} break · ${r.hints_total} hint(s)`),
    '',
  ];
  if (r.hypothesis) out.push(t.bold('Hypothesis'), indent(r.hypothesis), '');
  out.push(t.bold('The break'));
  for (const tg of r.targets) {
    out.push(`  ${tg.path}${tg.description ? `: ${tg.description.split('\n')[0] ?? ''}` : ''}`);
    if (tg.edit)
      out.push(
        ...tg.edit.find.split('\n').map((l) => t.bad(`    - ${l}`)),
        ...tg.edit.replace.split('\n').map((l) => t.ok(`    + ${l}`)),
      );
  }
  if (r.manual_steps?.length)
    out.push('', t.bold('Steps'), ...r.manual_steps.map((s) => indent(s, '  · ').replace(/\n {2}· /g, '\n    ')));
  if (r.observe.length)
    out.push('', t.bold('Observe'), ...r.observe.map((o) => indent(o, '  $ ').replace(/\n {2}\$ /g, '\n    ')));
  out.push(
    '',
    t.bold('Predict first'),
    '  Before you start: what will the observe command show? What fails, how does it look, and why?',
  );
  const p = r.predictions;
  const yes = (ok: boolean, s: string): string => `${ok ? t.ok('✓') : t.bad('✗')} ${s}`;
  out.push(
    `  ${p.path}${p.created ? t.dim(' (created from the template now)') : ''}` +
      `${p.format === 'yaml-entry' ? t.dim(' — YAML entry: bug-id, concept, symptom, hidden_cause, hint_1..3, fix_diff') : ''}`,
  );
  out.push(
    `    ${yes(p.written.ok, p.written.reason)}  ` +
      `${yes(p.committed, p.committed ? `committed${p.commit ? ` in ${short(p.commit.sha)}` : ''}` : 'not committed')}`,
  );
  out.push('', `State: ${stateLine(r.state, t)}`);
  if (r.journal)
    out.push(
      `  journal ${r.journal.rel} (${r.journal.mode}, ${r.journal.stage}): ` +
        `${r.journal.files.map((f) => `${f.path} ${f.state}`).join(', ') || 'no files'}`,
    );
  out.push('', `${t.info('next:')} ${r.next}`);
  return out.join('\n');
}

export function renderStart(r: StartResult, t: Theme, streamed = false): string {
  if (r.mode === 'guided') {
    return [
      `${t.warn('!')} break ${nn(r.phase)} ${t.bold(r.id)}: guided — you make the edit`,
      `  ${r.why ?? ''}`,
      '',
      t.bold('The edit to make'),
      ...r.instructions.map((i) => indent(i, '  · ').replace(/\n {2}· /g, '\n    ')),
      '',
      `${t.info('next:')} ${r.next}`,
    ].join('\n');
  }
  const out = [
    `${t.ok('✓')} break ${nn(r.phase)} ${t.bold(r.id)} started — ` +
      `${r.mode === 'edit' ? 'lynx applied the edit' : 'you make the edit'}`,
  ];
  out.push(
    t.dim(
      `  journal ${r.journal ?? '?'} · HEAD ${short(r.head)} · predictions ${r.predictions.path} committed in ` +
        `${short(r.predictions.commit)}`,
    ),
  );
  for (const l of r.located ?? [])
    out.push(
      `  ${t.info('found')} ${l.path}` +
        `${l.path !== l.listed ? ` (for ${l.listed}, ${l.where === 'alternative' ? 'its alternative path' : 'found in your tree'})` : ''}` +
        `, line ${l.lines.join(', ')} (${l.how} match), applied after confirmation`,
    );
  for (const f of r.files) {
    const where = f.matches?.map((m) => `line ${m.line} (${m.how} match)`).join(', ');
    out.push(
      `  ${t.warn('~')} ${f.path}${where ? ` ${where}` : ''} ` +
        `${t.dim(`sha256 ${f.original_sha256.slice(0, 12)}${f.mutant_sha256 ? ` → ${f.mutant_sha256.slice(0, 12)}` : ' (original journaled)'}`)}`,
    );
  }
  for (const a of r.absent) out.push(`  ${t.dim(`· ${a}: not in this workspace (left alone)`)}`);
  if (r.why)
    out.push(
      '',
      `${t.info('manual:')} ${r.why}. ` +
        `${r.files.length > 0 ? 'lynx journaled the original bytes, so `restore` puts them back byte-for-byte.' : 'This break edits no file in your tree, so nothing is journaled but the break itself.'}`,
    );
  if (r.instructions.length)
    out.push(t.bold('What to do'), ...r.instructions.map((i) => indent(i, '  · ').replace(/\n {2}· /g, '\n    ')));
  if (r.observations.length) out.push('', t.bold('Observe'), ...renderSteps(r.observations, t, { streamed }));
  out.push('', `${t.info('next:')} ${r.next}`);
  return out.join('\n');
}

export function renderObserve(r: ObserveResult, t: Theme, streamed = false): string {
  const out = r.files.map(
    (f) =>
      `  ${f.state === 'original' ? t.dim('=') : t.warn('~')} ${f.path}: ` +
      `${f.recorded ? 'your edit is recorded as the mutant' : f.state}`,
  );
  const steps =
    r.observations.length > 0
      ? renderSteps(r.observations, t, { streamed })
      : [t.dim('  this break has no command to run: its observation is the described steps')];
  out.push(t.bold('Observe'), ...steps, '', `${t.info('next:')} ${r.next}`);
  return out.join('\n');
}

export function renderHint(r: HintResult, t: Theme): string {
  return [
    `${t.bold(`Hint ${r.level}/${r.total}`)}${r.exhausted ? t.dim(' (no more hints)') : ''}`,
    indent(r.hint),
    '',
    `${t.info('next:')} ${r.next}`,
  ].join('\n');
}

function answer(
  r: { hidden_cause?: string; symptom?: string; fix?: string; teaching_note?: string },
  t: Theme,
): string[] {
  const out: string[] = [];
  if (r.hidden_cause) out.push('', t.bold('Hidden cause'), indent(r.hidden_cause));
  if (r.symptom) out.push('', t.bold('The symptom, as the page describes it'), indent(r.symptom));
  if (r.fix) out.push('', t.bold('Fix'), indent(r.fix));
  if (r.teaching_note) out.push('', t.bold('Why this teaches the concept'), indent(r.teaching_note));
  return out;
}

export function renderDiagnose(r: DiagnoseResult, t: Theme): string {
  const v = r.verdict;
  const out = [
    `${v.names_cause ? `${t.ok('✓')} your diagnosis names the hidden cause` : `${t.warn('✗')} your diagnosis does not name the hidden cause`}` +
      ` ${t.dim(`(try ${r.attempt}/${r.max_attempts})`)}`,
    t.dim(`  ${Math.round(v.score * 100)}% of its key terms (${v.rule})`),
    // After a miss the missing terms would give the answer away: only the count, until it is revealed.
    r.done
      ? t.dim(
          `  used: ${v.matched.join(', ') || 'none'}${v.missing.length ? ` · not used: ${v.missing.join(', ')}` : ''}`,
        )
      : t.dim(`  key terms used: ${v.matched.length} of ${v.matched.length + v.missing.length}`),
  ];
  if (r.offered_hint)
    out.push('', t.bold(`Hint ${r.offered_hint.level}/${r.offered_hint.total}`), indent(r.offered_hint.hint));
  out.push(...answer(r, t));
  out.push('', `${t.info('next:')} ${r.next}`);
  return out.join('\n');
}

export function renderReveal(r: RevealResult, t: Theme): string {
  const tries = r.attempts.map((a, i) => `  ${a.names_cause ? t.ok('✓') : t.warn('✗')} ${i + 1}. ${a.text}`);
  return [
    t.bold(`Break ${nn(r.phase)} · ${r.id}: the answer`),
    ...(tries.length ? ['', t.bold('Your diagnoses'), ...tries] : [t.dim('  revealed before any diagnosis')]),
    ...answer(r, t),
    '',
    `${t.info('next:')} ${r.next}`,
  ].join('\n');
}

export function renderConfirm(r: ConfirmResult, t: Theme, streamed = false): string {
  const word = {
    seen: `${t.ok('✓')} the symptom appears`,
    'not-seen': `${t.warn('!')} the observe commands pass: the symptom does not show`,
    unknown: `${t.dim('·')} nothing ran to confirm the symptom`,
  }[r.symptom];
  const out = [`${t.ok('✓')} break ${nn(r.phase)} ${t.bold(r.id)} confirmed — your edit is journaled (${r.journal})`];
  for (const f of r.files)
    out.push(
      `  ${t.warn('~')} ${f.path} ` +
        `${t.dim(`sha256 ${f.original_sha256.slice(0, 12)} (committed) → ${f.mutant_sha256.slice(0, 12)} (yours)`)}`,
    );
  if (r.observations.length) out.push('', t.bold('Observe'), ...renderSteps(r.observations, t, { streamed }));
  out.push('', word, '', `${t.info('next:')} ${r.next}`);
  return out.join('\n');
}

export function renderRestore(r: RestoreResult, t: Theme, streamed = false): string {
  if (!r.ok) {
    const out = [
      `${t.bad('✗')} restore refused: the target changed since the break was applied — the journal is kept (` +
        `${r.journal})`,
    ];
    for (const f of r.files) {
      if (f.action !== 'refused') {
        out.push(`  ${t.dim(`${f.path}: ${f.found}`)}`);
        continue;
      }
      out.push(
        '',
        `${t.bold(f.path)}: ` +
          `${f.found === 'missing' ? 'the file is missing' : 'neither the recorded mutant nor the original'}`,
      );
      if (f.diff_vs_mutant)
        out.push(t.dim('  against the recorded mutant:'), indent(f.diff_vs_mutant.trimEnd(), '    '));
      if (f.diff_vs_original) out.push(t.dim('  against the original:'), indent(f.diff_vs_original.trimEnd(), '    '));
    }
    out.push('', `${t.info('next:')} ${r.next}`);
    return out.join('\n');
  }
  const out = [
    `${t.ok('✓')} break ${nn(r.phase)} ${t.bold(r.id)} restored${r.forced ? ' (--force)' : ''}: ` +
      `${r.state === 'restored' ? 'done' : 'back to predicted'}`,
  ];
  for (const f of r.files)
    out.push(
      `  ${t.ok('=')} ${f.path}: ` +
        `${f.action === 'already-original' ? 'already the original bytes' : `original bytes back (it was ${f.found})`}` +
        `${f.saved ? t.dim(` · your bytes saved in ${f.saved}`) : ''}`,
    );
  for (const p of r.removed_tmp) out.push(t.dim(`  removed lynx's leftover temp file for ${p}`));
  if (r.closed) out.push(t.dim(`  journal closed: ${r.closed}`));
  if (r.tests.length) out.push('', t.bold('After restore'), ...renderSteps(r.tests, t, { streamed }));
  out.push('', `${t.info('next:')} ${r.next}`);
  return out.join('\n');
}

export function renderBreakStatus(r: StatusResult, t: Theme): string {
  const out: string[] = [];
  for (const x of r.recovered) out.push(`${t.ok('✓')} recovered: ${x}`);
  for (const x of r.unreadable) out.push(`${t.bad('✗')} unreadable journal: ${x}`);
  for (const x of r.notes) out.push(`${t.warn('!')} ${x}`);
  if (r.active.length === 0) out.push(`${t.ok('✓')} no active break in this workspace`);
  for (const a of r.active) {
    out.push(
      `${t.warn('!')} break ${nn(a.phase)} ${t.bold(a.id)} is active (${a.mode}, ${a.stage}) since ` +
        `${a.started_at.slice(0, 16).replace('T', ' ')} — learner ${a.learner}, HEAD ${short(a.head)}`,
    );
    for (const f of a.files) out.push(`    ${f.path}: ${f.state}`);
    out.push(`    ${t.dim(`journal ${a.journal} · restore with \`${a.restore}\``)}`);
  }
  if (r.phase) out.push(`Phase ${nn(r.phase.phase)} break: ${stateLine(r.phase.state, t)}`);
  return out.join('\n');
}
