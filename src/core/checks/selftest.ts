/**
 * Every DoD check can pass and can fail, proven (DESIGN §8 "honest gates"): for each item, the
 * kind's fixture generator builds a workspace that satisfies it and one that violates it, and the
 * real engine must judge them pass and fail. A check no generator can satisfy (or violate) is a
 * curriculum error: the build and `lynx validate --checks` report it.
 */
import type { Phase } from '../../schemas/generated/types.js';
import type { RuleProblem } from '../curriculum-rules.js';
import { engine } from './registry.js';
import { World } from './world.js';

export interface SelfTest {
  items: number;
  checks: number;
  problems: RuleProblem[];
}

const leaves = (c: { kind: string; of?: unknown[] }): number =>
  c.of ? (c.of as { kind: string; of?: unknown[] }[]).reduce((n, x) => n + leaves(x), 0) : 1;

export async function selfTest(entries: readonly { file: string; phase: Phase }[]): Promise<SelfTest> {
  const problems: RuleProblem[] = [];
  let items = 0;
  let checks = 0;
  for (const { file, phase } of entries) {
    for (const [i, item] of phase.dod.entries()) {
      items++;
      checks += leaves(item.check);
      for (const want of ['pass', 'fail'] as const) {
        const w = new World(phase, item.id);
        let status: string;
        let message: string;
        try {
          engine.fixture(item.check, w, want);
          const r = await engine.evaluate(item.check, w.context(), item.id);
          status = r.status;
          message = r.message;
        } catch (e) {
          status = 'error';
          message = (e as Error).message;
        }
        const ok = want === 'pass' ? status === 'pass' : status === 'fail';
        if (!ok)
          problems.push({
            file,
            pointer: `/dod/${i}/check`,
            message:
              `${item.id}: ${want === 'pass' ? 'no workspace satisfies this check' : 'this check cannot fail'} — ` +
              `the generated ${want} fixture was judged ${status}: ${message}`,
          });
      }
    }
  }
  return { items, checks, problems };
}
