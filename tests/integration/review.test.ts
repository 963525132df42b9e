/** lynx review: the deck built from wrong quiz answers, SM-2 scheduling by UTC day, the review log. */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, lynx, workspace, write } from '../helpers/cli.js';
import { lynxIn } from '../helpers/app.js';
import { addDays, buildDeck, gradeEvent, utcDay, type ReviewEvent } from '../../src/core/review/deck.js';
import { openWorkspace } from '../../src/io/workspace.js';
import { reviewsDue } from '../../src/io/review-store.js';
import type { ReviewReport } from '../../src/core/review/results.js';

afterAll(cleanup);

const today = utcDay(new Date());
const daysAgo = (n: number): string => `${addDays(today, -n)}T09:00:00.000Z`;
const add = (card: string, at: string, phase = 0): ReviewEvent => ({
  v: 1,
  kind: 'add',
  at,
  card,
  phase,
  from: 'quiz',
  attempt_at: at,
});
const writeLog = (dir: string, events: ReviewEvent[]): void =>
  write(dir, 'learners/ana/reviews.jsonl', events.map((e) => `${JSON.stringify(e)}\n`).join(''));
const report = async (dir: string, ...args: string[]): Promise<ReviewReport> =>
  JSON.parse((await lynxIn(['review', '--json', ...args], { cwd: dir })).stdout) as ReviewReport;

describe('lynx review', () => {
  it('a wrong quiz answer becomes a card due tomorrow', async () => {
    const dir = workspace('ana');
    const r = lynx(['quiz', '00', '--answers', '-', '--partial'], { cwd: dir, input: '{q-00-01: 0}' });
    expect(r.code).toBe(1);
    expect(await report(dir)).toMatchObject({
      learner: 'ana',
      today,
      due_total: 0,
      cards: [],
      deck_size: 5,
      next_review: addDays(today, 1),
    });
  });

  it('lists due cards overdue first, within the daily limit (--limit), and grades one with --grade', async () => {
    const dir = workspace('ana');
    writeLog(dir, [
      add('q-01-01', daysAgo(2), 1),
      add('q-00-04', daysAgo(5)),
      add('q-02-01', daysAgo(1), 2),
      add('q-03-01', daysAgo(0), 3),
    ]);
    const all = await report(dir);
    expect(all.cards.map((c) => [c.id, c.due, c.overdue])).toEqual([
      ['q-00-04', addDays(today, -4), true],
      ['q-01-01', addDays(today, -1), true],
      ['q-02-01', today, false],
    ]);
    expect(all.cards[0]).toMatchObject({
      ease: 2.5,
      interval: 0,
      repetitions: 0,
      title: 'Why git_dirty matters in a manifest',
      leech: false,
      revisit: null,
    });
    expect(await report(dir, '--limit', '2')).toMatchObject({
      due_total: 3,
      limit: 2,
      cards: [{ id: 'q-00-04' }, { id: 'q-01-01' }],
    });

    const g = await lynxIn(['review', '--grade', 'q-00-04=good'], { cwd: dir });
    expect(g.code, g.stderr).toBe(0);
    expect(g.stdout).toBe(`✓ q-00-04: good — next review ${addDays(today, 1)} (in 1 day)\n`);
    const events = readFileSync(join(dir, 'learners/ana/reviews.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ReviewEvent);
    expect(events.at(-1)).toMatchObject({
      kind: 'grade',
      card: 'q-00-04',
      grade: 'good',
      quality: 4,
      before: { ease: 2.5, interval: 0, reps: 0, due: addDays(today, -4) },
      after: { ease: 2.5, interval: 1, reps: 1, due: addDays(today, 1) },
    });
    // a graded card counts against today's limit, and is not due again today
    expect(await report(dir, '--limit', '2')).toMatchObject({ reviewed_today: 1, cards: [{ id: 'q-01-01' }] });
    const again = await lynxIn(['review', '--grade', 'q-00-04=again'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`q-00-04 is not due until ${addDays(today, 1)}`);
  });

  it('with nothing due and no terminal: exit 0 and a message (no terminal needed for nothing)', () => {
    const dir = workspace('ana');
    const empty = lynx(['review'], { cwd: dir });
    expect(empty).toMatchObject({ code: 0, stderr: '' });
    expect(empty.stdout).toContain(`No review cards due today (${today}); the deck is empty`);
    writeLog(dir, [add('q-00-04', daysAgo(0))]);
    const later = lynx(['review'], { cwd: dir });
    expect(later.code).toBe(0);
    expect(later.stdout).toContain(`the next is due ${addDays(today, 1)}`);
  });

  it('refuses what it cannot do: no terminal with cards due, an unknown card, a bad grade', async () => {
    const dir = workspace('ana');
    writeLog(dir, [add('q-00-04', daysAgo(5))]);
    const r = lynx(['review'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('lynx review is interactive and needs a terminal');
    expect(r.stderr).toContain('--json');
    expect((await lynxIn(['review', '--grade', 'q-09-09=good'], { cwd: dir })).stderr).toContain(
      "q-09-09 is not in ana's review deck",
    );
    expect((await lynxIn(['review', '--grade', 'q-00-01=meh'], { cwd: dir })).stderr).toContain(
      'expected ID=again|hard|good|easy',
    );
    expect((await lynxIn(['review', '--limit', '0', '--json'], { cwd: dir })).code).toBe(2);
  });

  it("a card missed 8 times is a leech, shown with the phase's theory page to revisit", async () => {
    const dir = workspace('ana');
    let events: ReviewEvent[] = [add('q-00-04', daysAgo(20))];
    for (let d = 19; d >= 12; d--) {
      const card = buildDeck(events).get('q-00-04');
      if (!card) throw new Error('no card');
      events = [...events, gradeEvent(card, 'again', new Date(daysAgo(d)))];
    }
    writeLog(dir, events);
    const r = await report(dir);
    expect(r.leeches).toEqual([
      expect.objectContaining({
        id: 'q-00-04',
        misses: 8,
        leech: true,
        revisit: 'docs/phase-00-foundations/theory/01-reproducibility.md',
      }),
    ]);
    expect(r.cards[0]).toMatchObject({ id: 'q-00-04', leech: true, ease: 1.3 });
  });

  it("reviewsDue (for lynx status) counts today's queue; a torn last line is ignored", async () => {
    const dir = workspace('ana');
    writeLog(dir, [add('q-00-04', daysAgo(3)), add('q-00-05', daysAgo(2)), add('q-01-01', daysAgo(0), 1)]);
    writeFileSync(
      join(dir, 'learners/ana/reviews.jsonl'),
      `${readFileSync(join(dir, 'learners/ana/reviews.jsonl'), 'utf8')}{"v":1,"kind":"gra`,
    );
    const ws = await openWorkspace(dir);
    expect(reviewsDue(ws, 'ana')).toBe(2);
    expect(reviewsDue(ws, 'ana', new Date(`${addDays(today, 1)}T00:00:00Z`))).toBe(3);
    expect(reviewsDue(ws, 'nobody')).toBe(0);
    expect((await report(dir)).warnings).toEqual([
      'learners/ana/reviews.jsonl:4: torn last line (a crash while appending) ignored',
    ]);
    // the next grade closes the torn line instead of gluing onto it
    expect((await lynxIn(['review', '--grade', 'q-00-04=easy'], { cwd: dir })).code).toBe(0);
    expect(await report(dir)).toMatchObject({
      reviewed_today: 1,
      warnings: ['learners/ana/reviews.jsonl:4: not a review event (a torn line?) — ignored'],
    });
  });
});
