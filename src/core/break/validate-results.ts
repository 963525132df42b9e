/** What `lynx validate --breaks` returns: per break, whether its edit applies and its symptom is detectable. */
export interface BreakCheck {
  phase: number; id: string;
  status: 'detectable' | 'not-detectable' | 'edit-does-not-apply' | 'not-observable' | 'skipped';
  reason: string;
  files?: { path: string; lines: number[] }[];
  observe?: { text: string; baseline_exit: number | null | undefined; mutant_exit: number | null | undefined }[];
  restored?: boolean;
}

export interface BreaksReport { schema_version: 1; workspace: string; ok: boolean; checked: number; breaks: BreakCheck[] }
