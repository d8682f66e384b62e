/**
 * A real SMTP server on loopback (smtp-server) that parses what it receives with mailparser, and can
 * refuse chosen recipients at RCPT TO (a bounce) or be stopped to play an unreachable server.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
  envelope: string[];
  mail: ParsedMail;
}

export interface SmtpPeer {
  port: number;
  received: Received[];
  refuse: Set<string>;
  close(): Promise<void>;
  /** Resolves when `n` messages have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<Received[]>;
}

export async function startSmtpPeer(port = 0): Promise<SmtpPeer> {
  const received: Received[] = [];
  const refuse = new Set<string>();
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (refuse.has(address.address.toLowerCase())) {
        const err = new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`) as Error & { responseCode: number };
        err.responseCode = 550;
        return cb(err);
      }
      cb();
    },
    onData(stream, session, cb) {
      simpleParser(stream, { keepCidLinks: true })
        .then((mail) => {
          received.push({ envelope: session.envelope.rcptTo.map((r) => r.address), mail });
          for (const w of waiters.splice(0)) w();
          cb();
        })
        .catch(cb);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.server.address() as AddressInfo).port;
  return {
    port: actual,
    received,
    refuse,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async waitFor(n, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} messages, got ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
      return received;
    },
  };
}
