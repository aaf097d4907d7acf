/**
 * `scenarios blind-export` and `blind-score`: the library's decisions for a
 * reviewer who does not see the authored answers, and the comparison of their
 * answers with the key. Agreement says whether the authored best reply is the
 * one a good agent would pick; the difficulty ratings say whether it took thought.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "#db/paths.server";
import { blindDecisions, blindKey, parseAnswers, scoreAnswers } from "~/engine";
import type { BlindDecision, BlindKey } from "~/engine";
import { MissingPathError } from "~/library/files.server";
import { auditTargets } from "./audit";
import { parseArgs, percent, plural, refuseUnknown, UsageError } from "./common";

/** The principles table of content/principles.md: its first run of table lines. */
export function principlesTable(markdown: string): string {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((l) => l.startsWith("|"));
  if (start < 0) return "";
  const end = lines.findIndex((l, i) => i > start && !l.startsWith("|"));
  return lines.slice(start, end < 0 ? undefined : end).join("\n");
}

const quote = (text: string) => text.split("\n").map((line) => `> ${line}`).join("\n");
/** Plain text keeps a line break between blocks; a blank line keeps them apart in Markdown too. */
const paragraphs = (text: string) => text.split("\n").join("\n\n");

export function packetMarkdown(decisions: readonly BlindDecision[], principles: string): string {
  const out = [
    "# Blind review",
    "",
    "For each decision below, read the situation and pick the reply a skilled agent would give, judged by the principles in the table. " +
      "The replies are in a shuffled order; there is no trick in the order or the letters. " +
      "Write your answers in `answer-template.md`, one line per decision.",
    "",
    "## The principles",
    "",
    principles,
  ];
  let current: BlindDecision["scenario"] | null = null;
  for (const d of decisions) {
    if (d.scenario !== current) {
      current = d.scenario;
      out.push("", `## ${current.title}`, "", `Customer: ${current.customer} (${current.persona}) · Channel: ${current.channel}`);
      if (current.brief) out.push("", `**Brief.** ${paragraphs(current.brief.text)}`);
    }
    out.push("", `### ${d.number}`, "");
    if (d.earlier.length) {
      out.push("So far in this conversation:", "");
      for (const turn of d.earlier) out.push(`- ${current.customer}: ${turn.customer.join(" ")}`, `- You: ${turn.reply}`);
      out.push("");
    }
    out.push(`${current.customer} says:`, "", d.customer.map(quote).join("\n>\n"), "");
    for (const reply of d.replies) out.push(`- **${reply.letter}.** ${reply.text}`);
  }
  return out.join("\n") + "\n";
}

export function answerTemplate(decisions: readonly BlindDecision[]): string {
  return [
    "# Your answers",
    "",
    "Fill in one line per decision: the letter of the reply you would give, then how hard it was to decide:",
    "1 = obvious, 2 = took some thought, 3 = took real thought. A comment after a second comma is welcome.",
    "For example `D17: B, difficulty 2, C is kind but promises a refund the brief rules out`.",
    "Leave a line as it is to skip that decision.",
    "",
    ...decisions.map((d) => `${d.number}: `),
    "",
  ].join("\n");
}

export function blindExport(args: readonly string[]): number {
  const { positional, flags } = parseArgs(args);
  refuseUnknown(flags, ["--out"]);
  const out = flags.get("--out");
  if (!out) throw new UsageError("blind-export needs --out DIR");
  const run = auditTargets(positional);
  for (const file of run.refused) console.error(`${file.path} refused: ${file.reason}`);
  const decisions = blindDecisions(run.scenarios);
  const principles = principlesTable(readFileSync(path.join(projectRoot, "content", "principles.md"), "utf8"));
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, "packet.md"), packetMarkdown(decisions, principles));
  writeFileSync(path.join(out, "key.json"), JSON.stringify(blindKey(decisions), null, 2) + "\n");
  writeFileSync(path.join(out, "answer-template.md"), answerTemplate(decisions));
  console.log(`${plural(decisions.length, "decision")} from ${plural(run.scenarios.length, "scenario")} written to ${path.join(out, "packet.md")}, key.json and answer-template.md`);
  return 0;
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    throw new MissingPathError(file);
  }
}

export function blindScore(args: readonly string[]): number {
  const { positional, flags } = parseArgs(args);
  refuseUnknown(flags, []);
  if (positional.length !== 2) throw new UsageError("blind-score takes the export folder and the answers file");
  const [dir, answersFile] = positional as [string, string];
  let key: BlindKey;
  try {
    key = JSON.parse(readText(path.join(dir, "key.json"))) as BlindKey;
  } catch (error) {
    if (error instanceof MissingPathError) throw error;
    throw new UsageError(`${path.join(dir, "key.json")} is not a key written by blind-export`);
  }
  const { answers, problems } = parseAnswers(readText(answersFile), key);
  for (const problem of problems) console.error(`${answersFile}: ${problem}`);
  const score = scoreAnswers(key, answers);
  const ratio = (n: number, of: number, what: string) => `${n} of ${of} ${what} (${percent(of ? n / of : null)})`;
  console.log(`answered: ${score.answered} of ${plural(score.decisions, "decision")}`);
  console.log(`agreement with the authored best reply: ${ratio(score.agreed, score.answered, "answered")}`);
  console.log(`rated 2 or 3 (took thought): ${ratio(score.thoughtful, score.rated, "rated")}`);
  if (score.disagreements.length) console.log("disagreements:");
  for (const { number, entry, picked } of score.disagreements) {
    console.log(`  ${number} ${entry.scenario}:${entry.step} picked ${picked} "${entry.texts[picked]}"; authored ${entry.best} "${entry.texts[entry.best]}"`);
  }
  return 0;
}
