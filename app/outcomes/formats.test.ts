import { describe, expect, it } from "vitest";
import { OUTCOME_FIELDS } from "~/domain/outcomes";
import { customerDataColumns, detectFormat, findFormat, FORMATS, GENERIC, guessMapping, layoutFor, layoutFromMapping, rawOutcomeOf, squash, type FormatDef, type Layout } from "./formats";
import { JIRA_SERVICE_MANAGEMENT, jiraDateToIso, ZENDESK } from "./presets";
import { checkOutcome, type RawOutcome } from "./row";

const NOW = new Date("2026-06-01T00:00:00Z");

/** A Zendesk Support ticket CSV export's header row, in the order Zendesk writes it. */
const ZENDESK_HEADERS = [
  "Summation column",
  "Id",
  "Requester",
  "Requester id",
  "Requester external id",
  "Requester email",
  "Requester domain",
  "Submitter",
  "Assignee",
  "Group",
  "Subject",
  "Tags",
  "Status",
  "Priority",
  "Via",
  "Ticket type",
  "Created at",
  "Updated at",
  "Assigned at",
  "Organization",
  "Due date",
  "Initially assigned at",
  "Solved at",
  "Resolution time",
  "Satisfaction Score",
  "Group stations",
  "Assignee stations",
  "Reopens",
  "Replies",
  "First reply time in minutes",
  "Full resolution time in minutes",
];

/** A Jira Service Management export with the satisfaction columns and nothing that competes with them. */
const JIRA_HEADERS = ["Summary", "Issue key", "Issue id", "Issue Type", "Status", "Priority", "Assignee", "Reporter", "Created", "Updated", "Custom field (Satisfaction date)", "Satisfaction rating", "Description", "Comment"];

/** The cells of one record, placed by header name. */
function record(headers: readonly string[], values: Record<string, string>): string[] {
  for (const name of Object.keys(values)) if (!headers.includes(name)) throw new Error(`no column ${name}`);
  return headers.map((header) => values[header] ?? "");
}

/** A record read through a format the way planCsv reads it: layout, adapt. */
function read(format: FormatDef, headers: readonly string[], values: Record<string, string>): RawOutcome {
  const layout = layoutFor(format, headers);
  expect(layout.missing).toEqual([]);
  const raw = rawOutcomeOf(record(headers, values), layout);
  return format.adapt ? format.adapt(raw) : raw;
}

const named = (layout: Layout, headers: readonly string[]) => Object.fromEntries(Object.entries(layout.index).map(([field, at]) => [field, headers[at]]));

describe("squash", () => {
  it("drops case, spaces and punctuation but keeps letters of any alphabet and digits", () => {
    expect(squash("Ticket ID")).toBe("ticketid");
    expect(squash(" ticket_id ")).toBe("ticketid");
    expect(squash("Agent E-mail")).toBe("agentemail");
    expect(squash("Custom field (Satisfaction date)")).toBe("customfieldsatisfactiondate");
    expect(squash("Kundenzufriedenheit (1–5)")).toBe("kundenzufriedenheit15");
    expect(squash("Ärende-ID")).toBe("ärendeid");
  });
});

describe("the generic template", () => {
  it("finds its columns whatever their case, spacing, punctuation and order", () => {
    const headers = ["Channel", "Reopened", "Solved on first contact", "RATING", "Date/Time", "Agent E-mail", "Ticket ID"];
    expect(layoutFor(GENERIC, headers)).toEqual({
      index: { ticket_id: 6, agent_email: 5, date_time: 4, rating: 3, solved_on_first_contact: 2, reopened: 1, channel: 0 },
      missing: [],
    });
    expect(detectFormat(headers)?.id).toBe("generic");
    expect(detectFormat(["ticket-id", "AGENT.EMAIL", "date time", "Rating", "solved on first contact"])?.id).toBe("generic");
  });

  it("needs the five required columns, not reopened or channel", () => {
    expect(layoutFor(GENERIC, ["ticket_id", "agent_email", "date_time", "rating", "solved_on_first_contact"]).missing).toEqual([]);
    expect(layoutFor(GENERIC, ["ticket_id", "agent_email", "date_time", "solved_on_first_contact", "channel"]).missing).toEqual(["rating"]);
    expect(layoutFor(GENERIC, ["Ticket", "Agent", "date_time"]).missing).toEqual(["ticket_id", "agent_email", "rating", "solved_on_first_contact"]);
    expect(detectFormat(["ticket_id", "agent_email", "date_time", "solved_on_first_contact"])).toBeUndefined();
    expect(detectFormat([])).toBeUndefined();
  });

  it("ignores columns it does not know and takes the first of two with one name", () => {
    const layout = layoutFor(GENERIC, ["Notes", "ticket_id", "agent_email", "date_time", "rating", "solved_on_first_contact", "Ticket ID"]);
    expect(layout.index.ticket_id).toBe(1);
    expect(Object.keys(layout.index)).toHaveLength(5);
  });

  it("reads a record's cells into the template's fields, missing optional cells undefined", () => {
    const layout = layoutFor(GENERIC, ["rating", "ticket_id", "agent_email", "date_time", "solved_on_first_contact"]);
    expect(rawOutcomeOf(["5", "T1", "ana@example.test", "2026-01-02", "yes"], layout)).toEqual({
      ticket_id: "T1",
      agent_email: "ana@example.test",
      date_time: "2026-01-02",
      rating: "5",
      solved_on_first_contact: "yes",
      reopened: undefined,
      channel: undefined,
    });
    // A short (ragged) record leaves the cells it lacks empty.
    expect(rawOutcomeOf(["5", "T1"], layout)).toMatchObject({ ticket_id: "T1", rating: "5", agent_email: "", date_time: "", solved_on_first_contact: "" });
  });

  it("is found by id, as are the presets", () => {
    expect(findFormat("generic")).toBe(GENERIC);
    expect(findFormat("zendesk")).toBe(ZENDESK);
    expect(findFormat("jira-service-management")).toBe(JIRA_SERVICE_MANAGEMENT);
    expect(findFormat("freshdesk")).toBeUndefined();
    expect(new Set(FORMATS.map((format) => format.id)).size).toBe(FORMATS.length);
  });
});

describe("the Zendesk preset", () => {
  it("is recognised from a real export's header row and finds each column", () => {
    expect(detectFormat(ZENDESK_HEADERS)).toBe(ZENDESK);
    const layout = layoutFor(ZENDESK, ZENDESK_HEADERS);
    expect(layout.missing).toEqual([]);
    expect(named(layout, ZENDESK_HEADERS)).toEqual({ ticket_id: "Id", agent_email: "Assignee", date_time: "Created at", rating: "Satisfaction Score", reopened: "Reopens", channel: "Via" });
  });

  it("is not recognised without Satisfaction Score, and is not mistaken for the generic template", () => {
    expect(detectFormat(ZENDESK_HEADERS.filter((header) => header !== "Satisfaction Score"))).toBeUndefined();
    expect(layoutFor(GENERIC, ZENDESK_HEADERS).missing).toEqual(["ticket_id", "agent_email", "date_time", "rating", "solved_on_first_contact"]);
  });

  it('reads "Offered", "Not Offered" and "Unoffered" as no rating', () => {
    for (const score of ["Offered", "Not Offered", "Unoffered", " offered ", "NOT OFFERED"]) {
      expect(read(ZENDESK, ZENDESK_HEADERS, { "Satisfaction Score": score }).rating).toBe("");
    }
  });

  it("leaves Good/Bad and 1–5 scores for the scale to read", () => {
    for (const score of ["Good", "Bad", "1", "5"]) expect(read(ZENDESK, ZENDESK_HEADERS, { "Satisfaction Score": score }).rating).toBe(score);
    const row = (score: string) => read(ZENDESK, ZENDESK_HEADERS, { Id: "101", Assignee: "Ana Lima", "Created at": "2026-02-25 10:17:00 +0100", "Satisfaction Score": score });
    expect(checkOutcome(row("Good"), "good-bad", NOW)).toMatchObject({ ok: true, outcome: { rating: 1, satisfied: 1, scale: "good-bad" } });
    expect(checkOutcome(row("Bad"), "good-bad", NOW)).toMatchObject({ ok: true, outcome: { rating: 0, satisfied: 0 } });
    expect(checkOutcome(row("4"), "1-5", NOW)).toMatchObject({ ok: true, outcome: { rating: 0.75, satisfied: 1, scale: "1-5" } });
    expect(checkOutcome(row("2"), "1-5", NOW)).toMatchObject({ ok: true, outcome: { rating: 0.25, satisfied: 0 } });
  });

  it("turns the Reopens count into yes or no", () => {
    const reopened = (reopens: string) => read(ZENDESK, ZENDESK_HEADERS, { Reopens: reopens }).reopened;
    expect(reopened("0")).toBe("no");
    expect(reopened("1")).toBe("yes");
    expect(reopened("2")).toBe("yes");
    expect(reopened("12")).toBe("yes");
    expect(reopened(" 0 ")).toBe("no");
    expect(reopened("")).toBe("");
    // Anything else is left for the yes/no check to refuse with the value in the reason.
    expect(reopened("-1")).toBe("-1");
    expect(reopened("many")).toBe("many");
  });

  it("reads a whole export row into a checked outcome", () => {
    const raw = read(ZENDESK, ZENDESK_HEADERS, {
      Id: "48213",
      Requester: "Carla Cliente",
      "Requester email": "carla@customer.test",
      Assignee: "Ana Lima",
      Subject: "Refund for order 1234",
      Via: "Web Form",
      "Created at": "2026-02-25 10:17:00 +0100",
      "Solved at": "2026-02-25 11:02:00 +0100",
      "Satisfaction Score": "Good",
      Reopens: "0",
    });
    expect(raw).toEqual({ ticket_id: "48213", agent_email: "Ana Lima", date_time: "2026-02-25 10:17:00 +0100", rating: "Good", solved_on_first_contact: "", reopened: "no", channel: "Web Form" });
    expect(checkOutcome(raw, "good-bad", NOW)).toEqual({
      ok: true,
      outcome: { ticketId: "48213", agentKey: "ana lima", ticketAt: "2026-02-25T09:17:00.000Z", ratingRaw: "Good", scale: "good-bad", rating: 1, satisfied: 1, solvedFirstContact: null, reopened: 0, channel: "web form" },
      notes: [],
    });
  });

  it("has no scale of its own (Zendesk writes Good/Bad or 1–5)", () => {
    expect(ZENDESK.scale).toBeUndefined();
  });
});

describe("the Jira Service Management preset", () => {
  it("is recognised from its header row and finds each column", () => {
    expect(detectFormat(JIRA_HEADERS)).toBe(JIRA_SERVICE_MANAGEMENT);
    const layout = layoutFor(JIRA_SERVICE_MANAGEMENT, JIRA_HEADERS);
    expect(layout.missing).toEqual([]);
    expect(named(layout, JIRA_HEADERS)).toEqual({ ticket_id: "Issue key", agent_email: "Assignee", date_time: "Custom field (Satisfaction date)", rating: "Satisfaction rating" });
    expect(JIRA_SERVICE_MANAGEMENT.scale).toBe("1-5");
  });

  it('also reads "Custom field (Satisfaction)" for the rating and "Resolved" for the date', () => {
    const headers = ["Issue key", "Assignee", "Resolved", "Custom field (Satisfaction)"];
    expect(detectFormat(headers)).toBe(JIRA_SERVICE_MANAGEMENT);
    expect(named(layoutFor(JIRA_SERVICE_MANAGEMENT, headers), headers)).toEqual({ ticket_id: "Issue key", agent_email: "Assignee", date_time: "Resolved", rating: "Custom field (Satisfaction)" });
  });

  it("prefers the satisfaction date to Resolved when an export has both (Jira writes Resolved first)", () => {
    // "Export all fields" puts system fields such as Resolved before the custom fields. The preset
    // lists the satisfaction date first; Resolved is the fallback for exports without it.
    const headers = ["Summary", "Issue key", "Assignee", "Reporter", "Created", "Updated", "Resolved", "Custom field (Satisfaction)", "Custom field (Satisfaction date)"];
    expect(named(layoutFor(JIRA_SERVICE_MANAGEMENT, headers), headers)).toMatchObject({ date_time: "Custom field (Satisfaction date)" });
  });

  it("is not recognised without Issue key", () => {
    expect(detectFormat(JIRA_HEADERS.filter((header) => header !== "Issue key"))).toBeUndefined();
  });

  it("turns Jira's default date format into ISO 8601 (read as UTC)", () => {
    expect(jiraDateToIso("25/Feb/26 10:17 PM")).toBe("2026-02-25T22:17:00");
    expect(jiraDateToIso("1/Mar/26 12:05 AM")).toBe("2026-03-01T00:05:00");
    expect(jiraDateToIso("12/Dec/25 12:30 PM")).toBe("2025-12-12T12:30:00");
    expect(jiraDateToIso("3/Jan/26 9:05 AM")).toBe("2026-01-03T09:05:00");
    expect(jiraDateToIso("3/Jan/26 11:59 PM")).toBe("2026-01-03T23:59:00");
    expect(jiraDateToIso(" 25/feb/26 10:17 pm ")).toBe("2026-02-25T22:17:00");
    expect(jiraDateToIso("25/Feb/26 10:17PM")).toBe("2026-02-25T22:17:00");
  });

  it("leaves other dates as they were, for the date check to judge", () => {
    for (const value of ["2026-02-25T22:17:00Z", "25/Foo/26 10:17 PM", "25/Feb/2026 10:17 PM", "25/Feb/26 22:17", "25-Feb-26 10:17 PM", ""]) {
      expect(jiraDateToIso(value)).toBe(value);
    }
  });

  it("reads a whole export row into a checked outcome, the time assumed UTC", () => {
    const raw = read(JIRA_SERVICE_MANAGEMENT, JIRA_HEADERS, {
      "Issue key": "HELP-42",
      Assignee: "ben.ortiz",
      Reporter: "carla@customer.test",
      "Custom field (Satisfaction date)": "25/Feb/26 10:17 PM",
      "Satisfaction rating": "4",
      Description: "My order never arrived",
    });
    expect(raw).toMatchObject({ ticket_id: "HELP-42", agent_email: "ben.ortiz", date_time: "2026-02-25T22:17:00", rating: "4", solved_on_first_contact: "" });
    expect(checkOutcome(raw, "1-5", NOW)).toEqual({
      ok: true,
      outcome: { ticketId: "HELP-42", agentKey: "ben.ortiz", ticketAt: "2026-02-25T22:17:00.000Z", ratingRaw: "4", scale: "1-5", rating: 0.75, satisfied: 1, solvedFirstContact: null, reopened: null, channel: null },
      notes: ["assumed-utc"],
    });
    // A day Jira would never write still fails the date check after the conversion.
    const bad = read(JIRA_SERVICE_MANAGEMENT, JIRA_HEADERS, { "Issue key": "HELP-43", Assignee: "ben", "Custom field (Satisfaction date)": "31/Feb/26 10:00 AM", "Satisfaction rating": "4" });
    expect(checkOutcome(bad, "1-5", NOW)).toEqual({ ok: false, reason: 'date_time "2026-02-31T10:00:00" is not a real date' });
  });
});

describe("a column mapping", () => {
  const headers = ["Case #", "Owner", "Opened (UTC)", "CSAT", "FCR?", "Reopened?", "Medium"];

  it("places each mapped field at its header's column", () => {
    const layout = layoutFromMapping({ ticket_id: "Case #", agent_email: "Owner", date_time: "Opened (UTC)", rating: "CSAT", solved_on_first_contact: "FCR?", channel: "Medium" }, headers);
    expect(layout).toEqual({ index: { ticket_id: 0, agent_email: 1, date_time: 2, rating: 3, solved_on_first_contact: 4, channel: 6 }, missing: [] });
    expect(rawOutcomeOf(["C-1", "Ana", "2026-01-02T10:00:00Z", "5", "Y", "N", "Phone"], layout)).toEqual({
      ticket_id: "C-1",
      agent_email: "Ana",
      date_time: "2026-01-02T10:00:00Z",
      rating: "5",
      solved_on_first_contact: "Y",
      reopened: undefined,
      channel: "Phone",
    });
  });

  it("says which required fields are unmapped, mapped to nothing or to a header the file lacks", () => {
    expect(layoutFromMapping({}, headers).missing).toEqual(["ticket_id", "agent_email", "date_time", "rating", "solved_on_first_contact"]);
    const layout = layoutFromMapping({ ticket_id: "Case #", agent_email: "", date_time: "Opened", rating: "CSAT", solved_on_first_contact: "FCR?", reopened: "Nope" }, headers);
    expect(layout.missing).toEqual(["agent_email", "date_time"]);
    expect(layout.index.reopened).toBeUndefined();
  });

  it("matches the header exactly, as the form offers it", () => {
    expect(layoutFromMapping({ ticket_id: "case #" }, headers).index.ticket_id).toBeUndefined();
  });
});

describe("guessMapping", () => {
  it("guesses every field from helpdesk-ish names", () => {
    expect(guessMapping(["Conversation ID", "Agent", "Created", "CSAT", "FCR", "Reopens", "Source"])).toEqual({
      ticket_id: "Conversation ID",
      agent_email: "Agent",
      date_time: "Created",
      rating: "CSAT",
      solved_on_first_contact: "FCR",
      reopened: "Reopens",
      channel: "Source",
    });
  });

  it("matches a hint inside a longer header, and leaves a field it cannot place empty", () => {
    expect(guessMapping(["Case ID", "Owner Email", "Date", "Satisfaction (1-5)", "One-touch?", "Channel name", "Status"])).toEqual({
      ticket_id: "Case ID",
      agent_email: "Owner Email",
      date_time: "Date",
      rating: "Satisfaction (1-5)",
      solved_on_first_contact: "One-touch?",
      reopened: "",
      channel: "Channel name",
    });
  });

  it("tries the more telling hint first, wherever its column is", () => {
    const guess = guessMapping(["Agent group", "Requester id", "Ticket number", "Score", "Assignee email", "Created at"]);
    expect(guess.agent_email).toBe("Assignee email");
    expect(guess.ticket_id).toBe("Ticket number");
    expect(guess.date_time).toBe("Created at");
    expect(guess.rating).toBe("Score");
  });

  it("guesses nothing from headers that name nothing it knows", () => {
    expect(guessMapping(["foo", "bar", "baz"])).toEqual(Object.fromEntries(OUTCOME_FIELDS.map((field) => [field, ""])));
    expect(guessMapping([])).toEqual(Object.fromEntries(OUTCOME_FIELDS.map((field) => [field, ""])));
  });

  it("gives a mapping that layoutFromMapping takes as it is", () => {
    const headers = ["Conversation ID", "Agent", "Created", "CSAT", "FCR"];
    expect(layoutFromMapping(guessMapping(headers), headers)).toEqual({ index: { ticket_id: 0, agent_email: 1, date_time: 2, rating: 3, solved_on_first_contact: 4 }, missing: [] });
  });
});

describe("customerDataColumns", () => {
  const template = ["ticket_id", "agent_email", "date_time", "rating", "solved_on_first_contact"];

  it("names the columns that look like a customer's identity or words", () => {
    const headers = [...template, "Requester email", "Customer Name", "Comment", "Description", "Subject", "Priority", "Tags", "Group", "Status"];
    expect(customerDataColumns(headers, layoutFor(GENERIC, headers))).toEqual(["Requester email", "Customer Name", "Comment", "Description", "Subject"]);
  });

  it("knows other spellings of the same", () => {
    const headers = [...template, "Client E-mail", "customer_phone", "Email", "Phone number", "Full Name", "Transcript", "Internal notes", "Feedback text", "End-user email"];
    expect(customerDataColumns(headers, layoutFor(GENERIC, headers))).toEqual(headers.slice(template.length));
  });

  it("never names a column the layout reads, however it is called", () => {
    const headers = ["Ticket", "Email", "When", "Score", "FCR", "Customer email"];
    const layout = layoutFromMapping({ ticket_id: "Ticket", agent_email: "Email", date_time: "When", rating: "Score", solved_on_first_contact: "FCR" }, headers);
    expect(customerDataColumns(headers, layout)).toEqual(["Customer email"]);
  });

  it("never names the agent's columns, mapped or not", () => {
    const headers = [...template, "Assignee", "Assignee email", "Agent name", "Assignee stations"];
    expect(customerDataColumns(headers, layoutFor(GENERIC, headers))).toEqual([]);
  });

  it("names Requester email and Subject in a Zendesk export, and not Assignee", () => {
    const flagged = customerDataColumns(ZENDESK_HEADERS, layoutFor(ZENDESK, ZENDESK_HEADERS));
    expect(flagged).toEqual(expect.arrayContaining(["Requester email", "Subject"]));
    expect(flagged).not.toContain("Assignee");
    expect(flagged).not.toContain("Satisfaction Score");
  });

  it("names Zendesk's Requester column, which holds the customer's name", () => {
    expect(customerDataColumns(ZENDESK_HEADERS, layoutFor(ZENDESK, ZENDESK_HEADERS))).toContain("Requester");
  });

  it("names Description and Comment in a Jira Service Management export, and not Assignee", () => {
    const flagged = customerDataColumns(JIRA_HEADERS, layoutFor(JIRA_SERVICE_MANAGEMENT, JIRA_HEADERS));
    expect(flagged).toEqual(expect.arrayContaining(["Description", "Comment"]));
    expect(flagged).not.toContain("Assignee");
  });

  it("names Jira Service Management's Reporter column, which holds the customer who raised the request", () => {
    expect(customerDataColumns(JIRA_HEADERS, layoutFor(JIRA_SERVICE_MANAGEMENT, JIRA_HEADERS))).toContain("Reporter");
  });
});
