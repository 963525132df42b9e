/** `--jobs N`: how many command checks run at once; none = the machine's cores (io/check-context). */
import { UsageError } from '../core/errors.js';

export function parseJobs(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^[1-9]\d{0,3}$/.test(v.trim()))
    throw new UsageError(`--jobs expects a whole number from 1 to 9999, got "${v}"`);
  return Number(v.trim());
}
