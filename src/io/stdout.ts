/**
 * lynx's output to fd 1 without process.stdout where it can. Creating that stream loads Node's stream machinery
 * (SyncWriteStream for a file, net.Socket for a pipe, tty for a terminal): ~1.5 ms of every printing command,
 * measured against `node empty.js` — a tenth of `lynx --help`'s whole cost over Node's own start (issue 20).
 *
 * A write is whole and in order: a partial write goes on from where it stopped; EAGAIN (a non-blocking pipe that is
 * full) hands the rest, and everything after it, to process.stdout, which queues what the pipe cannot take yet.
 * A reader that goes away (`lynx status | head`) is not an error, by either path: the run ends quietly.
 */
import { writeSync } from 'node:fs';

// true from quietOnEpipe() until process.stdout exists (made by anyone, or after EAGAIN): from then on every write
// goes through the stream, in order — a pipe stream may be asynchronous (macOS), and a sync write beside it could
// overtake what it still holds. False before quietOnEpipe() too (tests that import a command): the stream is used.
let direct = false;

/** The reader left: stop with the exit code the run already had. */
function readerGone(): never {
  // eslint-disable-next-line no-restricted-syntax -- nothing is left to write to; the run's outcome stands
  process.exit(process.exitCode ?? 0);
}

export function writeStdout(text: string): void {
  if (!direct) {
    process.stdout.write(text);
    return;
  }
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length;) {
    try {
      at += writeSync(1, bytes, at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') readerGone();
      if (code !== 'EAGAIN') throw e;
      direct = false;
      process.stdout.write(bytes.subarray(at));
      return;
    }
  }
}

/**
 * Whoever creates process.stdout (ink, a streamed lab run, the fallback above) gets the same quiet end on EPIPE:
 * the handler is attached when the stream is first made, not by making it at start.
 */
export function quietOnEpipe(): void {
  const d = Object.getOwnPropertyDescriptor(process, 'stdout');
  // eslint-disable-next-line @typescript-eslint/unbound-method -- a getter, called below with process as this
  const make = d?.get;
  if (!make || d.configurable !== true) {
    process.stdout.on('error', onError);
    return;
  }
  direct = true;
  Object.defineProperty(process, 'stdout', {
    configurable: true,
    enumerable: d.enumerable ?? true,
    get() {
      const s = make.call(process) as NodeJS.WriteStream;
      Object.defineProperty(process, 'stdout', {
        configurable: true,
        enumerable: d.enumerable ?? true,
        writable: true,
        value: s,
      });
      s.on('error', onError);
      direct = false;
      return s;
    },
  });
}

function onError(err: NodeJS.ErrnoException): void {
  if (err.code === 'EPIPE') readerGone();
  throw err;
}
