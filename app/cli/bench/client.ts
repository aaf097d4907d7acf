/**
 * The measured requests that autocannon cannot make: it joins a compressed body into a string,
 * which loses bytes, so a choice cycle could not read the next turn from a page sent as br or gzip.
 * Node's http module on a keep-alive agent with no socket limit: a request never queues behind a
 * slow one for a free socket; a new connection is opened instead, and counted. Free sockets are
 * reused oldest first: the cluster primary hands each new connection to the next worker, and
 * reusing the last few sockets (the agent's default) could keep all the traffic on one worker
 * while the other idles, which no population of browsers, each on its own connection, would do.
 */
import http, { type IncomingHttpHeaders } from "node:http";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";

/** What browsers send: every measured request asks for compression, so the server pays for it. */
export const BROWSER_ENCODING = "gzip, deflate, br";

export type HttpReply = { status: number; headers: IncomingHttpHeaders; body: Buffer };

export type HttpClient = {
  request(method: "GET" | "POST", path: string, headers: Record<string, string>, body?: string): Promise<HttpReply>;
  /** Connections opened so far (a keep-alive connection is reused when one is free). */
  connections(): number;
  close(): void;
};

export function httpClient(base: string, { timeoutMs = 10_000 }: { timeoutMs?: number } = {}): HttpClient {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY, maxFreeSockets: 1024, scheduling: "fifo" });
  let opened = 0;
  return {
    request(method, path, headers, body) {
      return new Promise((resolve, reject) => {
        const request = http.request(
          { agent, host: url.hostname, port: url.port, method, path, headers: body === undefined ? headers : { ...headers, "content-length": `${Buffer.byteLength(body)}` } },
          (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
            response.on("error", reject);
          },
        );
        request.on("socket", (socket) => {
          // A reused socket is already connected; a new one emits "connect" once.
          if (socket.connecting) socket.once("connect", () => opened++);
        });
        request.setTimeout(timeoutMs, () => request.destroy(new Error(`${method} ${path}: no answer within ${timeoutMs} ms`)));
        request.on("error", reject);
        request.end(body);
      });
    },
    connections: () => opened,
    close: () => agent.destroy(),
  };
}

/** The body as text, decompressed as its Content-Encoding says. */
export function bodyText(reply: HttpReply): string {
  const encoding = String(reply.headers["content-encoding"] ?? "identity").toLowerCase();
  const decompress = { br: brotliDecompressSync, gzip: gunzipSync, deflate: inflateSync }[encoding];
  return (decompress ? decompress(reply.body) : reply.body).toString("utf8");
}
