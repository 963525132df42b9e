import { describe, expect, it } from 'vitest';
import { phaseRules, quizRules, type PhaseEntry, type QuizEntry } from '../../src/core/curriculum-rules.js';
import type { Phase, QuizBank } from '../../src/schemas/generated/types.js';

function phase(id: number, requires: number[] = [], extra: Partial<Phase> = {}): PhaseEntry {
  const p: Phase = {
    schema_version: 1,
    id,
    slug: `p${id}`,
    title: `P${id}`,
    requires,
    teaches: [],
    goal: 'g',
    read_order: [],
    labs: [],
    breaks: [],
    dod: [{ id: 'x', text: 'x', check: { kind: 'git-clean' } }],
    quiz: { threshold: 0.7 },
    ...extra,
  };
  return { file: `phase-${id}.yaml`, dir: `phase-${String(id).padStart(2, '0')}-p${id}`, phase: p };
}

describe('phase cross-references', () => {
  it('accepts a clean chain', () => {
    expect(phaseRules([phase(0), phase(1, [0]), phase(2, [0, 1])], [])).toEqual([]);
  });
  it('requires must point to lower, existing phases', () => {
    const ms = phaseRules([phase(0, [1]), phase(1), phase(3, [2])], []).map((p) => p.message);
    expect(ms).toContain('requires must point to lower phases — 01 is not below 00');
    expect(ms).toContain('requires phase 02, which does not exist');
  });
  it('finds duplicate ids, unknown depends_on, escaping paths and missing quiz files', () => {
    const e = phase(0, [], {
      dod: [
        { id: 'a', text: 'a', check: { kind: 'file', path: '../outside.md' } },
        { id: 'a', text: 'b', check: { kind: 'git-clean' }, depends_on: ['zzz'] },
      ],
      quiz: { file: 'missing.yaml', threshold: 0.7 },
    });
    const ms = phaseRules([e], []).map((p) => p.message);
    expect(ms).toEqual(
      expect.arrayContaining([
        'duplicate DoD item id "a"',
        'depends on unknown DoD item "zzz"',
        'path escapes the workspace: ../outside.md',
        'quiz file missing.yaml not found',
      ]),
    );
  });
  it('a directory must match id and slug', () => {
    const e = { ...phase(4), dir: 'phase-05-p4' };
    expect(phaseRules([e], [])[0]?.message).toBe('directory is phase-05-p4 but id/slug say phase-04-p4');
  });
});

describe('quiz cross-references', () => {
  const bank = (items: QuizBank['items']): QuizEntry => ({
    file: 'q.yaml',
    name: 'q.yaml',
    bank: { phase: 3, slug: 's', title_en: 't', items },
  });
  it('catches out-of-range keys, foreign ids and duplicates', () => {
    const ms = quizRules([
      bank([
        { id: 'q-03-01', answer_type: 'mcq', prompt_en: 'p', choices: ['a', 'b'], correct: 2, tags: ['t'] },
        { id: 'q-04-01', answer_type: 'multi', prompt_en: 'p', choices: ['a', 'b'], correct: [0, 5], tags: ['t'] },
        { id: 'q-03-01', answer_type: 'short', prompt_en: 'p', correct: ['x'], tags: ['t'] },
      ]),
    ]).map((p) => p.message);
    expect(ms).toEqual(
      expect.arrayContaining([
        'correct index 2 is out of range (2 choices, 0-based)',
        'id q-04-01 does not belong to phase 03',
        'correct index 5 is out of range (2 choices, 0-based)',
        'duplicate question id q-03-01 (also in q.yaml)',
      ]),
    );
  });
  it('skips not-askable items', () => {
    expect(
      quizRules([
        bank([
          {
            id: 'q-03-02',
            answer_type: 'multi',
            prompt_en: 'p',
            tags: ['t'],
            askable: false,
            not_askable_reason: 'no options in the text',
          },
        ]),
      ]),
    ).toEqual([]);
  });
});
