import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { makeTempDir } from "#db/test-database";
import { planCsv, type CsvOptions, type CsvPlan } from "./csv-plan.server";
import { GENERIC } from "./formats";
import { SAMPLE_LIMIT } from "./plan";
import { JIRA_SERVICE_MANAGEMENT, ZENDESK } from "./presets";

const NOW = new Date("2026-06-01T00:00:00Z");
const dir = makeTempDir("frontline-csv-plan-");
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const AUTO: CsvOptions = { format: "auto", scale: "detect" };
const HEADER = "ticket_id,agent_email,date_time,rating,solved_on_first_contact,reopened,channel";
let files = 0;

function write(content: string | Buffer): string {
  const file = path.join(dir, `file-${++files}.csv`);
  fs.writeFileSync(file, content);
  return file;
}

const csv = (lines: string[], header = HEADER) => write(`${[header, ...lines].join("\n")}\n`);

async function plan(file: string, options: CsvOptions = AUTO) {
  const planned = await planCsv(file, options, NOW);
  if (!planned.ok) throw new Error(`expected a plan, got ${JSON.stringify(planned)}`);
  return planned;
}

async function problem(file: string, options: CsvOptions = AUTO): Promise<Exclude<CsvPlan, { ok: true }>> {
  const planned = await planCsv(file, options, NOW);
  if (planned.ok) throw new Error("expected the file to be refused");
  return planned;
}

const winner = (planned: Extract<CsvPlan, { ok: true }>, ticketId: string) => planned.plan.winners.get(ticketId);

describe("planCsv refuses the file", () => {
  it("when it is empty", async () => {
    expect(await problem(write(""))).toEqual({ ok: false, code: "empty", error: "The file is empty." });
  });

  it("when it holds only blank lines", async () => {
    expect(await problem(write("\n\r\n\n"))).toEqual({ ok: false, code: "empty", error: "The file has no rows: not even a header line." });
  });

  it("when it is not UTF-8", async () => {
    const text = `${HEADER}\nT1,josé@example.test,2026-01-02,5,yes,,\n`;
    expect(await problem(write(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])))).toEqual({ ok: false, code: "encoding", error: "The file is UTF-16 text. Save it as CSV UTF-8 and upload it again." });
    expect(await problem(write(Buffer.from(text, "latin1")))).toMatchObject({ ok: false, code: "encoding", error: expect.stringMatching(/^The file is not UTF-8 text/) as unknown });
  });

  it("when a quote is never closed", async () => {
    expect(await problem(csv(['T1,"ana@example.test,2026-01-02,5,yes,,', "T2,ben@example.test,2026-01-02,5,yes,,"]))).toMatchObject({ ok: false, code: "malformed", error: expect.stringMatching(/^The file is not readable as CSV at line \d+: .*quote/i) as unknown });
  });

  it("without the rating column, naming it and listing the header", async () => {
    const header = "ticket_id,agent_email,date_time,solved_on_first_contact,reopened,channel";
    expect(await problem(csv(["T1,ana@example.test,2026-01-02,yes,,"], header))).toEqual({
      ok: false,
      code: "columns",
      error: "The file has no rating column. Its header row has: ticket_id, agent_email, date_time, solved_on_first_contact, reopened, channel.",
      headers: header.split(","),
      missing: ["rating"],
      format: GENERIC,
    });
  });

  it("without several columns, naming them all", async () => {
    const refused = await problem(csv(["T1,ana@example.test,2026-01-02"], "Ticket ID,Agent Email,Date Time"));
    expect(refused).toMatchObject({ code: "columns", missing: ["rating", "solved_on_first_contact"], headers: ["Ticket ID", "Agent Email", "Date Time"] });
    expect(refused.error).toBe("The file has no rating, solved_on_first_contact columns. Its header row has: Ticket ID, Agent Email, Date Time.");
  });

  it("listing at most 300 characters of a long header", async () => {
    const header = Array.from({ length: 80 }, (_, i) => `Column number ${i}`).join(",");
    const { error } = await problem(csv([], header));
    const listed = /Its header row has: (.*)\.$/.exec(error)?.[1];
    expect(listed).toHaveLength(300);
    expect(listed).toBe(header.split(",").join(", ").slice(0, 300));
  });

  it("when a chosen preset's columns are not all there", async () => {
    const refused = await problem(csv(["1,Ana,2026-01-02"], "Id,Assignee,Created at"), { format: "zendesk", scale: "detect" });
    expect(refused).toMatchObject({ code: "columns", missing: ["rating"], format: ZENDESK });
  });

  it("when a mapping leaves a required field out, or names a header the file lacks", async () => {
    const file = csv(["C-1,Ana,2026-01-02,5,Y"], "Case,Owner,Opened,CSAT,FCR");
    const refused = await problem(file, { format: "mapped", mapping: { ticket_id: "Case", agent_email: "Owner", date_time: "Opened", rating: "Score" }, scale: "detect" });
    expect(refused).toMatchObject({ code: "columns", missing: ["rating", "solved_on_first_contact"], format: null });
  });
});

describe("planCsv reads", () => {
  it("the generic template: every line checked, refusals with their line and reason, tallied by kind", async () => {
    const planned = await plan(
      csv([
        "T1,Ana@Example.test,2026-01-02T10:00:00Z,5,yes,no,Chat",
        "T2,ben@example.test,2026-01-03T10:00:00,4,no,,",
        "T3,ben@example.test,not a date,4,yes,,",
        "T4,=cmd,2026-01-03T10:00:00Z,4,yes,,",
        "T5,ben@example.test,yesterday,4,yes,,",
        "T6,carla@example.test,2026-01-05,,no,,email",
      ]),
    );
    expect(planned.format).toBe(GENERIC);
    expect(planned.scale).toEqual({ scale: "1-5", how: "detected" });
    expect(planned.plan.rowsRead).toBe(6);
    expect(planned.plan.refusedCount).toBe(3);
    expect(planned.plan.refused).toEqual([
      { line: 4, reason: 'date_time "not a date" is not a date and time like 2026-03-14T09:30:00Z' },
      { line: 5, reason: 'agent_email looks like a spreadsheet formula ("=cmd")' },
      { line: 6, reason: 'date_time "yesterday" is not a date and time like 2026-03-14T09:30:00Z' },
    ]);
    expect([...planned.plan.refusedByReason]).toEqual([
      ["date_time … is not a date and time like 2026-03-14T09:30:00Z", 2],
      ["agent_email looks like a spreadsheet formula (…)", 1],
    ]);
    expect([...planned.plan.winners.keys()]).toEqual(["T1", "T2", "T6"]);
    expect(winner(planned, "T1")).toEqual({
      line: 2,
      outcome: { ticketId: "T1", agentKey: "ana@example.test", ticketAt: "2026-01-02T10:00:00.000Z", ratingRaw: "5", scale: "1-5", rating: 1, satisfied: 1, solvedFirstContact: 1, reopened: 0, channel: "chat" },
    });
    expect(winner(planned, "T6")?.outcome).toMatchObject({ ratingRaw: null, rating: null, solvedFirstContact: 0, channel: "email" });
    expect(planned.plan.notes).toEqual(new Set(["assumed-utc"]));
    expect([planned.plan.dateFrom, planned.plan.dateTo]).toEqual(["2026-01-02T10:00:00.000Z", "2026-01-05T00:00:00.000Z"]);
    expect(planned.ignoredColumns).toEqual([]);
  });

  it("without the assumed-UTC note when every time has a zone", async () => {
    const planned = await plan(csv(["T1,ana,2026-01-02T10:00:00+01:00,5,yes,,", "T2,ana,2026-01-03,5,yes,,"]));
    expect(planned.plan.notes.size).toBe(0);
  });

  it("a file with a header and no rows", async () => {
    const planned = await plan(csv([]));
    expect(planned.plan.rowsRead).toBe(0);
    expect(planned.plan.winners.size).toBe(0);
    expect(planned.scale).toEqual({ scale: null, how: "unknown" });
  });

  it("a header that differs from the template only in case and punctuation", async () => {
    const planned = await plan(csv(["T1,ana,2026-01-02,5,yes"], "Ticket ID,Agent E-mail,Date/Time,Rating,Solved on first contact"));
    expect(planned.format).toBe(GENERIC);
    expect(winner(planned, "T1")?.outcome.rating).toBe(1);
  });

  it("a UTF-8 file with a byte order mark", async () => {
    const planned = await plan(write(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${HEADER}\nT1,josé@example.test,2026-01-02,5,yes,,\n`)])));
    expect(planned.format).toBe(GENERIC);
    expect(planned.headers[0]).toBe("ticket_id");
    expect(winner(planned, "T1")?.outcome.agentKey).toBe("josé@example.test");
  });

  it("semicolon- and tab-separated files, with commas inside cells", async () => {
    for (const delimiter of [";", "\t"]) {
      const header = [...HEADER.split(","), "note"].join(delimiter);
      const planned = await plan(csv([["T1", "Ana Lima", "2026-01-02", "5", "yes", "", "chat", "Called back, twice"].join(delimiter)], header));
      expect(planned.headers).toEqual([...HEADER.split(","), "note"]);
      expect(planned.plan.refusedCount).toBe(0);
      expect(winner(planned, "T1")?.outcome).toMatchObject({ agentKey: "ana lima", rating: 1, channel: "chat" });
    }
  });

  it("quoted cells with commas and line breaks, giving later rows the line they start on", async () => {
    const planned = await plan(
      csv(
        [
          'T1,"Lima, Ana",2026-01-02,5,yes,"A long note, with commas"',
          'T2,ben@example.test,2026-01-02,5,yes,"first line\nsecond line\nthird line"',
          "T3,ben@example.test,2026-13-01,5,yes,",
          "",
          "T4,,2026-01-02,5,yes,",
        ],
        "ticket_id,agent_email,date_time,rating,solved_on_first_contact,Internal note",
      ),
    );
    expect(planned.plan.refused).toEqual([
      { line: 2, reason: 'agent_email "Lima, Ana" is not an email address or a name' },
      { line: 6, reason: 'date_time "2026-13-01" is not a real date' },
      { line: 8, reason: "agent_email is empty" },
    ]);
    expect([...planned.plan.winners.keys()]).toEqual(["T2"]);
    expect(planned.ignoredColumns).toEqual(["Internal note"]);
  });

  it("ragged rows, refusing the ones short of required cells", async () => {
    const planned = await plan(
      csv(["T1,ana@example.test,2026-01-02,5", "T2,ana@example.test,2026-01-02", "T3,ana@example.test", "T4", "T5,ana@example.test,2026-01-02,,yes", "T6,ana@example.test,2026-01-02,4,no,no,chat,extra,cells"]),
    );
    expect(planned.plan.rowsRead).toBe(6);
    expect(planned.plan.refused).toEqual([
      { line: 3, reason: "the ticket has no rating and no solved_on_first_contact value, so there is nothing to count" },
      { line: 4, reason: "date_time is empty" },
      { line: 5, reason: "agent_email is empty" },
    ]);
    expect([...planned.plan.winners.keys()]).toEqual(["T1", "T5", "T6"]);
    expect(winner(planned, "T1")?.outcome).toMatchObject({ rating: 1, solvedFirstContact: null, reopened: null, channel: null });
    expect(winner(planned, "T6")?.outcome).toMatchObject({ rating: 0.75, solvedFirstContact: 0, reopened: 0, channel: "chat" });
  });

  it("a row with a stray quote, refusing only that row", async () => {
    const planned = await plan(csv(['T1,=HYPERLINK("http://x.test"),2026-01-02,5,yes,,', "T2,ana@example.test,2026-01-02,5,yes,,"]));
    expect(planned.plan.refused).toEqual([{ line: 2, reason: 'agent_email looks like a spreadsheet formula ("=HYPERLINK("http://x")' }]);
    expect([...planned.plan.winners.keys()]).toEqual(["T2"]);
  });

  it("a column mapping for a file with its own headers, naming customer columns it leaves behind", async () => {
    const file = csv(['C-1,Ana@Example.test,2026-01-02T10:00:00Z,4,Y,Medium,carla@customer.test,"Was rude, then fixed it"'], "Case,Owner,Opened,CSAT,FCR,Channel?,Customer email,Comment");
    const planned = await plan(file, { format: "mapped", mapping: { ticket_id: "Case", agent_email: "Owner", date_time: "Opened", rating: "CSAT", solved_on_first_contact: "FCR", reopened: "" }, scale: "1-5" });
    expect(planned.format).toBeNull();
    expect(planned.scale).toEqual({ scale: "1-5", how: "chosen" });
    expect(winner(planned, "C-1")?.outcome).toMatchObject({ agentKey: "ana@example.test", rating: 0.75, satisfied: 1, solvedFirstContact: 1, channel: null });
    expect(planned.ignoredColumns).toEqual(["Customer email", "Comment"]);
  });
});

describe("planCsv with a Zendesk export", () => {
  it("recognises it, detects Good/Bad, reads Offered and Unoffered as unrated, and Reopens as yes/no", async () => {
    const planned = await plan(fixture("zendesk-tickets-good-bad.csv"));
    expect(planned.format).toBe(ZENDESK);
    expect(planned.scale).toEqual({ scale: "good-bad", how: "detected" });
    expect(planned.plan.rowsRead).toBe(8);
    // Unrated tickets carry no outcome Zendesk's export can give (it has no first-contact column).
    expect(planned.plan.refused).toEqual([
      { line: 4, reason: "the ticket has no rating and no solved_on_first_contact value, so there is nothing to count" },
      { line: 5, reason: "the ticket has no rating and no solved_on_first_contact value, so there is nothing to count" },
      { line: 6, reason: "the ticket has no rating and no solved_on_first_contact value, so there is nothing to count" },
      { line: 8, reason: "agent_email is empty" },
    ]);
    expect([...planned.plan.winners.keys()]).toEqual(["48213", "48214", "48218", "48220"]);
    expect(winner(planned, "48213")).toEqual({
      line: 2,
      outcome: { ticketId: "48213", agentKey: "ana lima", ticketAt: "2026-02-25T09:17:00.000Z", ratingRaw: "Good", scale: "good-bad", rating: 1, satisfied: 1, solvedFirstContact: null, reopened: 0, channel: "web form" },
    });
    expect(winner(planned, "48214")?.outcome).toMatchObject({ agentKey: "ben ortiz", ticketAt: "2026-02-25T10:00:00.000Z", ratingRaw: "Bad", rating: 0, satisfied: 0, reopened: 1, channel: "email" });
    expect(winner(planned, "48218")?.outcome.ticketAt).toBe("2026-03-02T04:30:00.000Z");
    expect([planned.plan.dateFrom, planned.plan.dateTo]).toEqual(["2026-02-25T09:17:00.000Z", "2026-03-03T15:45:00.000Z"]);
    expect(planned.plan.notes.size).toBe(0);
    expect(planned.ignoredColumns).toEqual(expect.arrayContaining(["Requester email", "Subject"]));
    expect(planned.ignoredColumns).not.toContain("Assignee");
  });

  it("detects a 1–5 score in the same export", async () => {
    const planned = await plan(fixture("zendesk-tickets-1-5.csv"));
    expect(planned.format).toBe(ZENDESK);
    expect(planned.scale).toEqual({ scale: "1-5", how: "detected" });
    expect(planned.plan.refusedCount).toBe(4);
    expect(winner(planned, "48213")?.outcome).toMatchObject({ ratingRaw: "5", scale: "1-5", rating: 1, satisfied: 1 });
    expect(winner(planned, "48214")?.outcome).toMatchObject({ ratingRaw: "2", scale: "1-5", rating: 0.25, satisfied: 0 });
  });

  it("reads the same export the same way when the preset is chosen rather than recognised", async () => {
    const chosen = await plan(fixture("zendesk-tickets-good-bad.csv"), { format: "zendesk", scale: "detect" });
    const recognised = await plan(fixture("zendesk-tickets-good-bad.csv"));
    expect(chosen.plan).toEqual(recognised.plan);
  });

  it("reads the ratings with the scale the uploader chose", async () => {
    const planned = await plan(fixture("zendesk-tickets-1-5.csv"), { format: "auto", scale: "0-10" });
    expect(planned.scale).toEqual({ scale: "0-10", how: "chosen" });
    expect(winner(planned, "48213")?.outcome).toMatchObject({ scale: "0-10", rating: 0.5, satisfied: 0 });
  });
});

describe("planCsv with a Jira Service Management export", () => {
  it("uses the preset's 1–5 scale and reads Jira's dates as UTC", async () => {
    const planned = await plan(
      csv(['"Refund, please",HELP-1,ana.lima,carla@customer.test,25/Feb/26 10:17 PM,4', "Login,HELP-2,ben.ortiz,dev@customer.test,1/Mar/26 12:05 AM,", "Crash,HELP-3,ben.ortiz,eve@customer.test,12/Dec/25 12:30 PM,1"], "Summary,Issue key,Assignee,Reporter,Custom field (Satisfaction date),Satisfaction rating"),
    );
    expect(planned.format).toBe(JIRA_SERVICE_MANAGEMENT);
    expect(planned.scale).toEqual({ scale: "1-5", how: "preset" });
    expect(planned.plan.refused).toEqual([{ line: 3, reason: "the ticket has no rating and no solved_on_first_contact value, so there is nothing to count" }]);
    expect(winner(planned, "HELP-1")?.outcome).toMatchObject({ agentKey: "ana.lima", ticketAt: "2026-02-25T22:17:00.000Z", rating: 0.75, satisfied: 1 });
    expect(winner(planned, "HELP-3")?.outcome).toMatchObject({ ticketAt: "2025-12-12T12:30:00.000Z", rating: 0, satisfied: 0 });
    expect(planned.plan.notes).toEqual(new Set(["assumed-utc"]));
  });
});

describe("planCsv's rating scale", () => {
  const tenPoint = ["T1,ana,2026-01-02,1,yes,,", "T2,ana,2026-01-02,7,yes,,", "T3,ana,2026-01-02,10,yes,,", "T4,ana,2026-01-02,9,yes,,"];

  it("reads a 1–10 column without a 0 as 1–10 and says it is a guess", async () => {
    const planned = await plan(csv(tenPoint));
    expect(planned.scale).toEqual({ scale: "1-10", how: "ambiguous" });
    expect(winner(planned, "T1")?.outcome).toMatchObject({ scale: "1-10", rating: 0, satisfied: 0 });
    expect(winner(planned, "T2")?.outcome).toMatchObject({ rating: 0.667, satisfied: 0 });
    expect(winner(planned, "T3")?.outcome).toMatchObject({ rating: 1, satisfied: 1 });
    expect(winner(planned, "T4")?.outcome).toMatchObject({ rating: 0.889, satisfied: 1 });
  });

  it("reads a column with a 0 as 0–10 without doubt", async () => {
    const planned = await plan(csv([...tenPoint, "T5,ana,2026-01-02,0,yes,,"]));
    expect(planned.scale).toEqual({ scale: "0-10", how: "detected" });
    expect(winner(planned, "T2")?.outcome.rating).toBe(0.7);
  });

  it("lets the uploader's choice override detection", async () => {
    const planned = await plan(csv(tenPoint), { format: "auto", scale: "0-10" });
    expect(planned.scale).toEqual({ scale: "0-10", how: "chosen" });
    expect(winner(planned, "T1")?.outcome).toMatchObject({ scale: "0-10", rating: 0.1, satisfied: 0 });
    expect(winner(planned, "T2")?.outcome.rating).toBe(0.7);
    expect(winner(planned, "T4")?.outcome).toMatchObject({ rating: 0.9, satisfied: 1 });
  });

  it("refuses the ratings a chosen scale cannot hold", async () => {
    const planned = await plan(csv(tenPoint), { format: "auto", scale: "1-5" });
    expect(planned.scale).toEqual({ scale: "1-5", how: "chosen" });
    expect(planned.plan.refused).toEqual([
      { line: 3, reason: 'rating "7" is not a whole number from 1 to 5' },
      { line: 4, reason: 'rating "10" is not a whole number from 1 to 5' },
      { line: 5, reason: 'rating "9" is not a whole number from 1 to 5' },
    ]);
  });

  it("when it cannot tell, refuses the rated rows and keeps the ones with only an answer", async () => {
    const planned = await plan(csv(["T1,ana,2026-01-02,good,yes,,", "T2,ana,2026-01-02,4,yes,,", "T3,ana,2026-01-02,,no,,"]));
    expect(planned.scale).toEqual({ scale: null, how: "unknown" });
    expect(planned.plan.refused).toEqual([
      { line: 2, reason: "rating cannot be read: no rating scale was chosen or recognised" },
      { line: 3, reason: "rating cannot be read: no rating scale was chosen or recognised" },
    ]);
    expect([...planned.plan.winners.keys()]).toEqual(["T3"]);
  });
});

describe("planCsv with a ticket on several lines", () => {
  it("keeps one per ticket: the latest time wins, whatever the order of the lines, and says which lines repeat", async () => {
    const planned = await plan(
      csv([
        "D1,ana@example.test,2026-03-01T10:00:00Z,4,yes,,chat",
        "D1,ANA@example.test,2026-03-01T11:00:00+01:00,4,yes,,Chat",
        "D2,ben@example.test,2026-03-01T10:00:00Z,3,no,,",
        "D1,ana@example.test,2026-03-02T10:00:00Z,1,no,,chat",
        "D1,ana@example.test,2026-02-28T10:00:00Z,5,yes,,chat",
      ]),
    );
    expect(planned.plan.rowsRead).toBe(5);
    expect(planned.plan.repeatCount).toBe(3);
    expect(planned.plan.repeats).toEqual([
      // The same ticket, agent, time (written another way) and answers: identical.
      { line: 2, keptLine: 3, identical: true },
      // A later time replaces it.
      { line: 3, keptLine: 5, identical: false },
      // An earlier time further down the file loses.
      { line: 6, keptLine: 5, identical: false },
    ]);
    expect(winner(planned, "D1")).toMatchObject({ line: 5, outcome: { ticketAt: "2026-03-02T10:00:00.000Z", ratingRaw: "1" } });
    expect(planned.plan.winners.size).toBe(2);
    expect([planned.plan.dateFrom, planned.plan.dateTo]).toEqual(["2026-03-01T10:00:00.000Z", "2026-03-02T10:00:00.000Z"]);
  });

  it("counts lines that differ only in something other than the time as repeats that are not identical; the later line wins a tie", async () => {
    const planned = await plan(csv(["D1,ana@example.test,2026-03-01T10:00:00Z,4,yes,,", "D1,ana@example.test,2026-03-01T10:00:00Z,2,yes,,"]));
    expect(planned.plan.repeats).toEqual([{ line: 2, keptLine: 3, identical: false }]);
    expect(winner(planned, "D1")?.outcome.ratingRaw).toBe("2");
  });
  it("gives the date range of the rows it keeps, not of lines a later time replaced", async () => {
    const planned = await plan(csv(["D1,ana@example.test,2026-03-01T10:00:00Z,4,yes,,", "D2,ben@example.test,2026-03-05T10:00:00Z,3,no,,", "D1,ana@example.test,2026-03-03T10:00:00Z,1,no,,"]));
    expect([...planned.plan.winners.values()].map((kept) => kept.outcome.ticketAt).sort()).toEqual(["2026-03-03T10:00:00.000Z", "2026-03-05T10:00:00.000Z"]);
    expect([planned.plan.dateFrom, planned.plan.dateTo]).toEqual(["2026-03-03T10:00:00.000Z", "2026-03-05T10:00:00.000Z"]);
  });
});

describe("planCsv with a large file", () => {
  it("reads 200,000 rows (about 15 MB) and counts every one", { timeout: 180_000 }, async () => {
    const ROWS = 200_000;
    const start = Date.parse("2026-01-01T00:00:00Z");
    const channels = ["email", "chat", "phone"];
    const at = (i: number) => new Date(start + i * 60_000).toISOString().replace(".000Z", "Z");
    const lines: string[] = [HEADER];
    for (let i = 0; i < ROWS; i++) {
      const broken = i % 1000 === 999;
      lines.push(`ZD-${String(i).padStart(7, "0")},agent-${String(i % 250).padStart(3, "0")}@helpdesk.example.test,${broken ? "not a date" : at(i)},${1 + (i % 5)},${i % 3 === 0 ? "no" : "yes"},no,${channels[i % 3]}`);
    }
    const file = write(`${lines.join("\n")}\n`);
    const bytes = fs.statSync(file).size;
    expect(bytes).toBeGreaterThan(14_000_000);
    expect(bytes).toBeLessThan(17_000_000);

    const planned = await plan(file);
    expect(planned.scale).toEqual({ scale: "1-5", how: "detected" });
    expect(planned.plan.rowsRead).toBe(ROWS);
    expect(planned.plan.refusedCount).toBe(200);
    expect(planned.plan.refused).toHaveLength(SAMPLE_LIMIT);
    expect(planned.plan.refused[0]).toEqual({ line: 1001, reason: 'date_time "not a date" is not a date and time like 2026-03-14T09:30:00Z' });
    expect(planned.plan.refused.at(-1)?.line).toBe(100 * 1000 + 1);
    expect(planned.plan.winners.size).toBe(ROWS - 200);
    expect(planned.plan.repeatCount).toBe(0);
    expect(winner(planned, "ZD-0123456")).toEqual({
      line: 123_458,
      outcome: { ticketId: "ZD-0123456", agentKey: "agent-206@helpdesk.example.test", ticketAt: new Date(start + 123_456 * 60_000).toISOString(), ratingRaw: "2", scale: "1-5", rating: 0.25, satisfied: 0, solvedFirstContact: 0, reopened: 0, channel: "email" },
    });
    expect(planned.plan.dateFrom).toBe("2026-01-01T00:00:00.000Z");
    expect(planned.plan.dateTo).toBe(new Date(start + (ROWS - 2) * 60_000).toISOString());
  });
});
