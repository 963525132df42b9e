import { describe, expect, it } from 'vitest';
import { admits, policyOf, DEFAULT_POLICY } from '../../src/core/policy.js';
import { principals, teacherPrincipals } from '../../src/io/allowed-signers.js';

describe('trust policy and roles', () => {
  it('defaults to self-service; lynx.yaml overrides field by field', () => {
    expect(policyOf({})).toEqual(DEFAULT_POLICY);
    expect(policyOf({ policy: { waivers: 'teacher' } })).toMatchObject({ waivers: 'teacher', attest: 'self' });
  });
  it('teacher-only records need a teacher signature; none refuses every waiver', () => {
    const teachers = new Set(['bo@school']);
    const p = policyOf({ policy: { waivers: 'teacher', attest: 'teacher' } });
    expect(admits(p, 'waive', { by: 'ana' }, teachers)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/unsigned/) as unknown,
    });
    expect(admits(p, 'attest', { by: 'ana', signed_by: 'ana@home' }, teachers)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not in the allowed-signers/) as unknown,
    });
    expect(admits(p, 'attest', { by: 'bo', signed_by: 'bo@school' }, teachers)).toEqual({ ok: true });
    expect(
      admits(policyOf({ policy: { waivers: 'none' } }), 'waive', { by: 'bo', signed_by: 'bo@school' }, teachers).ok,
    ).toBe(false);
    expect(admits(DEFAULT_POLICY, 'waive', { by: 'ana' }, teachers)).toEqual({ ok: true });
  });
  it('reads the principals of an allowed-signers file', () => {
    const text =
      '# teachers\nbo@school ssh-ed25519 AAAA\n"cy@school",dee@school namespaces="lynx-checkpoint" ssh-ed25519 ' +
      'BBBB\n\n';
    expect([...principals(text)]).toEqual(['bo@school', 'cy@school', 'dee@school']);
    // a key restricted to the checkpoint namespace (the learner's) is not a teacher's
    expect([...teacherPrincipals(text)]).toEqual(['bo@school']);
    expect([...teacherPrincipals('ed@school namespaces="lynx-checkpoint,lynx-record" ssh-ed25519 CCCC\n')]).toEqual([
      'ed@school',
    ]);
  });
});
