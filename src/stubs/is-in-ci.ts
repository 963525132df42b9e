/**
 * Build-time stand-in for the `is-in-ci` package (esbuild alias, scripts/build.ts; gemini-cli does the
 * same). ink renders only a last frame when is-in-ci says CI. lynx starts ink only on a TTY, where a
 * person (or CI's own terminal test, driving tmux) is watching: CI=true must not blank the quiz.
 */
import { env, stdout } from 'node:process';

const check = (key: string): boolean => key in env && env[key] !== '0' && env[key] !== 'false';
const ci = (check('CI') || check('CONTINUOUS_INTEGRATION')) && stdout.isTTY !== true;
export default ci;
