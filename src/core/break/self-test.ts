/** The self-test's verdict for one break (pure): what start → observe → restore must have shown. */
export interface SelfTestFile {
  path: string;
  mutant_differs: boolean;
  restored_byte_exact: boolean;
}

export function selfTestProblems(files: readonly SelfTestFile[], observeRan: boolean): string[] {
  return [
    ...(files.length === 0 ? ['start journaled no file'] : []),
    ...files.filter((f) => !f.mutant_differs).map((f) => `${f.path}: the mutant equals the original`),
    ...files.filter((f) => !f.restored_byte_exact).map((f) => `${f.path}: not byte-exact after restore`),
    ...(observeRan ? [] : ['no observe command ran']),
  ];
}
