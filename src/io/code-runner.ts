/**
 * Runs the answer to a `code` quiz item (DIGEST §5.3: "run in the sandbox, compare stdout, 2 s /
 * 64 MB"). A small Python wrapper sets the limits on itself before it executes the learner's code —
 * RLIMIT_AS 64 MB, RLIMIT_CPU 2 s, output files capped — and redirects fds 0/1/2 to files, so the
 * program (and anything it spawns) reads the item's stdin and its stdout is captured exactly.
 * The wall-clock limit and the process-tree kill come from src/io/proc.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeOutcome } from '../core/quiz/grade.js';
import { run } from './proc.js';
import { onPath } from './tools.js';
import { EnvError } from '../core/errors.js';

export const CODE_TIME_LIMIT_MS = 2000;
export const CODE_MEMORY_LIMIT = 64 * 1024 * 1024;

const WRAPPER = `
import os, resource, sys
src, stdin_path, out_path, err_path, mem = sys.argv[1:6]
mem = int(mem)
resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
resource.setrlimit(resource.RLIMIT_CPU, (2, 3))
resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))
for fd, path, flags in ((0, stdin_path, os.O_RDONLY), (1, out_path, os.O_WRONLY | os.O_TRUNC), (2, err_path, os.O_WRONLY | os.O_TRUNC)):
    f = os.open(path, flags)
    os.dup2(f, fd)
    os.close(f)
sys.stdin = open(0, closefd=False)
sys.stdout = open(1, 'w', closefd=False)
sys.stderr = open(2, 'w', closefd=False)
code = compile(open(src, encoding='utf-8').read(), '<answer>', 'exec')
try:
    exec(code, {'__name__': '__main__'})
except MemoryError:
    sys.stdout.flush()
    os._exit(86)
finally:
    sys.stdout.flush()
`;

export async function runCode(source: string, stdin: string | undefined): Promise<CodeOutcome> {
  const python = onPath('python3') ?? onPath('python');
  if (!python)
    throw new EnvError('python3 not found: code questions run their answer in python3', {
      hint: 'Install python3 or put it on PATH (lynx doctor).',
    });
  const dir = mkdtempSync(join(tmpdir(), 'lynx-code-'));
  try {
    const f = (n: string): string => join(dir, n);
    writeFileSync(f('wrapper.py'), WRAPPER);
    writeFileSync(f('answer.py'), source);
    writeFileSync(f('stdin.txt'), stdin ?? '');
    writeFileSync(f('stdout.txt'), '');
    writeFileSync(f('stderr.txt'), '');
    const r = await run(
      [
        python,
        '-I',
        f('wrapper.py'),
        f('answer.py'),
        f('stdin.txt'),
        f('stdout.txt'),
        f('stderr.txt'),
        String(CODE_MEMORY_LIMIT),
      ],
      {
        cwd: dir,
        timeoutMs: CODE_TIME_LIMIT_MS,
        killGraceMs: 200,
        capBytes: 8 * 1024,
      },
    );
    const stdout = readFileSync(f('stdout.txt'), 'utf8');
    const stderr = readFileSync(f('stderr.txt'), 'utf8') + r.output;
    const cpuLimit = r.signal === 'SIGXCPU' || r.signal === 'SIGKILL';
    return {
      stdout,
      stderr,
      exitCode: r.exitCode,
      timedOut: r.timedOut || cpuLimit,
      memoryExceeded: r.exitCode === 86 || /MemoryError/.test(stderr),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
