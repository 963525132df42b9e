/**
 * Build-time stand-in for `yoga-layout`'s entry (esbuild alias, scripts/build.ts): the same three lines —
 * load the wasm, wrap it, re-export the enums — with one difference. yoga's Emscripten loader asks for
 * the global `fetch` before it notices its wasm is an inline data: URL, and then fetches that URL: on
 * Node 20 that loads undici and costs ~45 ms of the quiz's first frame (DESIGN §8). The loader decides
 * synchronously, inside the factory call, so `fetch` is hidden for that call only and is back before
 * anything else runs; yoga then decodes its inline base64, as it does where no fetch exists.
 */
// @ts-expect-error untyped Emscripten output (yoga's own entry imports it the same way)
import loadYoga from '../../node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js';
import wrapAssembly from '../../node_modules/yoga-layout/dist/src/wrapAssembly.js';

type Factory = () => Promise<Parameters<typeof wrapAssembly>[0]>;

function withoutFetch<T>(fn: () => T): T {
  const own = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (!own?.configurable) return fn();
  Reflect.deleteProperty(globalThis, 'fetch');
  try {
    return fn();
  } finally {
    Object.defineProperty(globalThis, 'fetch', own);
  }
}

const Yoga = wrapAssembly(await withoutFetch(loadYoga as Factory));
export default Yoga;
export * from '../../node_modules/yoga-layout/dist/src/generated/YGEnums.js';
