/**
 * lynx manifest diff A B: the curriculum's manifest-diff helper (Phase 0 Lab 04): flattened keys
 * grouped CODE > VERSIONS > HARDWARE > ENV > TIME > OTHER, `<missing>` for absent keys.
 * Exit 1 on CODE or VERSIONS drift, 0 otherwise, 2 when a file cannot be read.
 */
import { resolve } from 'node:path';
import { InputError } from '../core/errors.js';
import { CATEGORIES, diffManifests } from '../core/manifest.js';
import type { DiffResult } from '../core/manifest-results.js';
import { driftFails } from '../core/manifest-drift.js';
import { loadJsonFile } from '../io/yaml.js';

function readManifest(cwd: string, path: string): unknown {
  const loaded = loadJsonFile(resolve(cwd, path), path);
  if (loaded.data === null || typeof loaded.data !== 'object' || Array.isArray(loaded.data)) {
    throw new InputError(
      `${path}: expected a JSON object (a manifest) — found ` +
        `${Array.isArray(loaded.data) ? 'an array' : JSON.stringify(loaded.data)}`,
      { pos: { file: path } },
    );
  }
  return loaded.data;
}

export function manifestDiff(opts: { cwd: string; a: string; b: string }): DiffResult {
  const lines = diffManifests(readManifest(opts.cwd, opts.a), readManifest(opts.cwd, opts.b));
  return {
    schema_version: 1,
    a: opts.a,
    b: opts.b,
    differences: lines,
    no_differences_in: CATEGORIES.filter((c) => !lines.some((l) => l.category === c)),
    drift: driftFails(lines),
  };
}
