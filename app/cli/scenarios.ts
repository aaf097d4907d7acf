/**
 * npm run --silent scenarios -- <command>
 *
 *   check [files or folders…]                 (default: scenarios/)
 *   play <file> --choices 1,3,2 [--late 2,4]
 *   paths <file>
 *   graph <file>
 *   audit [files or folders…] [--json]       (default: scenarios/)
 *   blind-export [files or folders…] --out DIR
 *   blind-score DIR answers.md
 *
 * Exit codes: 0 fine; 1 a file has errors; 2 usage errors, a missing file,
 * or a choice sequence that does not fit the scenario.
 */
import { pathToFileURL } from "node:url";
import { enumeratePaths, playByPositions, scenarioToMermaid, TooManyPathsError } from "~/engine";
import type { Scenario } from "~/engine";
import { checkFiles, findScenarioFiles, MissingPathError } from "~/library/files.server";
import { audit } from "./scenarios/audit";
import { blindExport, blindScore } from "./scenarios/blind";
import { formatProblem, parseArgs, plural, UsageError } from "./scenarios/common";

const USAGE = `usage: npm run --silent scenarios -- <command>
  check [files or folders...]            check scenario files (default: scenarios/)
  play <file> --choices 1,3,2 [--late 2,4]
                                         play the n-th visible choice at each turn; listed turns are late
  paths <file>                           every complete choice sequence with its result, as JSON
  graph <file>                           a Mermaid flowchart of steps, choices and endings
  audit [files or folders...] [--json]   can the scores be gamed? shares, naive strategies, warnings
  blind-export [files or folders...] --out DIR
                                         a review packet without the answers, its key and an answer template
  blind-score DIR answers.md             compare a reviewer's answers with the key`;

function check(targets: string[]): number {
  const files = findScenarioFiles(targets.length ? targets : ["scenarios"]);
  const checked = checkFiles(files);
  let errors = 0;
  let warnings = 0;
  for (const file of checked) {
    for (const problem of file.problems) {
      console.log(formatProblem(problem));
      if (problem.severity === "error") errors++;
      else warnings++;
    }
  }
  const bad = checked.filter((f) => f.problems.some((p) => p.severity === "error")).length;
  console.log(`${plural(checked.length, "file")} checked: ${plural(bad, "file")} refused, ${plural(errors, "error")}, ${plural(warnings, "warning")}`);
  return errors > 0 ? 1 : 0;
}

/** Check one file; print its errors and return null when it fails. */
function loadOne(file: string | undefined): Scenario | null {
  if (!file) throw new UsageError("name a scenario file");
  const [checked] = checkFiles(findScenarioFiles([file]));
  if (!checked) throw new MissingPathError(file);
  if (!checked.scenario) {
    for (const problem of checked.problems.filter((p) => p.severity === "error")) console.error(formatProblem(problem));
    return null;
  }
  return checked.scenario;
}

function numbers(flag: string, value: string | undefined): number[] {
  if (value === undefined) throw new UsageError(`${flag} needs a comma-separated list of numbers`);
  if (value.trim() === "") return [];
  return value.split(",").map((part) => {
    if (!/^\s*\d+\s*$/.test(part)) throw new UsageError(`${flag}: "${part}" is not a whole number`);
    return Number(part);
  });
}

function play(args: string[]): number {
  const { positional, flags } = parseArgs(args);
  for (const flag of flags.keys()) if (flag !== "--choices" && flag !== "--late") throw new UsageError(`unknown option ${flag}`);
  if (positional.length !== 1) throw new UsageError("play takes exactly one file");
  const choices = numbers("--choices", flags.get("--choices"));
  const late = flags.has("--late") ? numbers("--late", flags.get("--late")) : [];
  const scenario = loadOne(positional[0]);
  if (!scenario) return 1;
  const outcome = playByPositions(scenario, choices, late);
  if (!outcome.ok) {
    console.error(`scenarios play: ${outcome.message}`);
    return 2;
  }
  console.log(JSON.stringify(outcome.result, null, 2));
  return 0;
}

function paths(args: string[]): number {
  if (args.length !== 1) throw new UsageError("paths takes exactly one file");
  const scenario = loadOne(args[0]);
  if (!scenario) return 1;
  try {
    console.log(JSON.stringify(enumeratePaths(scenario), null, 2));
  } catch (error) {
    if (!(error instanceof TooManyPathsError)) throw error;
    console.error(`scenarios paths: ${error.message}`);
    return 1;
  }
  return 0;
}

function graph(args: string[]): number {
  if (args.length !== 1) throw new UsageError("graph takes exactly one file");
  const scenario = loadOne(args[0]);
  if (!scenario) return 1;
  process.stdout.write(scenarioToMermaid(scenario));
  return 0;
}

export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "check":
        return check(rest);
      case "play":
        return play(rest);
      case "paths":
        return paths(rest);
      case "graph":
        return graph(rest);
      case "audit":
        return audit(rest);
      case "blind-export":
        return blindExport(rest);
      case "blind-score":
        return blindScore(rest);
      case "help":
      case "--help":
      case "-h":
        console.log(USAGE);
        return 0;
      default:
        throw new UsageError(command ? `unknown command "${command}"` : "no command given");
    }
  } catch (error) {
    if (error instanceof MissingPathError) {
      console.error(`scenarios: ${error.message}`);
      return 2;
    }
    if (error instanceof UsageError) {
      console.error(`scenarios: ${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

// Run only as a script, so tests can import main().
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main(process.argv.slice(2));
