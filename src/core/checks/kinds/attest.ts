/** attest: a person judged it, recorded with `lynx attest NN ITEM`. */
import { fail, pass, type KindDef } from '../types.js';
import { code, needsWord } from './shared.js';

export const attest: KindDef<'attest'> = {
  title: (c) => c.prompt ?? 'attested',
  phrase: (c, p) =>
    `a person's judgement: ${code(`lynx attest ${p.nn} ${p.item}`)}${c.prompt ? ` — "${c.prompt}"` : ''}` +
    `${needsWord(c.needs)}`,
  paths: () => [],
  validate: () => [],
  evaluate(c, ctx) {
    const item = ctx.itemId ?? '';
    const a = ctx.state.checkpoint?.attestations?.filter((x) => x.item === item).at(-1);
    if (a)
      return Promise.resolve(
        pass(`attested by ${a.by} on ${a.at.slice(0, 10)}${a.note ? `: ${a.note}` : ''}`, {
          evidence: [`attestation ${item}`],
          attested: true,
        }),
      );
    return Promise.resolve(
      fail(
        `needs a person's judgement: \`lynx attest ${String(ctx.phase.id).padStart(2, '0')} ${item}\`` +
          `${c.prompt ? ` — "${c.prompt}"` : ''}`,
        { expected: 'an attestation', actual: 'none' },
      ),
    );
  },
  fixture(_c, w, want) {
    if (want === 'pass')
      (w.state.checkpoint.attestations ??= []).push({ item: w.itemId, by: 'ada', at: '2026-01-01T00:00:00Z' });
  },
};
