/**
 * src/stubs/yoga-layout.ts (aliased for ink's `yoga-layout`): yoga's loader must not reach the global
 * fetch — on Node 20 that loads undici and fetches the inline wasm, ~45 ms of the quiz's first frame —
 * and fetch must be back, untouched, once yoga is loaded.
 */
import { afterAll, describe, expect, it } from 'vitest';

const original = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
let reads = 0;
const trap = (): PropertyDescriptor => ({
  configurable: true,
  enumerable: true,
  get: () => {
    reads++;
    return (): Promise<never> => Promise.reject(new Error('yoga fetched'));
  },
});
afterAll(() => {
  if (original) Object.defineProperty(globalThis, 'fetch', original);
});

describe('the yoga-layout stand-in', () => {
  // yoga's entry runs its loader once per process (and the unit tier shares processes between files),
  // so the loader itself is called here, as the entry and the stand-in both call it
  it("yoga's loader does read fetch (what the stand-in exists for), and withoutFetch stops it", async () => {
    // @ts-expect-error untyped Emscripten output
    const yoga = await import('../../node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js');
    const loader = (yoga as { default: () => Promise<unknown> }).default;
    const { withoutFetch } = await import('../../src/stubs/yoga-layout.js');
    const mine = trap();
    Object.defineProperty(globalThis, 'fetch', mine);
    reads = 0;
    await loader();
    expect(reads).toBeGreaterThan(0);
    reads = 0;
    await withoutFetch(loader);
    expect(reads).toBe(0);
    expect(Object.getOwnPropertyDescriptor(globalThis, 'fetch')).toEqual(mine);
  });

  it("the stand-in's Yoga is yoga: it lays a node out", async () => {
    const { default: Yoga, Direction } = await import('../../src/stubs/yoga-layout.js');
    const node = Yoga.Node.create();
    node.setWidth(120);
    node.calculateLayout(undefined, undefined, Direction.LTR);
    expect(node.getComputedWidth()).toBe(120);
    node.free();
  });
});
