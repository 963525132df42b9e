/**
 * Structural invariants over the whole bundled curriculum and quiz banks (issues 3, 4, 5):
 * every phase once, requires acyclic and downward, every DoD item checkable, every break complete,
 * every lab named, 204 quiz questions with keys that exist.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadDataSet, problemLine, type DataSet } from '../../src/io/data-files.js';
import { repoRoot } from '../helpers/cli.js';

let data: DataSet;
beforeAll(async () => {
  data = await loadDataSet(join(repoRoot, 'curriculum'), join(repoRoot, 'quizzes'), repoRoot);
});

const QUESTIONS: Record<number, number> = Object.fromEntries(
  Array.from({ length: 41 }, (_, i) => [i, i >= 33 && i <= 38 ? 4 : i === 39 ? 10 : 5]),
);

describe('bundled curriculum', () => {
  it('validates with no problem (schema + cross-references)', () => {
    expect(data.problems.map(problemLine)).toEqual([]);
  });

  it('has every phase 00–41 exactly once', () => {
    expect(data.phases.map((p) => p.phase.id)).toEqual(Array.from({ length: 42 }, (_, i) => i));
  });

  it('requires point to lower phases only (hence acyclic)', () => {
    for (const { phase } of data.phases)
      for (const r of phase.requires) expect(r, `phase ${phase.id}`).toBeLessThan(phase.id);
    expect(data.phases.filter((p) => p.phase.id > 0 && p.phase.requires.length === 0).map((p) => p.phase.id)).toEqual(
      [],
    );
  });

  it('every DoD item has a check; derived DoDs are marked', () => {
    for (const { phase } of data.phases) {
      expect(phase.dod.length, `phase ${phase.id}`).toBeGreaterThan(0);
      for (const d of phase.dod) expect(d.check.kind, `${phase.id}/${d.id}`).toBeTruthy();
    }
    for (const id of [5, 17, 32]) expect(data.phases[id]?.phase.dod_source, `phase ${id}`).toBe('derived');
  });

  it('every break has a target (or described steps), an observe step, a hidden cause and hints', () => {
    for (const { phase } of data.phases) {
      if (phase.id <= 40) expect(phase.breaks.length, `phase ${phase.id} has a break`).toBeGreaterThan(0);
      for (const b of phase.breaks) {
        const where = `${phase.id}/${b.id}`;
        const hasSteps = (b.manual_steps?.length ?? 0) > 0;
        expect(b.targets.length > 0 || hasSteps, where).toBe(true);
        for (const t of b.targets)
          expect(Boolean(t.edit ?? t.description) || hasSteps, `${where} ${t.path}`).toBe(true);
        expect(b.observe.length > 0 || hasSteps, where).toBe(true);
        expect(b.hidden_cause.length, where).toBeGreaterThan(0);
        expect(b.hints.length, where).toBeGreaterThan(0);
      }
    }
  });

  it('every lab has an id, a title and a file', () => {
    for (const { phase } of data.phases) {
      expect(phase.labs.length, `phase ${phase.id}`).toBeGreaterThan(0);
      for (const l of phase.labs) expect(l.id && l.title && l.file, `${phase.id}/${l.id}`).toBeTruthy();
    }
  });

  it('pass thresholds: 70 % everywhere except phase 15 (80 %)', () => {
    for (const { phase } of data.phases)
      expect(phase.quiz.threshold, `phase ${phase.id}`).toBe(phase.id === 15 ? 0.8 : 0.7);
  });
});

describe('bundled quiz banks', () => {
  it("one bank per phase 00–40, linked from its phase, with the text's question counts (204 in all)", () => {
    const byPhase = new Map(data.quizzes.map((q) => [q.bank.phase, q]));
    for (let i = 0; i <= 40; i++) {
      const q = byPhase.get(i);
      expect(q, `phase ${i} bank`).toBeDefined();
      expect(q?.bank.items.length, `phase ${i} count`).toBe(QUESTIONS[i]);
      expect(data.phases[i]?.phase.quiz.file, `phase ${i} quiz.file`).toBe(q?.name);
    }
    expect(byPhase.has(41)).toBe(false);
    expect(data.quizzes.reduce((n, q) => n + q.bank.items.length, 0)).toBe(204);
  });

  it('every choice question keys an option that exists; every item is tagged', () => {
    for (const { bank } of data.quizzes) {
      for (const it of bank.items) {
        expect(it.tags.length, it.id).toBeGreaterThan(0);
        if (it.askable === false) {
          expect(it.not_askable_reason, it.id).toBeTruthy();
          continue;
        }
        const n = it.choices?.length ?? 0;
        if (it.answer_type === 'mcq') expect(it.correct as number, it.id).toBeLessThan(n);
        if (it.answer_type === 'multi') {
          expect((it.correct as number[]).length, it.id).toBeGreaterThan(0);
          for (const c of it.correct as number[]) expect(c, it.id).toBeLessThan(n);
        }
        if (it.answer_type === 'free') expect(it.model_answer, it.id).toBeTruthy();
      }
    }
  });
});
