/** What `lynx manifest check` and `lynx manifest diff` return. */
import type { DiffLine } from './manifest.js';

export interface ManifestVerdict {
  path: string;
  status: 'ok' | 'problems' | 'unreadable';
  problems: string[];
  git_sha?: string;
  git_dirty?: boolean;
  wall_seconds?: number;
}

export interface ManifestCheckResult {
  schema_version: 1;
  root: string;
  head: string | null;
  manifests: ManifestVerdict[];
  ok: boolean;
}

export interface DiffResult {
  schema_version: 1;
  a: string;
  b: string;
  differences: DiffLine[];
  no_differences_in: string[];
  drift: boolean;
}
