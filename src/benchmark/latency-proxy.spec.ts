import { createServer, Server, Socket } from 'node:net';
import { LatencyProxy } from './latency-proxy';

describe('LatencyProxy', () => {
  let echo: Server;
  let port: number;

  beforeAll(async () => {
    echo = createServer((socket) => socket.on('data', (chunk) => socket.write(chunk)));
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    port = (echo.address() as { port: number }).port;
  });

  afterAll(() => new Promise<void>((resolve) => echo.close(() => resolve())));

  async function exchange(socket: Socket, text: string): Promise<string> {
    const reply = new Promise<string>((resolve) => socket.once('data', (chunk) => resolve(chunk.toString())));
    socket.write(text);
    return reply;
  }

  it('relays both ways in order and counts one round trip per request answered', async () => {
    const proxy = new LatencyProxy({ host: '127.0.0.1', port }, 0);
    const proxyPort = await proxy.start();
    const socket = new Socket();
    await new Promise<void>((resolve) => socket.connect(proxyPort, '127.0.0.1', resolve));
    expect(await exchange(socket, 'one')).toBe('one');
    expect(await exchange(socket, 'two')).toBe('two');
    expect(await exchange(socket, 'three')).toBe('three');
    expect(proxy.roundTrips).toBe(3);
    socket.destroy();
    await proxy.stop();
  });

  it('holds each direction for the delay', async () => {
    const proxy = new LatencyProxy({ host: '127.0.0.1', port }, 40);
    const proxyPort = await proxy.start();
    const socket = new Socket();
    await new Promise<void>((resolve) => socket.connect(proxyPort, '127.0.0.1', resolve));
    const started = process.hrtime.bigint();
    await exchange(socket, 'ping');
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    expect(elapsedMs).toBeGreaterThanOrEqual(79);
    socket.destroy();
    await proxy.stop();
  });

  const connect = async (proxyPort: number) => {
    const socket = new Socket();
    await new Promise<void>((resolve) => socket.connect(proxyPort, '127.0.0.1', resolve));
    return socket;
  };

  it('cuts: resets every connection and refuses new ones until restored', async () => {
    const proxy = new LatencyProxy({ host: '127.0.0.1', port }, 0);
    const proxyPort = await proxy.start();
    const socket = await connect(proxyPort);
    expect(await exchange(socket, 'before')).toBe('before');
    const closed = new Promise((resolve) => socket.once('close', resolve));
    proxy.cut();
    await closed;
    const refused = await connect(proxyPort);
    await new Promise((resolve) => refused.once('close', resolve));
    proxy.restore();
    const again = await connect(proxyPort);
    expect(await exchange(again, 'after')).toBe('after');
    again.destroy();
    await proxy.stop();
  });

  it('stalls: holds everything until restored, then delivers it in order', async () => {
    const proxy = new LatencyProxy({ host: '127.0.0.1', port }, 0);
    const socket = await connect(await proxy.start());
    proxy.stall();
    const received: string[] = [];
    socket.on('data', (chunk) => received.push(chunk.toString()));
    socket.write('held');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toEqual([]);
    proxy.restore();
    for (let tries = 0; received.join('') !== 'held' && tries < 100; tries += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(received.join('')).toBe('held');
    socket.destroy();
    await proxy.stop();
  });
});
