import type { FormatDef } from "./formats";
import type { RawOutcome } from "./row";

/*
 * Presets for helpdesk exports, only where public sources show the real column names and rating
 * values (what was found, and for which helpdesks not, is in content/helpdesk-presets.md). Freshdesk, Help Scout, Gorgias,
 * Intercom and others are left to the column mapping: their CSV headers or rating labels could
 * not be confirmed, or vary per account.
 */

// Zendesk writes these instead of a score when a survey was sent but not answered, or not sent.
const ZENDESK_NO_RATING = new Set(["offered", "not offered", "unoffered"]);

/** Zendesk's ticket CSV export: Id, Assignee (a name), Created at, Satisfaction Score (Good/Bad or 1–5), Reopens (a count), Via. */
export const ZENDESK: FormatDef = {
  id: "zendesk",
  name: "Zendesk ticket export",
  reference: "Zendesk Support ticket CSV export header (Id, Assignee, Created at, Satisfaction Score, Reopens, Via)",
  columns: {
    ticket_id: ["Id"],
    agent_email: ["Assignee email", "Assignee"],
    date_time: ["Created at"],
    rating: ["Satisfaction Score"],
    reopened: ["Reopens"],
    channel: ["Via"],
  },
  requires: ["ticket_id", "agent_email", "date_time", "rating"],
  adapt: (raw: RawOutcome): RawOutcome => {
    const reopens = raw.reopened?.trim() ?? "";
    return {
      ...raw,
      rating: ZENDESK_NO_RATING.has(raw.rating.trim().toLowerCase()) ? "" : raw.rating,
      // Zendesk counts a ticket as reopened when Reopens > 0.
      reopened: /^\d+$/.test(reopens) ? (Number(reopens) > 0 ? "yes" : "no") : reopens,
    };
  },
};

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Jira's default date format, "25/Feb/26 10:17 PM", as ISO 8601 in UTC; anything else is left as it was. */
export function jiraDateToIso(value: string): string {
  const match = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{2}) (\d{1,2}):(\d{2}) ?([AP]M)$/i.exec(value.trim());
  if (!match) return value;
  const [, day, month, year, hour, minute, half] = match;
  const monthIndex = MONTHS.indexOf(month!.toLowerCase());
  if (monthIndex < 0) return value;
  const hour24 = (Number(hour) % 12) + (half!.toUpperCase() === "PM" ? 12 : 0);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `20${year}-${pad(monthIndex + 1)}-${pad(Number(day))}T${pad(hour24)}:${minute}:00`;
}

/** Jira Service Management's "export all fields" CSV: Issue key, Assignee, the satisfaction date and rating (1–5). */
export const JIRA_SERVICE_MANAGEMENT: FormatDef = {
  id: "jira-service-management",
  name: "Jira Service Management CSV export",
  reference: "Jira CSV export header (Issue key, Assignee, Custom field (Satisfaction date), Satisfaction rating / Custom field (Satisfaction))",
  columns: {
    ticket_id: ["Issue key"],
    agent_email: ["Assignee"],
    date_time: ["Custom field (Satisfaction date)", "Resolved"],
    rating: ["Satisfaction rating", "Custom field (Satisfaction)"],
  },
  scale: "1-5",
  requires: ["ticket_id", "agent_email", "date_time", "rating"],
  adapt: (raw: RawOutcome): RawOutcome => ({ ...raw, date_time: jiraDateToIso(raw.date_time) }),
};
