import { beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { getDb } from "#db/db.server";
import { useFreshDatabase } from "#db/test-database";
import { createAccount } from "~/accounts/accounts.server";
import { findImport } from "~/models/outcome-import.server";
import { MAX_PUSH_ROWS, pushOutcomes, readPushOptions, type PushAnswer, type PushOptions } from "./api-push.server";
import { createApiToken } from "./api-tokens.server";

const NOW = new Date("2026-06-01T00:00:00Z");
const OPTIONS: PushOptions = { scale: "1-5", source: "api" };
let tokenId = 0;

beforeAll(async () => {
  await useFreshDatabase();
  await createAccount({ email: "ana@example.test", displayName: "Ana", role: "trainee", teamId: null, password: "" }, "scrypt$unused");
  tokenId = (await createApiToken("Tests", null)).token.id;
});

const row = (ticket: string | number, extra: Record<string, unknown> = {}) => ({
  ticket_id: ticket,
  agent_email: "ana@example.test",
  date_time: "2026-03-01T10:00:00Z",
  rating: 5,
  solved_on_first_contact: true,
  ...extra,
});

async function push(body: unknown, options: PushOptions = OPTIONS): Promise<PushAnswer> {
  const result = await pushOutcomes(body, options, tokenId, NOW);
  if (!result.ok) throw new Error(result.message);
  return result.answer;
}

async function importCount(): Promise<number> {
  const db = await getDb();
  return (await db.get(z.object({ n: z.number() }), "SELECT COUNT(*) AS n FROM outcome_imports"))?.n ?? 0;
}

describe("pushing outcomes", () => {
  it("stores valid outcomes as an api import of the token, and a second identical push changes nothing", async () => {
    const body = [row("P1"), row(2002, { rating: "4", solved_on_first_contact: "no", reopened: false, channel: "Chat" }), row("P3", { rating: null, scale: "good-bad" })];
    const first = await push(body);
    expect(first.rows).toEqual([
      { index: 0, ticket_id: "P1", status: "accepted", result: "added" },
      { index: 1, ticket_id: "2002", status: "accepted", result: "added" },
      { index: 2, ticket_id: "P3", status: "accepted", result: "added" },
    ]);
    expect(first.totals).toMatchObject({ received: 3, accepted: 3, refused: 0, added: 3 });
    expect(first.import_id).not.toBeNull();
    expect(await findImport(first.import_id!)).toMatchObject({ kind: "api", format: "api", source: "api", token_id: tokenId, created_by: null, status: "committed", rows_added: 3, team_ids: [] });

    const before = await importCount();
    const again = await push(body);
    expect(again.import_id).toBeNull();
    expect(again.rows.map((answer) => answer.result)).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect(again.totals).toMatchObject({ accepted: 3, added: 0, unchanged: 3 });
    expect(await importCount()).toBe(before);
  });

  it("replaces a ticket with a newer time and says when a pushed one is older than the stored", async () => {
    const answer = await push([row("P1", { date_time: "2026-03-02T10:00:00Z", rating: 2 }), row(2002, { date_time: "2026-02-01T10:00:00Z" })]);
    expect(answer.rows.map((r) => r.result)).toEqual(["replaced", "older-than-stored"]);
    expect(answer.totals).toMatchObject({ replaced: 1, older_than_stored: 1 });
    expect(answer.import_id).not.toBeNull();
  });

  it("refuses each bad outcome with a reason that names the field, and keeps the good ones", async () => {
    const answer = await push([
      row("R1", { date_time: "yesterday" }),
      row("R2", { agent_email: undefined }),
      row("R3", { rating: { stars: 5 } }),
      row("R4", { scale: "1-7" }),
      "not an object",
      row("R6", { rating: 9 }),
      row("R7", { solved_on_first_contact: "maybe", rating: null }),
      row("=SUM(A1)"),
      row("R9", { date_time: "2027-01-01T00:00:00Z" }),
      row("R10"),
    ]);
    expect(answer.rows.map((r) => [r.ticket_id, r.status, r.reason])).toEqual([
      ["R1", "refused", 'date_time "yesterday" is not a date and time like 2026-03-14T09:30:00Z'],
      ["R2", "refused", "agent_email is missing"],
      ["R3", "refused", "rating must be a number, a string or null"],
      ["R4", "refused", "scale must be one of good-bad, 1-5, 1-10, 0-10"],
      [null, "refused", "the outcome must be a JSON object"],
      ["R6", "refused", 'rating "9" is not a whole number from 1 to 5'],
      ["R7", "refused", 'solved_on_first_contact must be yes or no, not "maybe"'],
      ["=SUM(A1)", "refused", 'ticket_id looks like a spreadsheet formula ("=SUM(A1)")'],
      ["R9", "refused", 'date_time "2027-01-01T00:00:00Z" is in the future'],
      ["R10", "accepted", undefined],
    ]);
    expect(answer.totals).toMatchObject({ received: 10, refused: 9, accepted: 1, added: 1 });
  });

  it("refuses a rated outcome without any scale, and uses the row's scale over the default", async () => {
    const noDefault = { scale: null, source: "api" };
    const answer = await push([row("S1"), row("S2", { scale: "0-10", rating: 0 }), row("S3", { rating: null })], noDefault);
    expect(answer.rows[0]).toMatchObject({ status: "refused", reason: 'rating 5 has no scale: give "scale" in the outcome or ?scale= in the URL (good-bad, 1-5, 1-10, 0-10)' });
    expect(answer.rows.slice(1).map((r) => r.result)).toEqual(["added", "added"]);
    // With a default, a row's own scale still wins: 7 is not on 1-5, so this only passes on 0-10.
    expect((await push([row("S4", { scale: "0-10", rating: 7 })])).rows[0]?.result).toBe("added");
  });

  it("keeps one outcome per ticket and says which index was kept", async () => {
    const answer = await push([row("D1", { rating: 1 }), row("D2"), row("D1", { rating: 2 }), row("D2", { date_time: "2026-01-01T10:00:00Z" })]);
    expect(answer.rows).toEqual([
      expect.objectContaining({ index: 0, result: "repeated-in-request", kept_index: 2, reason: expect.stringContaining("also at index 2") }),
      expect.objectContaining({ index: 1, result: "added" }),
      expect.objectContaining({ index: 2, result: "added" }),
      expect.objectContaining({ index: 3, result: "repeated-in-request", kept_index: 1 }),
    ]);
    expect(answer.totals).toMatchObject({ accepted: 4, added: 2, repeated_in_request: 2 });
  });

  it("ignores and reports fields outside the template, and never stores them", async () => {
    const answer = await push([row("C1", { customer_email: "pat@customer.test", customer_name: "Pat", comment: "Loved it" }), row("C2", { comment: "x" })]);
    expect(answer.ignored_fields).toEqual(["comment", "customer_email", "customer_name"]);
    const db = await getDb();
    const dump = JSON.stringify(await db.all(z.record(z.string(), z.unknown()), "SELECT * FROM helpdesk_tickets WHERE ticket_id IN ('C1', 'C2')"));
    expect(dump).not.toMatch(/pat@customer|Loved it/);
  });

  it("stores outcomes of agents who are not users yet and names them", async () => {
    const answer = await push([row("U1", { agent_email: "Zed@Helpdesk.test" })]);
    expect(answer.rows[0]?.result).toBe("added");
    expect(answer.unknown_agents).toEqual([{ agent: "zed@helpdesk.test", rows: 1 }]);
    expect(answer.notes.join(" ")).toMatch(/not Frontline users/);
  });

  it("takes up to the limit of outcomes and tells older from unchanged beyond the sample the judge keeps", async () => {
    const body = Array.from({ length: MAX_PUSH_ROWS }, (_, i) => row(`M${i}`, { date_time: "2026-04-02T10:00:00Z" }));
    expect((await push(body)).totals.added).toBe(MAX_PUSH_ROWS);
    const before = await importCount();
    const mixed = body.map((item, i) => (i % 2 === 0 ? { ...item, date_time: "2026-04-01T10:00:00Z" } : item));
    const answer = await push(mixed);
    expect(answer.import_id).toBeNull();
    expect(answer.totals).toMatchObject({ older_than_stored: MAX_PUSH_ROWS / 2, unchanged: MAX_PUSH_ROWS / 2 });
    expect(answer.rows[0]?.result).toBe("older-than-stored");
    expect(answer.rows[1]?.result).toBe("unchanged");
    expect(await importCount()).toBe(before);
  });

  it("refuses a body that is not an array, or has too many outcomes, before looking at any", async () => {
    expect(await pushOutcomes({ rows: [] }, OPTIONS, tokenId, NOW)).toEqual({ ok: false, message: "the body must be a JSON array of outcomes" });
    const tooMany = Array.from({ length: MAX_PUSH_ROWS + 1 }, (_, i) => row(`X${i}`));
    expect(await pushOutcomes(tooMany, OPTIONS, tokenId, NOW)).toEqual({ ok: false, message: `at most ${MAX_PUSH_ROWS} outcomes per request, this one has ${MAX_PUSH_ROWS + 1}` });
    const empty = await push([]);
    expect(empty).toMatchObject({ import_id: null, totals: { received: 0 } });
  });
});

describe("push options", () => {
  it("defaults the source to api and the scale to none", () => {
    expect(readPushOptions(new URLSearchParams())).toEqual({ ok: true, options: { scale: null, source: "api" } });
    expect(readPushOptions(new URLSearchParams("scale=0-10&source=Zendesk EU"))).toEqual({ ok: true, options: { scale: "0-10", source: "Zendesk EU" } });
  });

  it("names a bad scale or source", () => {
    expect(readPushOptions(new URLSearchParams("scale=stars"))).toEqual({ ok: false, message: "?scale= must be one of good-bad, 1-5, 1-10, 0-10" });
    for (const source of ["", "x".repeat(41), "a/b", "-lead"]) {
      expect(readPushOptions(new URLSearchParams({ source })), source).toMatchObject({ ok: false, message: expect.stringMatching(/^\?source= must be 1–40/) });
    }
  });
});
