import { Transform, type TransformCallback } from "node:stream";

/**
 * React writes a page as many chunks of at most 2 KB, in one synchronous burst. Remix's adapter then writes each chunk to
 * the response and flushes it, and with compression on, every flush ends a compressed block: four to eight zlib round
 * trips through the thread pool for a 20 KB page, which cost more server CPU than rendering it. This stream joins what
 * arrives in one turn of the event loop into one chunk, so a page rendered at once leaves as one chunk and one flush,
 * while a page that streams (a Suspense boundary resolving later) still streams, one burst at a time.
 */
export class CoalescingStream extends Transform {
  private pending: Buffer[] = [];
  private scheduled = false;

  override _transform(chunk: Buffer | string, encoding: BufferEncoding, callback: TransformCallback): void {
    this.pending.push(typeof chunk === "string" ? Buffer.from(chunk, encoding) : chunk);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.release());
    }
    callback();
  }

  override _flush(callback: TransformCallback): void {
    this.release();
    callback();
  }

  private release(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const joined = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    this.pending = [];
    this.push(joined);
  }
}
