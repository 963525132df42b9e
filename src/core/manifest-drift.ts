/**
 * The manifest-diff helper's output (Phase 0 Lab 04, DIGEST §3.4) and the time side of a manifest's
 * provenance. Pure: the caller reads the files and asks git.
 */
import { CATEGORIES, type Category, type DiffLine } from './manifest.js';

/** Within VERSIONS, HARDWARE and ENV the category names the group, so `versions.numpy` prints as `numpy`. */
const PREFIX: Partial<Record<Category, string>> = { VERSIONS: 'versions.', HARDWARE: 'hardware.', ENV: 'env.' };

export function displayKey(l: DiffLine): string {
  const prefix = PREFIX[l.category];
  return prefix !== undefined && l.key.startsWith(prefix) ? l.key.slice(prefix.length) : l.key;
}

/** `[VERSIONS] numpy: 2.0.1 -> 2.0.2` lines in category order, then the categories with no difference. */
export function renderDiff(lines: readonly DiffLine[], quiet: boolean): string[] {
  const out = lines.map((l) => `[${l.category}] ${displayKey(l)}: ${l.a} -> ${l.b}`);
  const same = CATEGORIES.filter((c) => !lines.some((l) => l.category === c));
  if (!quiet && same.length > 0) out.push(`(no differences in ${same.join(', ')})`);
  return out;
}

/** CODE or VERSIONS drift fails (the helper is "usable as a CI gate"); the rest is information. */
export const GATING: readonly Category[] = ['CODE', 'VERSIONS'];
export const driftFails = (lines: readonly DiffLine[]): boolean => lines.some((l) => GATING.includes(l.category));

// ISO-8601 date-time with an explicit zone: the text asks for "started_at (ISO-8601 UTC)" (L3649).
const ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function parseTimestamp(v: unknown): number | string {
  if (typeof v !== 'string') return `is ${JSON.stringify(v)}, not an ISO-8601 string`;
  if (!ISO.test(v))
    return /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(v)
      ? `"${v}" has no time zone (expected UTC, e.g. ${v}Z)`
      : `"${v}" is not an ISO-8601 date-time`;
  const t = Date.parse(v.replace(' ', 'T'));
  return Number.isNaN(t) ? `"${v}" is not a valid date-time` : t;
}

/**
 * Timestamps parse, finish is not before start, and wall_seconds agrees with them. Timestamps are
 * often whole seconds, so the tolerance is 1.5 s plus 5 % of the span.
 */
export function timeProblems(doc: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const times: Partial<Record<'started_at' | 'finished_at', number>> = {};
  for (const k of ['started_at', 'finished_at'] as const) {
    if (!(k in doc)) continue;
    const t = parseTimestamp(doc[k]);
    if (typeof t === 'string') problems.push(`${k} ${t}`);
    else times[k] = t;
  }
  const { started_at: s, finished_at: f } = times;
  if (s !== undefined && f !== undefined) {
    if (f < s) problems.push('finished_at is before started_at');
    const wall = doc.wall_seconds;
    if (typeof wall === 'number' && f >= s) {
      const span = (f - s) / 1000;
      const tol = 1.5 + 0.05 * span;
      if (Math.abs(wall - span) > tol)
        problems.push(
          `wall_seconds ${wall} disagrees with finished_at − started_at = ${span} s (tolerance ${tol.toFixed(1)} s)`,
        );
    }
  }
  return problems;
}
