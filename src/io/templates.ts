/** lynx's own templates (templates/*.md in the package), rendered with mustache by the caller. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnvError } from '../core/errors.js';
import { packageRoot } from './pkg.js';

export function readTemplate(name: string): string {
  const file = join(packageRoot(), 'templates', name);
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new EnvError(`lynx template missing: ${file}`, {
      cause: err,
      hint: 'Reinstall lynx: its templates/ folder is incomplete.',
    });
  }
}
