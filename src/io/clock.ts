/**
 * The time lynx stamps on journal entries. LYNX_NOW (an ISO-8601 instant) pins it, so tests and
 * scripted demos are reproducible across midnight; it is never needed in normal use.
 */
import { UsageError } from '../core/errors.js';

export function now(): Date {
  const pinned = process.env.LYNX_NOW;
  if (pinned === undefined || pinned === '') return new Date();
  const d = new Date(pinned);
  if (Number.isNaN(d.getTime()))
    throw new UsageError(`LYNX_NOW is not an ISO-8601 instant: "${pinned}"`, {
      hint: 'e.g. LYNX_NOW=2026-05-22T19:14:02Z, or unset it',
    });
  return d;
}
