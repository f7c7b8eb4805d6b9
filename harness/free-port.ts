import { createServer } from "node:net";

/** A port nothing listens on now (the OS picks it; the server is closed again at once). */
export async function freePort(): Promise<number> {
  return await new Promise((done, fail) => {
    const server = createServer().once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}
