/** A demo step: one lynx command (or a learner action) run in the demo workspace, in ritual order. */
export type { DemoEnv, DemoStepDef } from '../../core/results.js';
