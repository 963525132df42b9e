/**
 * The bundle's Intl.Segmenter stand-in (src/stubs/intl-segmenter.ts) must segment exactly as the real one: every
 * code point it answers for alone, each next to others it answers for and next to those it hands on (combining
 * marks, ZWJ, variation selectors, emoji, regional indicators, Hangul, CR LF), and random texts of both.
 */
import { describe, expect, it } from 'vitest';
import RandExp from 'randexp';
import { LynxSegmenter } from '../../src/stubs/intl-segmenter.js';

const real = new Intl.Segmenter();
const lynx = new LynxSegmenter();
const pieces = (segs: Intl.Segments): unknown[] => [...segs].map((s) => ({ ...s }));
const same = (text: string): void => {
  expect(pieces(lynx.segment(text)), JSON.stringify(text)).toEqual(pieces(real.segment(text)));
};

const RANGES: [number, number][] = [
  [0x00, 0x0c],
  [0x0e, 0x2ff],
  [0x2010, 0x2027],
  [0x2030, 0x205f],
  [0x2070, 0x20cf],
  [0x2100, 0x2bff],
];
const answered: string[] = RANGES.flatMap(([a, b]) =>
  Array.from({ length: b - a + 1 }, (_, i) => String.fromCharCode(a + i)),
);
// what may follow or precede a character and join it into one cluster: all handed to the real segmenter
const joiners = ['\u0301', '\u200d', '\ufe0f', '\u20e3', '\u{1f3fb}', '\u{1f1e6}', '\u1100', '\u1161', '\r', '\n'];

describe('LynxSegmenter', () => {
  it('every code point it answers for is a cluster on its own, next to any other and next to a joiner', () => {
    const probe = ['a', ' ', '\x1b', '\u00e9', '\u2500', '\u276f', '\u00b7', '\u2191', '\u2b50', '\u2194'];
    for (const c of answered) {
      same(c);
      for (const p of probe) {
        same(`${c}${p}`);
        same(`${p}${c}`);
      }
      for (const j of joiners) {
        same(`${c}${j}`);
        same(`${j}${c}`);
      }
    }
  });

  it('random texts, plain and mixed, and the lines ink draws', () => {
    const plain = new RandExp(/[\x00-\x7f\u00a0-\u02ff\u2010-\u2bff]{0,40}/);
    const mixed = new RandExp(
      /([a-z ·─❯]|\u0301|\u200d|\ufe0f|\r\n|\u{1f600}|\u{1f1e6}\u{1f1e8}|\u1100\u1161|é){0,30}/u,
    );
    for (let i = 0; i < 1500; i++) {
      same(plain.gen());
      same(mixed.gen());
    }
    for (const line of ['\x1b[1mPhase 00 · Question 1 of 5\x1b[22m', '❯ 1. right', '╭──╮', 'e\u0301', '👍🏽', '🇪🇸'])
      same(line);
  });

  it('containing() answers as the real one, in and out of range', () => {
    const text = '\x1b[32m░░\x1b[39m ok';
    for (const i of [-1, 0, 1, 4.7, 5, text.length - 1, text.length, Number.NaN, undefined])
      expect(lynx.segment(text).containing(i as number), String(i)).toEqual(real.segment(text).containing(i as number));
  });

  it('another granularity or a locale gets the real segmenter', () => {
    const words = new LynxSegmenter(undefined, { granularity: 'word' });
    expect(words).toBeInstanceOf(Intl.Segmenter);
    expect([...words.segment('two words')].map((s) => s.isWordLike)).toEqual([true, false, true]);
    expect(new LynxSegmenter('es')).toBeInstanceOf(Intl.Segmenter);
    expect(new LynxSegmenter(undefined, { granularity: 'grapheme' })).toBeInstanceOf(LynxSegmenter);
    expect(lynx.resolvedOptions().granularity).toBe('grapheme');
  });
});
