/** How a DoD check will be judged, in words, for the plan's §6 (each kind's `phrase`). */
import type { Check } from '../schemas/generated/types.js';
import { engine } from './checks/registry.js';

export function describeCheck(c: Check, expand: (p: string) => string, nn: string, item: string): string {
  return engine.phrase(c, { expand, nn, item });
}
