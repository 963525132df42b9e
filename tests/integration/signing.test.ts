import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { cleanup, lynx, tempDir, git } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';
import { passingWorkspace, commitAll, recordAttempt } from '../helpers/gate-fixture.js';
import { sha256 } from '../../src/core/attempts.js';

afterAll(cleanup);

describe("attested phases: the checkpoint digest signed with the learner's SSH key", () => {
  it('report signs (status attested), gate verifies, a forged signature fails, a job summary is written', async () => {
    const dir = passingWorkspace();
    const keys = tempDir();
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'ana@example.invalid', '-f', join(keys, 'id')]);
    const pub = readFileSync(join(keys, 'id.pub'), 'utf8').trim();
    writeFileSync(join(dir, 'allowed_signers'), `ana@example.invalid ${pub}\n`);
    writeFileSync(
      join(dir, 'lynx.yaml'),
      `schema_version: 1\nlearner: ana\ncurriculum: data/curriculum\nquizzes: data/quizzes\nsigning:\n  ` +
        `enabled: true\n  key: ${join(keys, 'id')}\n  allowed_signers: allowed_signers\n`,
    );
    commitAll(dir, 'signing');
    const r = await lynxIn(['report', '00'], { cwd: dir });
    expect(r.stdout + r.stderr).toContain('Phase 00 closed');
    expect(r.code).toBe(0);
    const cpFile = join(dir, 'learners/ana/phase-00/checkpoint.json');
    const cp = JSON.parse(readFileSync(cpFile, 'utf8')) as { status: string; signature: string };
    expect(cp.status).toBe('attested');
    expect(cp.signature).toContain('-----BEGIN SSH SIGNATURE-----');
    commitAll(dir, 'close');
    const summary = join(tempDir(), 'summary.md');
    writeFileSync(summary, '');
    const g = lynx(['gate', '00', '--json'], {
      cwd: dir,
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    });
    const gj = JSON.parse(g.stdout.slice(g.stdout.indexOf('{'))) as {
      checks: { id: string; status: string; message: string }[];
    };
    expect(gj.checks.find((c) => c.id === 'closure:signature')).toMatchObject({ status: 'pass' });
    expect(g.code).toBe(0);
    expect(readFileSync(summary, 'utf8')).toContain('<details><summary>Phase 00 · ana · PASS</summary>');

    // a signature by another key (or over another digest) does not verify
    const other = tempDir();
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(other, 'id')]);
    const forged = execFileSync('ssh-keygen', ['-Y', 'sign', '-q', '-f', join(other, 'id'), '-n', 'lynx-checkpoint'], {
      input: 'x',
    }).toString();
    writeFileSync(cpFile, JSON.stringify({ ...cp, signature: forged.trim() }, null, 2));
    commitAll(dir, 'forge');
    const bad = await lynxIn(['gate', '00'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('closure:signature');
    expect(git(dir, 'status', '--porcelain')).toBe('');

    // signatures that bind (issue 15): the digest is recomputed from what is committed now, so a valid old
    // signature does not cover an edited report whose report_sha256 was updated, nor an appended attempt
    const sigOf = (): { ok: boolean; message: string } => {
      const out = lynx(['gate', '00', '--json'], { cwd: dir });
      const c = (JSON.parse(out.stdout) as { checks: { id: string; status: string; message: string }[] }).checks.find(
        (x) => x.id === 'closure:signature',
      );
      return { ok: out.code === 0 && c?.status === 'pass', message: c?.message ?? '' };
    };
    writeFileSync(cpFile, JSON.stringify(cp, null, 2));
    commitAll(dir, 'the genuine signature back');
    expect(sigOf().ok).toBe(true);
    const repFile = join(dir, 'PHASE_00_REPORT.md');
    const rep = `${readFileSync(repFile, 'utf8')}\nI also did everything else.\n`;
    writeFileSync(repFile, rep);
    writeFileSync(cpFile, JSON.stringify({ ...cp, report_sha256: sha256(rep) }, null, 2));
    commitAll(dir, 'edit the report and its recorded sha');
    expect(sigOf().ok).toBe(false);
    git(dir, 'revert', '--no-edit', 'HEAD');
    expect(sigOf().ok).toBe(true);
    recordAttempt(dir, 1, '2026-11-30T10:00:00.000Z');
    commitAll(dir, 'a forged attempt appended');
    expect(sigOf().ok).toBe(false);
  });
});
