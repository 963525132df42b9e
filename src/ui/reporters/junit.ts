/**
 * JUnit XML for CI dashboards, valid against the Jenkins xunit junit-10.xsd (tests/fixtures): one
 * <testsuite> per phase and learner, one <testcase> per check with nested all/any children
 * flattened ("parent > child"). The learner is in `classname` (lynx.<learner>.phaseNN) so a cohort's
 * merged reports do not collide; a failing command's log tail goes to <system-out>. That schema has
 * no `file` on <testcase>: a case's file (where known) is its first <system-out> line, and the
 * suite's `file` is the learner's phase folder.
 */
import type { GateResult } from '../../schemas/generated/types.js';
import { nn } from '../../core/ids.js';
import { leaves } from './flatten.js';
import { fileOf } from './github.js';

type Check = GateResult['checks'][number];

/** The log's last lines: what a reader of a failed CI run needs, not megabytes. */
export const LOG_TAIL_LINES = 40;
const LOG_TAIL_CHARS = 8000;

const esc = (s: string): string =>
  s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const secs = (ms: number | undefined): string => ((ms ?? 0) / 1000).toFixed(3);

export function logTail(log: string): string {
  const tail = log.replace(/\s+$/, '').split('\n').slice(-LOG_TAIL_LINES).join('\n');
  return tail.length > LOG_TAIL_CHARS ? tail.slice(-LOG_TAIL_CHARS) : tail;
}

function testcase(r: GateResult, c: Check, exists: (rel: string) => boolean): string {
  const name = `${c.id}: ${c.title}`;
  const open =
    `    <testcase classname="${esc(`lynx.${r.learner}.phase${nn(r.phase)}`)}" name="${esc(name.slice(0, 250))}" ` +
    `time="${secs(c.duration_ms)}"`;
  const where = fileOf(c, exists);
  const out = [
    where ? `file: ${where.file}${where.line ? `:${where.line}` : ''}` : '',
    c.status === 'warn' ? `warning: ${c.message}` : '',
    c.attested ? 'attested (lynx attest), not verified from evidence' : '',
    c.log && (c.status === 'fail' || c.status === 'error')
      ? `--- log (last ${LOG_TAIL_LINES} lines) ---\n${logTail(c.log)}`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
  const sysout = out ? `\n      <system-out>${esc(out)}</system-out>` : '';
  const detail = esc(
    [
      c.message,
      c.expected ? `expected: ${c.expected}` : '',
      c.actual ? `actual: ${c.actual}` : '',
      ...(c.evidence ?? []),
    ]
      .filter(Boolean)
      .join('\n'),
  );
  const body = (inner: string): string => `${open}>${inner}${sysout}\n    </testcase>`;
  if (c.waived !== undefined) return body(`\n      <skipped message="${esc(`waived: ${c.waived}`)}"/>`);
  switch (c.status) {
    case 'pass':
    case 'warn':
      return sysout ? body('') : `${open}/>`;
    case 'fail':
      return body(
        `\n      <failure message="${esc(c.message.slice(0, 500))}" type="${esc(c.kind)}">${detail}</failure>`,
      );
    case 'error':
      return body(`\n      <error message="${esc(c.message.slice(0, 500))}" type="${esc(c.kind)}">${detail}</error>`);
    default:
      return body(`\n      <skipped message="${esc(c.message.slice(0, 500))}"/>`);
  }
}

export function junit(results: readonly GateResult[], exists: (rel: string) => boolean = () => false): string {
  const flat = results.map((r) => ({ r, checks: leaves(r.checks) }));
  type Flat = (typeof flat)[number];
  const count = (f: Flat, p: (c: Check) => boolean): number => f.checks.filter(p).length;
  const isFail = (c: Check): boolean => c.waived === undefined && c.status === 'fail';
  const isError = (c: Check): boolean => c.waived === undefined && c.status === 'error';
  const suites = flat.map((f) => {
    const { r } = f;
    const skipped = count(f, (c) => c.waived !== undefined || c.status === 'skipped' || c.status === 'pending');
    const time = Math.max(0, (Date.parse(r.finished_at) - Date.parse(r.started_at)) / 1000);
    return [
      `  <testsuite name="phase-${nn(r.phase)} (${esc(r.learner)})" tests="${f.checks.length}" failures="` +
        `${count(f, isFail)}" errors="${count(f, isError)}" skipped="${skipped}" time="${time.toFixed(3)}" ` +
        `timestamp="${r.started_at.slice(0, 19)}" file="${esc(`learners/${r.learner}/phase-${nn(r.phase)}`)}">`,
      ...f.checks.map((c) => testcase(r, c, exists)),
      '  </testsuite>',
    ].join('\n');
  });
  const tot = (p: (f: Flat) => number): number => flat.reduce((n, f) => n + p(f), 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="lynx gate" tests="${tot((f) => f.checks.length)}" failures="` +
      `${tot((f) => count(f, isFail))}" errors="${tot((f) => count(f, isError))}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
