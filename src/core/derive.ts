/** `lynx derive TOPIC`: a derivation page in the phase's theory/ folder, numbered after the pages there. Pure. */
import { UsageError } from './errors.js';

export function slugify(topic: string): string {
  const s = topic
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  if (s === '')
    throw new UsageError(`"${topic}" has no letters or digits to name a page with`, {
      hint: 'e.g. lynx derive "softmax gradient"',
    });
  return s;
}

/** The next free two-digit number after the pages already in theory/ (00-motivation.md → 01). */
export function nextNumber(existing: readonly string[]): string {
  const nums = existing
    .map((f) => /^(\d+)-/.exec(f)?.[1])
    .filter((x): x is string => x !== undefined)
    .map(Number);
  const next = nums.length === 0 ? 0 : Math.max(...nums) + 1;
  return String(next).padStart(2, '0');
}

/** A page on the same topic already there, whatever its number. */
export const sameTopic = (existing: readonly string[], slug: string): string | undefined =>
  existing.find((f) => f.replace(/^\d+-/, '').replace(/\.md$/, '') === slug);

/**
 * The theory pages the curriculum itself names for a phase (read order, lab prerequisites, notes):
 * `theory/04-manifest-anatomy.md` is the curriculum's even when the workspace has no docs yet, so a
 * derivation must be numbered after it, not given 04 too.
 */
export function curriculumTheoryPages(phaseData: unknown): string[] {
  const text = JSON.stringify(phaseData);
  return [...new Set([...text.matchAll(/theory\/(\d+-[A-Za-z0-9_.-]+?\.md)/g)].map((m) => m[1] ?? ''))]
    .filter(Boolean)
    .sort();
}
