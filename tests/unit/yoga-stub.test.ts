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
  it("yoga's own entry does read fetch (what the stand-in exists for)", async () => {
    Object.defineProperty(globalThis, 'fetch', trap());
    reads = 0;
    await import('yoga-layout');
    expect(reads).toBeGreaterThan(0);
  });

  it('loads a working yoga without reading fetch, and puts fetch back', async () => {
    const mine = trap();
    Object.defineProperty(globalThis, 'fetch', mine);
    reads = 0;
    const { default: Yoga, Direction } = await import('../../src/stubs/yoga-layout.js');
    expect(reads).toBe(0);
    expect(Object.getOwnPropertyDescriptor(globalThis, 'fetch')).toEqual(mine);
    const node = Yoga.Node.create();
    node.setWidth(120);
    node.calculateLayout(undefined, undefined, Direction.LTR);
    expect(node.getComputedWidth()).toBe(120);
    node.free();
  });
});
