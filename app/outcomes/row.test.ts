import { describe, expect, it } from "vitest";
import type { RatingScale } from "~/domain/outcomes";
import { checkOutcome, parseTicketTime, type OutcomeInput, type RawOutcome } from "./row";

const NOW = new Date("2026-06-01T00:00:00Z");

/** A row every check accepts; each test changes the cells it is about. */
const row = (cells: Partial<RawOutcome> = {}): RawOutcome => ({
  ticket_id: "T-1",
  agent_email: "Ana@Example.test",
  date_time: "2026-03-14T09:30:00Z",
  rating: "5",
  solved_on_first_contact: "yes",
  reopened: "no",
  channel: "Chat",
  ...cells,
});

function refusal(cells: Partial<RawOutcome>, scale: RatingScale | null = "1-5", now: Date = NOW): string {
  const checked = checkOutcome(row(cells), scale, now);
  if (checked.ok) throw new Error(`expected a refusal, got ${JSON.stringify(checked.outcome)}`);
  return checked.reason;
}

function accepted(cells: Partial<RawOutcome>, scale: RatingScale | null = "1-5", now: Date = NOW): { outcome: OutcomeInput; notes: string[] } {
  const checked = checkOutcome(row(cells), scale, now);
  if (!checked.ok) throw new Error(`expected the row to be accepted, got "${checked.reason}"`);
  return { outcome: checked.outcome, notes: checked.notes };
}

describe("checkOutcome refuses", () => {
  it("an empty ticket id, spaces included", () => {
    expect(refusal({ ticket_id: "" })).toBe("ticket_id is empty");
    expect(refusal({ ticket_id: "   " })).toBe("ticket_id is empty");
  });

  it("a ticket id with characters an id cannot have, quoting at most 40 of them", () => {
    for (const id of ["T 1", "T,1", "T;1", "#123", "_T1", ".T1", "<b>T1</b>", 'T"1', "T1!", "T1(2)"]) {
      expect(refusal({ ticket_id: id })).toBe(`ticket_id "${id}" has characters a ticket id cannot have`);
    }
    expect(refusal({ ticket_id: `T${"1".repeat(100)}` })).toBe(`ticket_id "T${"1".repeat(39)}" has characters a ticket id cannot have`);
  });

  it("accepts the ticket ids helpdesks use, up to 100 characters", () => {
    for (const id of ["12345", "ZD-1234", "INC0012345", "ABC.1:2#3/4_5-6", "Ärende-7", `T${"1".repeat(99)}`]) {
      expect(accepted({ ticket_id: id }).outcome.ticketId).toBe(id);
    }
  });

  describe("cells a spreadsheet would run as a formula", () => {
    const starts = ["=1+1", '=HYPERLINK("http://evil.test","x")', "+1", "+cmd|' /C calc'!A0", "@SUM(A1:A9)", "-x", "-=1", "- 5", "-A1+1"];

    for (const column of ["ticket_id", "agent_email", "channel"] as const) {
      it(`in ${column}`, () => {
        for (const value of starts) {
          expect(refusal({ [column]: value })).toBe(`${column} looks like a spreadsheet formula ("${value.slice(0, 20)}")`);
        }
      });
    }

    it("in rating, on any scale and even when no scale is known", () => {
      for (const value of starts) {
        expect(refusal({ rating: value }, "1-5")).toBe(`rating looks like a spreadsheet formula ("${value.slice(0, 20)}")`);
        expect(refusal({ rating: value }, "good-bad")).toBe(`rating looks like a spreadsheet formula ("${value.slice(0, 20)}")`);
        expect(refusal({ rating: value }, null)).toBe(`rating looks like a spreadsheet formula ("${value.slice(0, 20)}")`);
      }
    });

    it("after a leading tab or carriage return, which is trimmed before the check", () => {
      // The tab itself can never be stored (cells are trimmed), so what follows it is what counts.
      expect(refusal({ ticket_id: "\t=1+1" })).toBe('ticket_id looks like a spreadsheet formula ("=1+1")');
      expect(refusal({ agent_email: "\r@ana" })).toBe('agent_email looks like a spreadsheet formula ("@ana")');
      expect(refusal({ channel: "\t+chat" })).toBe('channel looks like a spreadsheet formula ("+chat")');
      expect(refusal({ rating: "\t=5" })).toBe('rating looks like a spreadsheet formula ("=5")');
      const tabbed = accepted({ ticket_id: "\tT-9", agent_email: "\tana@example.test", channel: "\tchat" }).outcome;
      expect([tabbed.ticketId, tabbed.agentKey, tabbed.channel]).toEqual(["T-9", "ana@example.test", "chat"]);
    });

    it("before checking the cell is empty or well formed, so the formula is what the reason names", () => {
      expect(refusal({ ticket_id: "", channel: "=1" })).toBe('channel looks like a spreadsheet formula ("=1")');
      expect(refusal({ agent_email: "=A1", ticket_id: "bad id" })).toBe('agent_email looks like a spreadsheet formula ("=A1")');
    });

    it('but not "-" followed by a digit, which the other rules then judge (no formula can be stored that way)', () => {
      expect(refusal({ ticket_id: "-5" })).toBe('ticket_id "-5" has characters a ticket id cannot have');
      expect(refusal({ ticket_id: "-12-3" })).toBe('ticket_id "-12-3" has characters a ticket id cannot have');
      expect(refusal({ agent_email: "-5" })).toBe('agent_email "-5" is not an email address or a name');
      expect(refusal({ channel: "-5" })).toBe('channel "-5" is not a channel name');
      expect(refusal({ rating: "-5" }, "1-5")).toBe('rating "-5" is not a whole number from 1 to 5');
      expect(refusal({ rating: "-1+1" }, "0-10")).toBe('rating "-1+1" is not a whole number from 0 to 10');
      // A dash inside a value is ordinary.
      expect(accepted({ ticket_id: "5-1", agent_email: "ana-maria@example.test", channel: "e-mail" }).outcome.ticketId).toBe("5-1");
    });
  });

  it("an empty agent", () => {
    expect(refusal({ agent_email: "" })).toBe("agent_email is empty");
    expect(refusal({ agent_email: "  " })).toBe("agent_email is empty");
  });

  it("an agent that is neither an email address nor a name, quoting at most 40 characters", () => {
    for (const agent of ["<ana@example.test>", "ana,ben", "ana;ben", "Ana (L2)", 'Ana "A"', "ana/ben", ".ana", "_ana", "ana#1"]) {
      expect(refusal({ agent_email: agent })).toBe(`agent_email "${agent}" is not an email address or a name`);
    }
    expect(refusal({ agent_email: `a${"b".repeat(200)}` })).toBe(`agent_email "a${"b".repeat(39)}" is not an email address or a name`);
  });

  it("accepts email addresses and names as helpdesks write them, lower-cased", () => {
    const cases: [string, string][] = [
      ["Ana@Example.test", "ana@example.test"],
      ["josé.núñez+cs@example.test", "josé.núñez+cs@example.test"],
      ["Ana O'Neil", "ana o'neil"],
      ["Ana O’Neil", "ana o’neil"],
      ["ANA_LIMA", "ana_lima"],
      ["李娜", "李娜"],
      [`a${"b".repeat(199)}`, `a${"b".repeat(199)}`],
    ];
    for (const [agent, key] of cases) expect(accepted({ agent_email: agent }).outcome.agentKey).toBe(key);
  });

  it("a channel that is not a channel name", () => {
    for (const channel of ["2fa", "chat!", "_chat", "<script>", `c${"h".repeat(60)}`]) {
      expect(refusal({ channel })).toBe(`channel "${channel.slice(0, 40)}" is not a channel name`);
    }
  });

  it("but not helpdesk channel labels with brackets or slashes", () => {
    for (const channel of ["Phone call (incoming)", "web/form", "Email & chat"]) {
      expect(accepted({ channel }).outcome.channel).toBe(channel.toLowerCase());
    }
  });

  describe("date_time", () => {
    it("when it is empty", () => {
      expect(refusal({ date_time: "" })).toBe("date_time is empty");
      expect(refusal({ date_time: "   " })).toBe("date_time is empty");
    });

    it("when it is not an ISO 8601 date and time", () => {
      for (const value of ["14/03/2026", "03/14/2026 09:30", "2026-3-14", "14 March 2026", "2026-03-14T09", "2026-03-14T09:30:00+02", "2026-03-14T09:30:00 UTC", "1773480600", "=NOW()", "yesterday"]) {
        expect(refusal({ date_time: value })).toBe(`date_time "${value}" is not a date and time like 2026-03-14T09:30:00Z`);
      }
    });

    it("when the date or time does not exist", () => {
      for (const value of ["2026-02-30", "2026-02-29T10:00:00Z", "2026-04-31T10:00:00Z", "2026-13-01", "2026-00-10", "2026-03-00", "2026-03-14T25:00:00Z", "2026-03-14T09:60:00Z", "2026-03-14T09:30:60Z"]) {
        expect(refusal({ date_time: value })).toBe(`date_time "${value}" is not a real date`);
      }
      expect(accepted({ date_time: "2024-02-29T10:00:00Z" }).outcome.ticketAt).toBe("2024-02-29T10:00:00.000Z");
    });

    it("when it is before 2000, in UTC", () => {
      expect(refusal({ date_time: "1999-12-31T23:59:59Z" })).toBe('date_time "1999-12-31T23:59:59Z" is before 2000');
      expect(refusal({ date_time: "1970-01-01" })).toBe('date_time "1970-01-01" is before 2000');
      // Local midnight an hour east of Greenwich is still 1999 in UTC.
      expect(refusal({ date_time: "2000-01-01T00:30:00+01:00" })).toBe('date_time "2000-01-01T00:30:00+01:00" is before 2000');
      expect(accepted({ date_time: "2000-01-01T00:00:00Z" }).outcome.ticketAt).toBe("2000-01-01T00:00:00.000Z");
    });

    it("when it is more than a day in the future", () => {
      expect(accepted({ date_time: "2026-06-02T00:00:00Z" }).outcome.ticketAt).toBe("2026-06-02T00:00:00.000Z");
      expect(refusal({ date_time: "2026-06-02T00:00:01Z" })).toBe('date_time "2026-06-02T00:00:01Z" is in the future');
      expect(refusal({ date_time: "2027-01-01" })).toBe('date_time "2027-01-01" is in the future');
      // The limit follows the clock it is given.
      expect(accepted({ date_time: "2027-01-01" }, "1-5", new Date("2027-01-01T12:00:00Z")).outcome.ticketAt).toBe("2027-01-01T00:00:00.000Z");
    });
  });

  it("a rating when no scale was chosen or recognised", () => {
    expect(refusal({ rating: "5" }, null)).toBe("rating cannot be read: no rating scale was chosen or recognised");
    expect(refusal({ rating: "good", solved_on_first_contact: "" }, null)).toBe("rating cannot be read: no rating scale was chosen or recognised");
    // Without a rating the scale does not matter.
    expect(accepted({ rating: "" }, null).outcome).toMatchObject({ rating: null, scale: null, solvedFirstContact: 1 });
  });

  it("a rating its scale cannot hold", () => {
    expect(refusal({ rating: "6" }, "1-5")).toBe('rating "6" is not a whole number from 1 to 5');
    expect(refusal({ rating: "0" }, "1-5")).toBe('rating "0" is not a whole number from 1 to 5');
    expect(refusal({ rating: "4.5" }, "1-5")).toBe('rating "4.5" is not a whole number from 1 to 5');
    expect(refusal({ rating: "good" }, "1-5")).toBe('rating "good" is not a whole number from 1 to 5');
    expect(refusal({ rating: "0" }, "1-10")).toBe('rating "0" is not a whole number from 1 to 10');
    expect(refusal({ rating: "11" }, "0-10")).toBe('rating "11" is not a whole number from 0 to 10');
    expect(refusal({ rating: " 4 " }, "good-bad")).toBe('rating "4" is not a good/bad rating');
    expect(refusal({ rating: "meh" }, "good-bad")).toBe('rating "meh" is not a good/bad rating');
  });

  it("yes/no cells that say something else", () => {
    for (const value of ["maybe", "2", "ja", "yes!", "-1", "=TRUE()", "solved?"]) {
      expect(refusal({ solved_on_first_contact: value })).toBe(`solved_on_first_contact must be yes or no, not "${value}"`);
      expect(refusal({ reopened: value })).toBe(`reopened must be yes or no, not "${value}"`);
    }
    expect(refusal({ solved_on_first_contact: " Perhaps " })).toBe('solved_on_first_contact must be yes or no, not "Perhaps"');
    // solved_on_first_contact is judged first.
    expect(refusal({ solved_on_first_contact: "x", reopened: "y?" })).toBe('solved_on_first_contact must be yes or no, not "x"');
  });

  it("a row with neither a rating nor solved_on_first_contact, whatever else it has", () => {
    const reason = "the ticket has no rating and no solved_on_first_contact value, so there is nothing to count";
    expect(refusal({ rating: "", solved_on_first_contact: "" })).toBe(reason);
    expect(refusal({ rating: " ", solved_on_first_contact: " ", reopened: "yes" })).toBe(reason);
  });

  it("one thing at a time, in the order ticket, agent, channel, date, rating, answers", () => {
    const everythingWrong = { ticket_id: "", agent_email: "", channel: "!", date_time: "", rating: "9", solved_on_first_contact: "x" };
    expect(refusal(everythingWrong)).toBe("ticket_id is empty");
    expect(refusal({ ...everythingWrong, ticket_id: "T1" })).toBe("agent_email is empty");
    expect(refusal({ ...everythingWrong, ticket_id: "T1", agent_email: "ana" })).toBe('channel "!" is not a channel name');
    expect(refusal({ ...everythingWrong, ticket_id: "T1", agent_email: "ana", channel: "" })).toBe("date_time is empty");
    expect(refusal({ ...everythingWrong, ticket_id: "T1", agent_email: "ana", channel: "", date_time: "2026-01-01" })).toBe('rating "9" is not a whole number from 1 to 5');
  });
});

describe("checkOutcome normalises", () => {
  it("a full row: trimmed, agent and channel lower-cased, the time in ISO UTC, the rating on 0–1", () => {
    const { outcome, notes } = accepted({ ticket_id: " ZD-77 ", agent_email: " Ana.Lima@Example.TEST ", date_time: " 2026-03-14T09:30:00Z ", rating: " 4 ", solved_on_first_contact: " Yes ", reopened: "NO", channel: " Web Form " });
    expect(outcome).toEqual({
      ticketId: "ZD-77",
      agentKey: "ana.lima@example.test",
      ticketAt: "2026-03-14T09:30:00.000Z",
      ratingRaw: "4",
      scale: "1-5",
      rating: 0.75,
      satisfied: 1,
      solvedFirstContact: 1,
      reopened: 0,
      channel: "web form",
    });
    expect(notes).toEqual([]);
  });

  it("keeps the ticket id's case and the rating as written", () => {
    const { outcome } = accepted({ ticket_id: "AbC-1", rating: "Good" }, "good-bad");
    expect(outcome).toMatchObject({ ticketId: "AbC-1", ratingRaw: "Good", scale: "good-bad", rating: 1, satisfied: 1 });
    expect(accepted({ rating: "BAD" }, "good-bad").outcome).toMatchObject({ ratingRaw: "BAD", rating: 0, satisfied: 0 });
  });

  it("a row without a rating: no scale, no satisfied, even when a scale is set", () => {
    const { outcome } = accepted({ rating: "", solved_on_first_contact: "no", reopened: undefined, channel: undefined }, "1-5");
    expect(outcome).toEqual({
      ticketId: "T-1",
      agentKey: "ana@example.test",
      ticketAt: "2026-03-14T09:30:00.000Z",
      ratingRaw: null,
      scale: null,
      rating: null,
      satisfied: null,
      solvedFirstContact: 0,
      reopened: null,
      channel: null,
    });
  });

  it("a row with a rating and no answers", () => {
    expect(accepted({ rating: "2", solved_on_first_contact: "", reopened: "", channel: "" }).outcome).toMatchObject({ rating: 0.25, satisfied: 0, solvedFirstContact: null, reopened: null, channel: null });
  });

  it("times with offsets to UTC, with or without the colon, with T or a space", () => {
    const at = (date_time: string) => accepted({ date_time }).outcome.ticketAt;
    expect(at("2026-03-14T09:30:00+02:00")).toBe("2026-03-14T07:30:00.000Z");
    expect(at("2026-03-14T09:30:00+0200")).toBe("2026-03-14T07:30:00.000Z");
    expect(at("2026-03-14T09:30:00-05:30")).toBe("2026-03-14T15:00:00.000Z");
    expect(at("2026-03-14T09:30:00-0530")).toBe("2026-03-14T15:00:00.000Z");
    expect(at("2026-03-14 09:30:00 +0200")).toBe("2026-03-14T07:30:00.000Z");
    expect(at("2026-03-14T09:30Z")).toBe("2026-03-14T09:30:00.000Z");
    expect(at("2026-03-14t09:30:00z")).toBe("2026-03-14T09:30:00.000Z");
    // Across midnight and the new year.
    expect(at("2026-01-01T01:00:00+02:00")).toBe("2025-12-31T23:00:00.000Z");
    expect(at("2025-12-31T22:00:00-03:00")).toBe("2026-01-01T01:00:00.000Z");
  });

  it("accepts fractions of a second and keeps the whole second", () => {
    expect(accepted({ date_time: "2026-03-14T09:30:15.123456Z" }).outcome.ticketAt.slice(0, 19)).toBe("2026-03-14T09:30:15");
  });

  it("a date alone to midnight UTC, without the assumed-UTC note", () => {
    expect(accepted({ date_time: "2026-03-14" })).toEqual({ outcome: expect.objectContaining({ ticketAt: "2026-03-14T00:00:00.000Z" }) as unknown, notes: [] });
  });

  it("notes assumed UTC only for a time without a zone", () => {
    expect(accepted({ date_time: "2026-03-14T09:30:00" })).toEqual({ outcome: expect.objectContaining({ ticketAt: "2026-03-14T09:30:00.000Z" }) as unknown, notes: ["assumed-utc"] });
    expect(accepted({ date_time: "2026-03-14 09:30" }).notes).toEqual(["assumed-utc"]);
    expect(accepted({ date_time: "2026-03-14T09:30:00Z" }).notes).toEqual([]);
    expect(accepted({ date_time: "2026-03-14T09:30:00+01:00" }).notes).toEqual([]);
    expect(accepted({ date_time: "2026-03-14T09:30:00-0100" }).notes).toEqual([]);
  });

  it("every yes and no word, in any case and with spaces around", () => {
    for (const yes of ["yes", "Y", "TRUE", "1", "Solved", "resolved", " yes "]) {
      expect(accepted({ solved_on_first_contact: yes, reopened: yes }).outcome).toMatchObject({ solvedFirstContact: 1, reopened: 1 });
    }
    for (const no of ["no", "N", "false", "0", "Unsolved", "UNRESOLVED", " no "]) {
      expect(accepted({ solved_on_first_contact: no, reopened: no }).outcome).toMatchObject({ solvedFirstContact: 0, reopened: 0 });
    }
  });

  it("ratings on each scale, satisfied from the top of the scale", () => {
    expect(accepted({ rating: "4" }, "1-5").outcome).toMatchObject({ rating: 0.75, satisfied: 1 });
    expect(accepted({ rating: "3" }, "1-5").outcome).toMatchObject({ rating: 0.5, satisfied: 0 });
    expect(accepted({ rating: "9" }, "0-10").outcome).toMatchObject({ rating: 0.9, satisfied: 1, scale: "0-10" });
    expect(accepted({ rating: "8" }, "0-10").outcome).toMatchObject({ rating: 0.8, satisfied: 0 });
    expect(accepted({ rating: "1" }, "1-10").outcome).toMatchObject({ rating: 0, satisfied: 0, scale: "1-10" });
  });
});

describe("parseTicketTime", () => {
  it("returns the UTC time and whether the zone was assumed", () => {
    expect(parseTicketTime("2026-03-14T09:30:00+0200", NOW)).toEqual({ iso: "2026-03-14T07:30:00.000Z", assumedUtc: false });
    expect(parseTicketTime("2026-03-14T09:30", NOW)).toEqual({ iso: "2026-03-14T09:30:00.000Z", assumedUtc: true });
    expect(parseTicketTime("2026-03-14", NOW)).toEqual({ iso: "2026-03-14T00:00:00.000Z", assumedUtc: false });
  });

  it("explains what is wrong in a sentence", () => {
    expect(parseTicketTime("soon", NOW)).toBe('date_time "soon" is not a date and time like 2026-03-14T09:30:00Z');
    expect(parseTicketTime("2026-02-30T10:00:00Z", NOW)).toBe('date_time "2026-02-30T10:00:00Z" is not a real date');
  });
});
