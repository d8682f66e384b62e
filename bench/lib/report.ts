/** Prints one figure the way scripts read them: `BENCH <name>=<value> <unit>`. */
export function bench(name: string, value: number, unit: string): void {
  const v = Math.abs(value) >= 100 ? Math.round(value) : Number(value.toPrecision(4));
  process.stdout.write(`BENCH ${name}=${v} ${unit}\n`);
}

/** Median wall time of `runs` calls, in ms. */
export async function medianMs(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
