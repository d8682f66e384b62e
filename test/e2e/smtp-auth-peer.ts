/**
 * An SMTP server on loopback that requires a login (AUTH PLAIN/LOGIN without TLS, allowed on
 * loopback only for the test) and parses what it receives with mailparser. Mail from a client that
 * did not log in with the expected password is refused, so a delivered message proves the password
 * stored through the UI reached the transport.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface AuthPeer {
  port: number;
  received: { envelope: string[]; user: string | undefined; mail: ParsedMail }[];
  /** Logins that failed (user names), to show a wrong password was tried. */
  failedLogins: string[];
  waitFor(n: number, timeoutMs?: number): Promise<AuthPeer['received']>;
  close(): Promise<void>;
}

export async function startAuthSmtpPeer(user: string, password: string): Promise<AuthPeer> {
  const received: AuthPeer['received'] = [];
  const failedLogins: string[] = [];
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(auth, _session, cb) {
      if (auth.username === user && auth.password === password) return cb(null, { user: auth.username });
      failedLogins.push(auth.username ?? '');
      cb(new Error('Invalid username or password'));
    },
    onData(stream, session, cb) {
      simpleParser(stream, { keepCidLinks: true })
        .then((mail) => {
          received.push({ envelope: session.envelope.rcptTo.map((r) => r.address), user: session.user as string | undefined, mail });
          cb();
        })
        .catch(cb);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    failedLogins,
    async waitFor(n, timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > until) throw new Error(`expected ${n} messages, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
