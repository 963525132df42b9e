/** Phase numbers, learner names and the paths built from them: small, pure, shared everywhere. */
import { UsageError } from './errors.js';

export const PHASE_COUNT = 42;
export const LEARNER_RE = /^[a-z][a-z0-9_-]{1,30}$/;

export const nn = (n: number): string => String(n).padStart(2, '0');

/** `7`, `07` → 7. Anything else (or out of 0..41) is a usage error. */
export function parsePhase(arg: string): number {
  const s = arg.trim();
  if (!/^\d{1,2}$/.test(s))
    throw new UsageError(`"${arg}" is not a phase number — expected 0 to 41 (7 and 07 both work)`);
  const n = Number(s);
  if (n >= PHASE_COUNT) throw new UsageError(`unknown phase ${arg} — phases run from 00 to 41`);
  return n;
}

export function assertLearner(name: string, source: string): string {
  if (!LEARNER_RE.test(name)) {
    throw new UsageError(`invalid learner name "${name}" (from ${source})`, {
      hint: 'A learner name is a path segment: a lowercase letter, then 1–30 of a-z, 0-9, _ or - (e.g. borja, ana-2).',
    });
  }
  return name;
}

/** Substitute {learner}, {docs}, {nn} in a curriculum path. */
export function expandPath(p: string, vars: { learner: string; docs: string; nn: string }): string {
  return p.replace(/\{(learner|docs|nn)\}/g, (_m, k: 'learner' | 'docs' | 'nn') => vars[k]);
}

/** A workspace-relative path that stays inside the workspace. */
export function isInside(rel: string): boolean {
  const norm = rel.replace(/\\/g, '/');
  if (norm.startsWith('/') || /^[A-Za-z]:/.test(norm)) return false;
  let depth = 0;
  for (const seg of norm.split('/')) {
    if (seg === '..') depth--;
    else if (seg !== '.' && seg !== '') depth++;
    if (depth < 0) return false;
  }
  return true;
}

export const phaseStateDir = (learner: string, phase: number): string => `learners/${learner}/phase-${nn(phase)}`;
export const checkpointPath = (learner: string, phase: number): string =>
  `${phaseStateDir(learner, phase)}/checkpoint.json`;
