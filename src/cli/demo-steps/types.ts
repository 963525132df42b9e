/** A demo step: one lynx command (or a learner action) run in the demo workspace, in ritual order. */
export interface DemoEnv {
  /** The demo workspace (a real git repository). */
  dir: string;
  learner: string;
}

export interface DemoStepDef {
  title: string;
  /** What a person would type. */
  command: string;
  run: (env: DemoEnv) => Promise<{ ok: boolean; output: string }>;
}
