/**
 * vitest globalSetup: one temporary directory for the whole run, shared by every test file (each
 * file is its own process, so a fixture built once per run lives on disk there — see
 * ./shared-demo.ts). Removed when the run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    runRoot: string;
  }
}

export default function setup(project: TestProject): () => void {
  const root = mkdtempSync(join(tmpdir(), 'lynx-run-'));
  project.provide('runRoot', root);
  return () => rmSync(root, { recursive: true, force: true });
}
