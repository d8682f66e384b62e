import { expect, it } from 'vitest';
import { Gate } from '../../../main/reports/gate.js';

it('lets at most N generations run at once and the rest in order', async () => {
  const gate = new Gate(5);
  const releases = await Promise.all(Array.from({ length: 5 }, () => gate.acquire()));
  expect(gate.running).toBe(5);
  const order: number[] = [];
  const waiting = [6, 7].map((n) => gate.acquire().then((release) => (order.push(n), release)));
  await new Promise((r) => setTimeout(r, 20));
  expect(order).toEqual([]);
  releases[0]!();
  releases[0]!(); // releasing twice frees one slot only
  const six = await waiting[0]!;
  expect(order).toEqual([6]);
  expect(gate.running).toBe(5);
  releases[1]!();
  (await waiting[1]!)();
  six();
  expect(gate.running).toBe(3);
});
