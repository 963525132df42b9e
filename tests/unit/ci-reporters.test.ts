import { describe, expect, it } from 'vitest';
import { github, MAX_ERRORS } from '../../src/ui/reporters/github.js';
import { markdown } from '../../src/ui/reporters/markdown.js';
import { leaves } from '../../src/ui/reporters/flatten.js';
import type { GateResult } from '../../src/schemas/generated/types.js';

type Check = GateResult['checks'][number];
const gate = (checks: Check[], o: Partial<GateResult> = {}): GateResult => ({
  schema_version: 1,
  lynx_version: '0.1.0',
  phase: 3,
  learner: 'ana',
  started_at: '2026-11-25T10:00:00.000Z',
  finished_at: '2026-11-25T10:00:01.000Z',
  head_sha: 'a'.repeat(40),
  status: 'fail',
  checks,
  ...o,
});
const failingCheck = (i: number): Check => ({
  id: `c${i}`,
  kind: 'file',
  title: 't',
  status: 'fail',
  message: `broken ${i}`,
});
const errors = (cmds: string[]): string[] => cmds.filter((l) => l.startsWith('::error'));

describe('GitHub annotations', () => {
  it('at most 10 ::error lines, then one that says how many more', () => {
    const few = github([gate(Array.from({ length: MAX_ERRORS }, (_, i) => failingCheck(i)))]);
    expect(errors(few.commands)).toHaveLength(10);
    expect(few.commands.join('\n')).not.toContain('more failing');
    const many = github([gate(Array.from({ length: 13 }, (_, i) => failingCheck(i)))]);
    expect(errors(many.commands)).toHaveLength(11);
    expect(many.commands[10]).toBe(
      '::error title=lynx gate::3 more failing check(s): see the job summary or `lynx gate --json`',
    );
  });

  it('a file only when the path exists in the workspace: never a temp log, a number or a word', () => {
    const exists = (rel: string): boolean => ['src/train.py', 'PHASE_03_REPORT.md'].includes(rel);
    const o = github(
      [
        gate([
          {
            id: 'log',
            kind: 'command',
            title: 't',
            status: 'fail',
            message: '/tmp/.lynx/logs/abc.log: exit 1',
            evidence: ['/tmp/.lynx/logs/abc.log'],
          },
          { id: 'num', kind: 'measure', title: 't', status: 'fail', message: '0.93: below 0.95' },
          { id: 'word', kind: 'measure', title: 't', status: 'fail', message: 'accuracy: below target' },
          { id: 'gone', kind: 'file', title: 't', status: 'fail', message: 'notes/missing.md: not found' },
          {
            id: 'line',
            kind: 'file',
            title: 't',
            status: 'fail',
            message: 'has a TODO',
            evidence: ['src/train.py:42'],
          },
        ]),
      ],
      exists,
    );
    const errs = errors(o.commands);
    expect(errs.slice(0, 4).every((l) => !l.includes('file='))).toBe(true);
    expect(errs[4]).toContain(',file=src/train.py,line=42::has a TODO');
  });

  it('a ::warning for every waiver and every self-attested item, nested children included', () => {
    const o = github([
      gate([
        { id: 'w', kind: 'attest', title: 't', status: 'skipped', message: 'x', waived: 'no GPU' },
        { id: 'a', kind: 'attest', title: 't', status: 'pass', message: 'learner confirmed', attested: true },
        {
          id: 'grp',
          kind: 'all',
          title: 't',
          status: 'fail',
          message: 'one child failed',
          children: [
            { id: 'k1', kind: 'attest', title: 't', status: 'pass', message: 'ok', attested: true },
            { id: 'k2', kind: 'file', title: 't', status: 'fail', message: 'child broke' },
          ],
        },
        { id: 'p', kind: 'file', title: 't', status: 'pass', message: 'fine' },
      ]),
    ]);
    const warns = o.commands.filter((l) => l.startsWith('::warning'));
    expect(warns).toEqual([
      '::warning title=lynx gate 03 · ana · w::waived: no GPU',
      '::warning title=lynx gate 03 · ana · a::attested, not verified from evidence: learner confirmed',
      '::warning title=lynx gate 03 · ana · grp > k1::attested, not verified from evidence: ok',
    ]);
    expect(errors(o.commands)).toEqual(['::error title=lynx gate 03 · ana · grp > k2::child broke']);
  });

  it('a failing alternative of an any that passed is not a failure', () => {
    const flat = leaves([
      {
        id: 'either',
        kind: 'any',
        title: 't',
        status: 'pass',
        message: 'one passed',
        children: [
          { id: 'x', kind: 'file', title: 't', status: 'fail', message: 'no x' },
          { id: 'y', kind: 'file', title: 't', status: 'pass', message: 'y' },
        ],
      },
    ]);
    expect(flat.map((c) => [c.id, c.status])).toEqual([
      ['either > x', 'skipped'],
      ['either > y', 'pass'],
    ]);
  });
});

describe('job summary', () => {
  const evil = ['a </table> b', 'an <img src=x onerror=alert(1)> c', 'a | pipe', 'a\nnew line'];
  const results = [
    gate(
      evil
        .map((reason, i): Check => ({
          id: `w${i}`,
          kind: 'attest',
          title: 't',
          status: 'skipped',
          message: 'x',
          waived: reason,
        }))
        .concat([
          { id: 'at', kind: 'attest', title: 't', status: 'pass', message: 'ok', attested: true },
          failingCheck(1),
        ]),
    ),
    gate([{ id: 'p', kind: 'file', title: 't', status: 'pass', message: 'ok' }], { phase: 4, status: 'pass' }),
  ];
  const md = markdown(results);

  it('starts with the totals line', () => {
    expect(md.split('\n')[0]).toBe('**lynx gate: 2 phase(s), 1 passed, 1 failed, 4 waived, 1 attested**');
  });

  it('collapses each phase in <details>', () => {
    expect(md.match(/<details><summary>Phase 0[34] · ana · (FAIL|PASS)<\/summary>/g)).toHaveLength(2);
    expect(md.match(/<\/details>/g)).toHaveLength(2);
  });

  it('escapes </table>, <img>, | and newlines: every row stays one row of three cells', () => {
    expect(md).not.toMatch(/<\/table>|<img/);
    const rows = md.split('\n').filter((l) => l.startsWith('| w'));
    expect(rows).toHaveLength(4);
    // a row of three cells has exactly four unescaped pipes
    for (const r of rows) expect(r.split('|')).toHaveLength(5);
    expect(rows[0]).toContain('a &lt;/table&gt; b');
    expect(rows[3]).toContain('waived: a new line');
  });
});
