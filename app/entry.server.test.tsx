/**
 * A render that throws before React hands back `abort` must leave nothing behind: the request
 * fails (Remix answers it), and no timer fires later outside any handler to end the process.
 */
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import type * as ReactDomServer from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";

const render = vi.hoisted(() => ({ throwNow: false }));
vi.mock("react-dom/server", async (importOriginal) => {
  const actual = await importOriginal<typeof ReactDomServer>();
  return {
    ...actual,
    renderToPipeableStream: (...args: Parameters<typeof actual.renderToPipeableStream>) => {
      if (render.throwNow) throw new Error("render failed at once");
      return actual.renderToPipeableStream(...args);
    },
  };
});

const { default: handleRequest } = await import("./entry.server");

afterEach(() => {
  vi.useRealTimers();
  render.throwNow = false;
});

describe("handleRequest", () => {
  it("a render that throws at once rejects the request and leaves no timer that could end the process", async () => {
    vi.useFakeTimers();
    render.throwNow = true;
    const request = new Request("http://localhost/sign-in");
    const answer = handleRequest(request, 200, new Headers(), {} as EntryContext, { cspNonce: "n" } as AppLoadContext);
    await expect(answer).rejects.toThrow("render failed at once");
    expect(vi.getTimerCount()).toBe(0);
    expect(() => vi.advanceTimersByTime(10_000)).not.toThrow();
  });
});
