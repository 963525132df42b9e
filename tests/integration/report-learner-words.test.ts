/**
 * Issue 14.2 and 14.5: PHASE_NN_REPORT.md keeps the learner's words. `report --draft` scaffolds the
 * sections the DoD reads; `report` writes only its marked block; a DoD item that reads the report reads
 * the learner's part, so it fails while the mapping table is missing and passes, table intact, once
 * written. The block lists attestations and labs never run.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';
import { passingWorkspace, commitAll } from '../helpers/gate-fixture.js';

afterAll(cleanup);

interface Gate {
  status: string;
  checks: { id: string; status: string; message: string }[];
  written?: string[];
}
const TABLE = '| concept | code |\n|---|---|\n| addition | src/calc.py add() |\n';

describe("the report keeps the learner's words", () => {
  it(
    "drafts the DoD's section, fails without the table, closes with the table intact and the whole truth in " +
      "lynx's block",
    async () => {
      const dir = passingWorkspace();
      const yaml = join(dir, 'data/curriculum/phase-00-mini/phase.yaml');
      writeFileSync(
        yaml,
        readFileSync(yaml, 'utf8').replace(
          'breaks:\n',
          '  - { id: mapping, text: "The report maps each concept to its code (concept | code table).", check: { ' +
            'kind: grep, path: PHASE_00_REPORT.md, pattern: "^\\\\| *concept *\\\\| *code *\\\\|", min: 1 } ' +
            '}\nbreaks:\n',
        ),
      );
      commitAll(dir, 'add a DoD item that reads the report');

      const d = await lynxIn(['report', '00', '--draft', '--json'], { cwd: dir });
      expect(d.code, d.stderr).toBe(0);
      expect(JSON.parse(d.stdout)).toMatchObject({ file: 'PHASE_00_REPORT.md', added: ['mapping'] });
      const draft = readFileSync(join(dir, 'PHASE_00_REPORT.md'), 'utf8');
      expect(draft).toContain('## For DoD item 1');
      commitAll(dir, 'report draft');

      const r1 = await lynxIn(['report', '00', '--json'], { cwd: dir });
      const g1 = JSON.parse(r1.stdout) as Gate;
      expect(r1.code).toBe(1);
      expect(g1.checks.find((c) => c.id === 'mapping')?.status).toBe('fail');
      expect(readFileSync(join(dir, 'PHASE_00_REPORT.md'), 'utf8')).toBe(draft);

      const mine = `${draft.trimEnd()}\n\n${TABLE}\nMy own closing words.\n`;
      writeFileSync(join(dir, 'PHASE_00_REPORT.md'), mine);
      commitAll(dir, 'write the mapping table');
      const r2 = await lynxIn(['report', '00', '--json'], { cwd: dir });
      const g2 = JSON.parse(r2.stdout) as Gate;
      expect(
        g2.checks.filter((c) => c.status !== 'pass' && c.status !== 'warn').map((c) => `${c.id}: ${c.message}`),
      ).toEqual([]);
      expect(r2.code).toBe(0);
      const closed = readFileSync(join(dir, 'PHASE_00_REPORT.md'), 'utf8');
      expect(closed.startsWith(mine)).toBe(true);
      const block = closed.slice(mine.length);
      expect(block).toMatch(/^\n?<!-- lynx:report:begin -->\n## Gate record \(written by lynx\)/);
      expect(block.trimEnd().endsWith('<!-- lynx:report:end -->')).toBe(true);
      expect(block).toContain('| `mapping` |');
      expect(block).toMatch(/Passed by a person's attestation[^\n]*\n {2}- `explain`/);
      expect(block).toMatch(/Labs never run[^\n]*\n {2}- lab 00 — Check lab/);

      // the gate's grep reads the learner's part only: lynx's block quoting the item text is not enough
      const noTable = closed.replace(TABLE, '');
      writeFileSync(join(dir, 'PHASE_00_REPORT.md'), noTable);
      expect(noTable).toContain('concept | code');
      commitAll(dir, 'remove the table after closing');
      const g3 = JSON.parse((await lynxIn(['gate', '00', '--json'], { cwd: dir })).stdout) as Gate;
      expect(g3.checks.find((c) => c.id === 'mapping')?.status).toBe('fail');
    },
  );
});
