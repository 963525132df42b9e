/** The ritual, in order: open the workspace, plan and run the phase, quiz, break, then close it. */
import type { DemoStepDef } from './types.js';
import { steps as baseSteps } from './base.js';
import { steps as lifecycleSteps } from './lifecycle.js';
import { steps as quizSteps } from './quiz.js';
import { steps as breakSteps } from './break.js';
import { steps as gatekeeperSteps } from './gatekeeper.js';

export const demoSteps: readonly DemoStepDef[] = [
  ...baseSteps,
  ...lifecycleSteps,
  ...quizSteps,
  ...breakSteps,
  ...gatekeeperSteps,
];
