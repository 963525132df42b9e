/**
 * Experiment manifests (source/DIGEST §3): the small required core and the curriculum's drift
 * categories. Pure: the caller reads the files.
 */
import { validateManifest } from '../schemas/generated/manifest.validator.js';
import { pointerToPath } from './schema-errors.js';

export function manifestProblems(doc: unknown): string[] {
  if (validateManifest(doc)) return [];
  return (validateManifest.errors ?? []).map((e) => {
    const where = pointerToPath(e.instancePath);
    if (e.keyword === 'required')
      return `missing required field "${String((e.params as { missingProperty: string }).missingProperty)}"`;
    return `${where}: ${e.message ?? e.keyword}`;
  });
}

/** Drift categories in print order, highest drift-causing likelihood first (Phase 0 Lab 04). */
export const CATEGORIES = ['CODE', 'VERSIONS', 'HARDWARE', 'ENV', 'TIME', 'OTHER'] as const;
export type Category = (typeof CATEGORIES)[number];

export function category(key: string): Category {
  if (key === 'git_sha' || key === 'git_dirty') return 'CODE';
  if (key.startsWith('versions.')) return 'VERSIONS';
  if (key.startsWith('hardware.')) return 'HARDWARE';
  if (key.startsWith('env.')) return 'ENV';
  if (key === 'wall_seconds' || key === 'started_at' || key === 'finished_at') return 'TIME';
  return 'OTHER';
}

export function flatten(obj: unknown, prefix = '', out: Map<string, string> = new Map()): Map<string, string> {
  if (obj !== null && typeof obj === 'object' && !Array.isArray(obj)) {
    // an empty object contributes no key: `env: {}` vs `env: {X: 8}` is the one key env.X
    for (const [k, v] of Object.entries(obj as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    out.set(prefix, typeof obj === 'string' ? obj : JSON.stringify(obj));
  }
  return out;
}

export interface DiffLine {
  category: Category;
  key: string;
  a: string;
  b: string;
}

export function diffManifests(a: unknown, b: unknown): DiffLine[] {
  const fa = flatten(a);
  const fb = flatten(b);
  const keys = [...new Set([...fa.keys(), ...fb.keys()])].sort();
  const lines: DiffLine[] = [];
  for (const key of keys) {
    const va = fa.get(key);
    const vb = fb.get(key);
    if (va === vb) continue;
    lines.push({ category: category(key), key, a: va ?? '<missing>', b: vb ?? '<missing>' });
  }
  return lines.sort(
    (x, y) => CATEGORIES.indexOf(x.category) - CATEGORIES.indexOf(y.category) || x.key.localeCompare(y.key),
  );
}
