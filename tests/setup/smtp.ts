import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type FakeSmtp = {
  url: string
  received: ParsedMail[]
  /** While set, every message is refused with this reply (451: try again later). */
  failWith: { code: number; message: string } | null
  /** Resolves when `count` messages have arrived in all. */
  waitFor: (count: number) => Promise<ParsedMail[]>
  close: () => Promise<void>
}

/**
 * A real SMTP server on a loopback port of its own: what the delivery job sends arrives here
 * and is parsed as a mail client would.
 */
export async function startSmtp(): Promise<FakeSmtp> {
  const waiters: { count: number; resolve: (m: ParsedMail[]) => void }[] = []
  const fake: FakeSmtp = {
    url: '',
    received: [],
    failWith: null,
    waitFor: (count) =>
      new Promise((resolve) => {
        if (fake.received.length >= count) resolve(fake.received)
        else waiters.push({ count, resolve })
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const failure = fake.failWith
      simpleParser(stream)
        .then((mail) => {
          if (failure)
            return callback(
              Object.assign(new Error(failure.message), { responseCode: failure.code }),
            )
          fake.received.push(mail)
          for (const w of waiters.splice(0))
            if (fake.received.length >= w.count) w.resolve(fake.received)
            else waiters.push(w)
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  fake.url = `smtp://127.0.0.1:${port}`
  return fake
}
