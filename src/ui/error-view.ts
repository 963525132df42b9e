/** One clear message per user error; stacks only with LYNX_DEBUG=1. */
import { LynxError } from '../core/errors.js';
import type { Theme } from './theme.js';

const MAX_DETAILS = 20;

export function renderError(err: unknown, t: Theme, debug: boolean): string {
  const lines: string[] = [];
  if (err instanceof LynxError) {
    lines.push(`${t.bad('lynx: error:')} ${err.message}`);
    const shown = err.details.slice(0, MAX_DETAILS);
    for (const d of shown) lines.push(`  ${d}`);
    if (err.details.length > shown.length) lines.push(t.dim(`  … and ${err.details.length - shown.length} more`));
    if (err.hint) lines.push(t.dim(`hint: ${err.hint}`));
  } else {
    const msg = err instanceof Error ? err.message : String(err);
    lines.push(`${t.bad('lynx: internal error:')} ${msg}`);
    if (!debug) lines.push(t.dim('hint: this is a bug in lynx; run again with LYNX_DEBUG=1 to see the stack trace.'));
  }
  if (debug && err instanceof Error && err.stack) lines.push(t.dim(err.stack));
  return lines.join('\n');
}

export function errorJson(err: unknown): string {
  if (err instanceof LynxError) {
    return JSON.stringify(
      {
        error: {
          message: err.message,
          exit_code: err.exitCode,
          kind: err.name,
          details: err.details,
          ...(err.hint ? { hint: err.hint } : {}),
        },
      },
      null,
      2,
    );
  }
  return JSON.stringify(
    {
      error: {
        message: err instanceof Error ? err.message : String(err),
        exit_code: 3,
        kind: 'InternalError',
        details: [],
      },
    },
    null,
    2,
  );
}
