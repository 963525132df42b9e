/** What `lynx validate --breaks` returns: per break, whether its edit applies and its symptom is detectable. */
export interface BreakCheck {
  phase: number;
  id: string;
  status: 'detectable' | 'not-detectable' | 'edit-does-not-apply' | 'not-observable' | 'skipped';
  reason: string;
  files?: { path: string; lines: number[] }[];
  observe?: { text: string; baseline_exit: number | null | undefined; mutant_exit: number | null | undefined }[];
  restored?: boolean;
}

export interface BreaksReport {
  schema_version: 1;
  workspace: string;
  ok: boolean;
  checked: number;
  breaks: BreakCheck[];
}

/** `lynx validate --breaks` alone: every exact-edit break started, observed and restored on the labs' files. */
export interface SelfTestCase {
  phase: number;
  id: string;
  status: 'pass' | 'fail' | 'no-exact-edit';
  reason: string;
  files?: { path: string; mutant_differs: boolean; restored_byte_exact: boolean }[];
  /** Each observe step: ran (exit code), or skipped and why; fallback marks the test recipe. */
  observe?: { text: string; action: string; exit_code?: number | null; reason?: string; fallback?: boolean }[];
}

export interface SelfTestReport {
  schema_version: 1;
  mode: 'self-test';
  ok: boolean;
  exact: number;
  passed: number;
  guided: number;
  cases: SelfTestCase[];
}
