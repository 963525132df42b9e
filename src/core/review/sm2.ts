/**
 * SM-2 exactly as the curriculum's portal lab specifies it (DIGEST §5.5; curriculum-full.txt
 * L99090-99124, tests L99190-99203) — the Lab 04 variant, not Theory 05's:
 *   q < 3 → repetitions 0, interval 1; else repetitions + 1 and interval 1, 6, then round(interval × EF)
 *   EF ← max(1.3, EF + 0.1 − (5 − q)(0.08 + (5 − q)·0.02)) on every grade, after the interval.
 * The lab is Python, so `round` is Python's: half to even (6.5 → 6, 7.5 → 8), and the EF update keeps
 * Python's order of operations so both give the same doubles.
 */
export interface Sm2State {
  ease: number;
  interval: number;
  reps: number;
}

/** A new card (Lab 04 defaults: interval 0, repetitions 0; EF 2.5). */
export const NEW_CARD: Sm2State = { ease: 2.5, interval: 0, reps: 0 };
export const MIN_EASE = 1.3;

/** The four buttons (Lab 04): quality 1 and 3 are deliberately unreachable. */
export const GRADES = { again: 0, hard: 2, good: 4, easy: 5 } as const;
export type GradeName = keyof typeof GRADES;
export const GRADE_NAMES = Object.keys(GRADES) as GradeName[];

/** Python's round(): ties go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d < 0.5) return f;
  if (d > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}

export function sm2(state: Sm2State, quality: number): Sm2State {
  if (!Number.isInteger(quality) || quality < 0 || quality > 5)
    throw new RangeError(`SM-2 quality must be an integer 0..5, got ${quality}`);
  let { reps, interval } = state;
  if (quality < 3) {
    reps = 0;
    interval = 1;
  } else {
    reps += 1;
    if (reps === 1) interval = 1;
    else if (reps === 2) interval = 6;
    else interval = roundHalfEven(interval * state.ease);
  }
  const ease = Math.max(MIN_EASE, state.ease + 0.1 - (5 - quality) * (0.08 + (5 - quality) * 0.02));
  return { ease, interval, reps };
}
