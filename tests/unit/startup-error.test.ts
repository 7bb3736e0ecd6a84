import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { describeStartupError } from '../../relay-server/src/startup-error.js';
import { createStorage } from '../../relay-server/src/storage/index.js';

/** The error a real second listener on a taken port gets. */
async function portInUseError(): Promise<{ err: unknown; port: number }> {
  const first = net.createServer();
  await new Promise<void>((resolve) => first.listen(0, '127.0.0.1', resolve));
  const address = first.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const second = net.createServer();
  const err = await new Promise<unknown>((resolve) => {
    second.once('error', resolve);
    second.listen(port, '127.0.0.1');
  });
  first.close();
  return { err, port };
}

describe('describeStartupError', () => {
  it('names PORT when the port is taken', async () => {
    const { err, port } = await portInUseError();
    const hint = describeStartupError(err, { port, host: '127.0.0.1', database: { kind: 'sqlite', url: 'file:x.db' } });
    expect(hint).toContain(`Port ${port} is already in use`);
    expect(hint).toContain('PORT');
  });

  it('names DATABASE_URL, without its password, when MySQL cannot be reached', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const database = { kind: 'mysql', url: 'mysql://root:s3cret@127.0.0.1:1/afritok_unreachable' } as const;
    const err = await createStorage(database).then(
      () => undefined,
      (e: unknown) => e,
    );
    const hint = describeStartupError(err, { port: 3001, host: '0.0.0.0', database });
    expect(hint).toContain('DATABASE_URL');
    expect(hint).toContain('127.0.0.1:1');
    expect(hint).not.toContain('s3cret');
  });

  it('leaves unknown errors to the caller', () => {
    expect(describeStartupError(new Error('boom'), { port: 1, host: 'h', database: { kind: 'sqlite', url: 'file:x' } })).toBeUndefined();
  });
});
