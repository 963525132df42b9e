import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { junit } from '../../src/ui/reporters/junit.js';
import type { GateResult } from '../../src/schemas/generated/types.js';
import { repoRoot } from '../helpers/cli.js';

const xsd = readFileSync(join(repoRoot, 'tests/fixtures/junit-10.xsd'), 'utf8');

const result: GateResult = {
  schema_version: 1,
  lynx_version: '0.1.0',
  phase: 7,
  learner: 'ana',
  started_at: '2026-11-25T10:00:00.000Z',
  finished_at: '2026-11-25T10:00:03.500Z',
  head_sha: 'a'.repeat(40),
  status: 'fail',
  checks: [
    { id: 'ok', kind: 'file', title: 'a file', status: 'pass', message: 'fine', duration_ms: 3 },
    {
      id: 'bad',
      kind: 'manifest',
      title: 'loss < 0.5 & "clean" <run>',
      status: 'fail',
      message: 'experiments/07-x/manifest.json: git_dirty is true',
      evidence: ['experiments/07-x/manifest.json'],
      log: 'tail\u0007 with a control char',
    },
    { id: 'err', kind: 'command', title: '`just test`', status: 'error', message: 'command not found: uv' },
    { id: 'skip', kind: 'command', title: 'dep', status: 'skipped', message: 'depends on bad' },
    { id: 'w', kind: 'attest', title: 'waived', status: 'skipped', message: 'waived', waived: 'no GPU' },
  ],
};

describe('JUnit output', () => {
  it('validates against the JUnit schema and counts each outcome', async () => {
    const xml = junit([result, { ...result, phase: 8, status: 'pass', checks: [result.checks[0]!] }]);
    const v = await validateXML({
      xml: [{ fileName: 'gate.xml', contents: xml }],
      schema: [{ fileName: 'junit-10.xsd', contents: xsd }],
    });
    expect(v.errors).toEqual([]);
    expect(v.valid).toBe(true);
    expect(xml).toContain(
      '<testsuite name="phase-07 (ana)" tests="5" failures="1" errors="1" skipped="2" time="3.500"',
    );
    expect(xml).toContain('name="bad: loss &lt; 0.5 &amp; &quot;clean&quot; &lt;run&gt;"');
    expect(xml).toContain('<skipped message="waived: no GPU"/>');
    expect(xml).not.toContain('\u0007');
  });

  it(
    'flattens nested checks, puts the learner in classname, ' + 'the log tail in system-out, the file where known',
    async () => {
      const log = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n');
      const nested: GateResult = {
        ...result,
        checks: [
          {
            id: 'grp',
            kind: 'all',
            title: 'both',
            status: 'fail',
            message: 'a child failed',
            children: [
              {
                id: 'cmd',
                kind: 'command',
                title: '`just test`',
                status: 'fail',
                message: 'exit 1',
                log,
                evidence: ['src/train.py:12'],
              },
              { id: 'f', kind: 'file', title: 'notes', status: 'pass', message: 'ok' },
            ],
          },
        ],
      };
      const bo = { ...nested, learner: 'bo' };
      const xml = junit([nested, bo], (rel) => rel === 'src/train.py');
      const v = await validateXML({
        xml: [{ fileName: 'gate.xml', contents: xml }],
        schema: [{ fileName: 'junit-10.xsd', contents: xsd }],
      });
      expect(v.errors).toEqual([]);
      expect(xml).toContain('<testsuites name="lynx gate" tests="4" failures="2" errors="0">');
      expect(xml).toContain('<testcase classname="lynx.ana.phase07" name="grp &gt; cmd: `just test`"');
      expect(xml).toContain('<testcase classname="lynx.bo.phase07" name="grp &gt; f: notes"');
      expect(xml).toContain('<system-out>file: src/train.py:12\n--- log (last 40 lines) ---\nline 60\n');
      expect(xml).toContain('line 99</system-out>');
      expect(xml).not.toContain('line 59\n');
      expect(xml).toContain('file="learners/ana/phase-07"');
      // a file that does not exist in the workspace is not named
      expect(junit([nested])).not.toContain('file: src/train.py');
    },
  );
});
