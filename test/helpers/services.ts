import net from 'node:net';

/**
 * Real loopback services (PostgreSQL, Redis, …). A test that needs one calls `requireService`:
 * when it is unreachable the test is skipped with a loud notice, or fails when
 * UDASH_REQUIRE_SERVICES=1 (CI sets it), so a missing service can never pass silently there.
 */
export async function reachable(port: number, host = '127.0.0.1', timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

export const SERVICES = { postgres: 5432, mariadb: 3306, redis: 6379, rabbitmq: 5672, mqtt: 1883, nats: 4222 } as const;

/** Returns true when the service is up; otherwise skips (with a notice) or throws under UDASH_REQUIRE_SERVICES=1. */
export async function requireService(name: keyof typeof SERVICES, ctx: { skip: (note?: string) => void }): Promise<true> {
  if (await reachable(SERVICES[name])) return true;
  const msg = `${name} is not reachable on 127.0.0.1:${SERVICES[name]}`;
  if (process.env.UDASH_REQUIRE_SERVICES === '1') throw new Error(`${msg} and UDASH_REQUIRE_SERVICES=1`);
  process.stderr.write(`\n*** SKIPPED: ${msg}; this test did not run ***\n`);
  ctx.skip(msg);
  return true;
}
