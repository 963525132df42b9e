/** Read an answer file (`--answers FILE`, or `-` for stdin) as JSON or YAML, keeping positions for errors. */
import type { Loaded } from './yaml.js';
import { parseJson, parseYaml, readText } from './yaml.js';
import { InputError } from '../core/errors.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export async function loadAnswersFile(file: string, abs: string): Promise<Loaded> {
  const display = file === '-' ? '(stdin)' : file;
  const text = file === '-' ? await readStdin() : readText(abs, display);
  if (text.trim() === '')
    throw new InputError(`${display}: the answer file is empty`, {
      pos: { file: display },
      hint: 'Write a map from question id to answer, e.g. {q-00-01: 1, q-00-02: [0, 2], q-00-03: "text"}.',
    });
  // .json is JSON with JSON's error messages; anything else is YAML, which also reads JSON
  if (/\.json$/i.test(file)) return parseJson(text, display);
  try {
    return parseJson(text, display);
  } catch {
    return parseYaml(text, display);
  }
}
