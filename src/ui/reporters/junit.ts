/**
 * JUnit XML for CI dashboards: one <testsuite> per phase, one <testcase> per check (children
 * flattened as "id > child"). Follows the common JUnit schema (testsuites/testsuite/testcase with
 * failure, error and skipped elements).
 */
import type { GateResult } from '../../schemas/generated/types.js';
import { nn } from '../../core/ids.js';

type Check = GateResult['checks'][number];

const esc = (s: string): string => s
  // eslint-disable-next-line no-control-regex
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const secs = (ms: number | undefined): string => ((ms ?? 0) / 1000).toFixed(3);

function testcase(r: GateResult, c: Check): string {
  const name = `${c.id}: ${c.title}`;
  const open = `    <testcase classname="lynx.phase${nn(r.phase)}" name="${esc(name.slice(0, 250))}" time="${secs(c.duration_ms)}"`;
  const detail = esc([c.message, c.expected ? `expected: ${c.expected}` : '', c.actual ? `actual: ${c.actual}` : '', ...(c.evidence ?? []), c.log ? `--- log ---\n${c.log}` : ''].filter(Boolean).join('\n'));
  if (c.waived !== undefined) return `${open}>\n      <skipped message="${esc(`waived: ${c.waived}`)}"/>\n    </testcase>`;
  switch (c.status) {
    case 'pass': return `${open}/>`;
    // a warning passes; its message is kept where CI shows a case's output
    case 'warn': return `${open}>\n      <system-out>${esc(`warning: ${c.message}`)}</system-out>\n    </testcase>`;
    case 'fail': return `${open}>\n      <failure message="${esc(c.message.slice(0, 500))}" type="${esc(c.kind)}">${detail}</failure>\n    </testcase>`;
    case 'error': return `${open}>\n      <error message="${esc(c.message.slice(0, 500))}" type="${esc(c.kind)}">${detail}</error>\n    </testcase>`;
    default: return `${open}>\n      <skipped message="${esc(c.message.slice(0, 500))}"/>\n    </testcase>`;
  }
}

export function junit(results: readonly GateResult[]): string {
  const count = (r: GateResult, f: (c: Check) => boolean): number => r.checks.filter(f).length;
  const suites = results.map((r) => {
    const fails = count(r, (c) => c.waived === undefined && c.status === 'fail');
    const errors = count(r, (c) => c.waived === undefined && c.status === 'error');
    const skipped = count(r, (c) => c.waived !== undefined || c.status === 'skipped' || c.status === 'pending');
    const time = (Date.parse(r.finished_at) - Date.parse(r.started_at)) / 1000;
    return [
      `  <testsuite name="phase-${nn(r.phase)} (${esc(r.learner)})" tests="${r.checks.length}" failures="${fails}" errors="${errors}" skipped="${skipped}" time="${time.toFixed(3)}" timestamp="${r.started_at.slice(0, 19)}">`,
      ...r.checks.map((c) => testcase(r, c)),
      '  </testsuite>',
    ].join('\n');
  });
  const tot = (f: (r: GateResult) => number): number => results.reduce((n, r) => n + f(r), 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="lynx gate" tests="${tot((r) => r.checks.length)}" failures="${tot((r) => count(r, (c) => c.waived === undefined && c.status === 'fail'))}" errors="${tot((r) => count(r, (c) => c.waived === undefined && c.status === 'error'))}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
