/** Demo steps of the quiz area, run after the workspace is initialised (see src/cli/commands/demo.ts). */
import type { DemoStepDef } from './types.js';

export const steps: DemoStepDef[] = [];
