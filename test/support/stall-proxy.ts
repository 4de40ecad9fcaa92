/**
 * A TCP proxy on loopback in front of a real server that can be frozen: while frozen it keeps
 * every connection open but forwards nothing, as a stalled database or a dead network path
 * looks to a client (no error, no answer).
 */
import net from 'node:net';

export class StallProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  frozen = false;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('error', () => undefined);
        s.on('close', () => this.sockets.delete(s));
      }
      client.on('data', (d) => { if (!this.frozen) upstream.write(d); });
      upstream.on('data', (d) => { if (!this.frozen) client.write(d); });
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
