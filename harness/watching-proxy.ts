import { createServer, request as httpRequest, type Server } from "node:http";

/**
 * A reverse proxy in front of the collector that the browser uses as the app's origin, so it sees
 * every POST /api/v1/responses — from pages and from the service worker alike, which Playwright's
 * routing does not. It counts requests in flight at once and each id posted, holds each POST a
 * moment so that two runners would overlap, and can answer 503 to play a collector that is down
 * (with a Retry-After when `retryAfterSeconds` is set). It notes when each POST arrived.
 */
export class WatchingProxy {
  private server: Server | undefined;
  inFlight = 0;
  maxInFlight = 0;
  readonly postsOfId = new Map<string, number>();
  posts = 0;
  down = false;
  /** Sent with the 503 while `down`: the wait the collector asks for. */
  retryAfterSeconds: number | undefined;
  /** Each POST /api/v1/responses: when its request reached the proxy (Date.now()) and the status it got here, 503 or forwarded. */
  readonly arrivals: { at: number; answered: 503 | "forwarded" }[] = [];

  constructor(
    readonly port: number,
    private readonly upstream: string,
    private readonly holdMs = 150,
  ) {}

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer(async (req, res) => {
      const arrivedAt = Date.now();
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const isPost = req.method === "POST" && req.url === "/api/v1/responses";
      if (isPost && this.down) {
        this.arrivals.push({ at: arrivedAt, answered: 503 });
        const wait =
          this.retryAfterSeconds === undefined ? {} : { "Retry-After": String(this.retryAfterSeconds) };
        res.writeHead(503, { "Content-Type": "application/json", ...wait });
        res.end('{"error":{"code":"unavailable","message":"down for the test"}}');
        return;
      }
      if (isPost) {
        this.arrivals.push({ at: arrivedAt, answered: "forwarded" });
        this.inFlight++;
        this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
        this.posts++;
        for (const item of (JSON.parse(body.toString("utf8")) as { responses: { id: string }[] }).responses)
          this.postsOfId.set(item.id, (this.postsOfId.get(item.id) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, this.holdMs));
      }
      const upstream = httpRequest(
        `${this.upstream}${req.url}`,
        { method: req.method, headers: { ...req.headers, host: new URL(this.upstream).host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on("end", () => {
            if (isPost) this.inFlight--;
          });
        },
      );
      upstream.on("error", () => {
        if (isPost) this.inFlight--;
        res.destroy();
      });
      upstream.end(body);
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, "127.0.0.1", resolve));
  }

  /**
   * Ends every connection too: a page left open keeps a keep-alive connection busy with its next
   * sync, and close() alone waits for it (a 60 s hook timeout in CI on ee11fd1).
   */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }
}
