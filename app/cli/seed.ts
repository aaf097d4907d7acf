import { parseArgs } from "node:util";
import * as z from "zod";
import { openMigratedDb } from "#db/db.server";
import { simulateHistory } from "~/analytics/history.server";
import { seededRandom } from "~/engine/random";
import { pinVersion } from "~/attempts/version.server";
import { hashPassword } from "~/auth/password.server";
import { getLibrary } from "~/library/catalog.server";
import { insertHistoricAttempts, insertOrganisation, type HistoricAttempt, type SeedPerson } from "~/models/seed.server";
import { listTeams } from "~/models/team.server";
import { exportPathBesideDatabase, importSyntheticHelpdesk } from "~/outcomes/demo-outcomes.server";
import { HELPDESK_LEAD_IN_MS, overallMasteryTimeline, UNKNOWN_HELPDESK_AGENT, type HelpdeskAgent } from "~/outcomes/synthetic-helpdesk";
import { rebuildGames } from "~/game/progress.server";
import { runCli, UsageError } from "./run-cli";

const USAGE = "usage: npm run db:seed -- [--trainees 1000] [--attempts 50] [--teams 20] [--seed 42] [--tickets-per-week 11]";
const Args = z.object({
  trainees: z.coerce.number().int().min(1).max(100_000).default(1000),
  attempts: z.coerce.number().int().min(0).max(1000).default(50),
  teams: z.coerce.number().int().min(1).max(200).default(20),
  seed: z.coerce.number().int().default(42),
  // An agent's mean weekly volume is drawn from 0.75–1.25 times this. At 11, most agents have the
  // outcomes page's 10 rated tickets in each four-week window (seed.test.ts counts them per team);
  // 0 skips the helpdesk export.
  "tickets-per-week": z.coerce.number().min(0).max(200).default(11),
});

const PASSWORD = "frontline-synthetic";
const HELPDESK_SOURCE = "synthetic-helpdesk";
const HELPDESK_EXPORT_FILE = "synthetic-helpdesk-export.csv";
/** One trainee in this many, in every team, learns slowly: the control group of the outcomes page. */
const SLOW_LEARNER_EVERY = 4;
const DAY_MS = 24 * 60 * 60 * 1000;
const HISTORY_DAYS = 182;
const BATCH = 400;
const FIRST = ["Alex", "Bea", "Carlos", "Dana", "Eli", "Fatima", "Gus", "Hana", "Ivo", "Jade", "Kofi", "Lena", "Mateo", "Nora", "Oskar", "Pia", "Quinn", "Rosa", "Sami", "Tess", "Uma", "Viktor", "Wen", "Yara", "Zofia"];
const LAST = ["Abbott", "Brandt", "Costa", "Duarte", "Evans", "Fischer", "García", "Haddad", "Ibáñez", "Jansen", "Kowalski", "López", "Moreau", "Nowak", "Okafor", "Petrov", "Quist", "Rossi", "Silva", "Tanaka", "Ueda", "Varga", "Wiśniewska", "Young", "Zając"];

runCli(async () => {
  if (process.env.NODE_ENV === "production") {
    throw new UsageError(`db:seed creates managers and trainees who all share the published password "${PASSWORD}"; it refuses to run with NODE_ENV=production`);
  }
  const { values } = parseArgs({
    options: { trainees: { type: "string" }, attempts: { type: "string" }, teams: { type: "string" }, seed: { type: "string" }, "tickets-per-week": { type: "string" } },
  });
  const parsed = Args.safeParse(values);
  if (!parsed.success) throw new UsageError(`${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message}\n${USAGE}`);
  const { trainees: traineeCount, attempts: perTrainee, teams: teamCount, seed, "tickets-per-week": ticketsPerWeek } = parsed.data;
  const random = seededRandom(seed);
  const started = Date.now();

  await openMigratedDb();
  const teams = Array.from({ length: teamCount }, (_, i) => `Synthetic team ${String(i + 1).padStart(2, "0")}`);
  const taken = new Set((await listTeams()).map((team) => team.name.toLowerCase()));
  const clash = teams.find((name) => taken.has(name.toLowerCase()));
  if (clash) throw new UsageError(`the database already has "${clash}": seed a fresh database (set DATABASE_PATH)`);

  const library = await getLibrary();
  if (library.scenarios.length === 0) throw new UsageError("no published scenario to play: check scenarios/");
  const versions = await Promise.all(library.scenarios.map((entry) => pinVersion(entry)));

  const name = (i: number) => `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
  const managers: SeedPerson[] = teams.map((team, i) => ({
    email: `manager${String(i + 1).padStart(2, "0")}@synthetic.frontline.test`,
    displayName: `${name(i * 7 + 3)} (manager)`,
    team,
  }));
  const trainees: SeedPerson[] = Array.from({ length: traineeCount }, (_, i) => ({
    email: `trainee${String(i + 1).padStart(5, "0")}@synthetic.frontline.test`,
    displayName: name(i),
    team: teams[i % teamCount]!,
  }));
  const { userIds } = await insertOrganisation({ teams, managers, trainees, passwordHash: await hashPassword(PASSWORD) });

  const now = Date.now();
  // The last day is left empty so that "today" in the filters starts clean.
  const window = { from: now - HISTORY_DAYS * DAY_MS, to: now - DAY_MS };
  let batch: HistoricAttempt[] = [];
  let total = 0;
  const agents: HelpdeskAgent[] = [];
  for (const [i, trainee] of trainees.entries()) {
    // Each synthetic trainee has a starting skill and a rate of improvement over the six months.
    // About one trainee in ten clicked through one early conversation without reading it, so the
    // "faster than reading" flag and its exclusion from item analysis have something to show.
    // A quarter of each team starts weak and barely improves: most of them never reach the outcomes
    // page's milestone, which gives every team a control group (other trainees nearly all reach it).
    const slow = Math.floor(i / teamCount) % SLOW_LEARNER_EVERY === SLOW_LEARNER_EVERY - 1;
    const plan = {
      userId: userIds.get(trainee.email)!,
      attempts: perTrainee,
      skillAtStart: slow ? 0.05 + 0.15 * random() : 0.2 + 0.6 * random(),
      growth: (slow ? 0.12 : 0.35) * random(),
      rushed: random() < 0.1 ? 1 : 0,
    };
    const history = simulateHistory(plan, versions, window, random);
    agents.push({ email: trainee.email, timeline: overallMasteryTimeline(history.flatMap((attempt) => (attempt.end ? [{ endedAt: attempt.end.endedAt, scores: attempt.end.scores }] : []))) });
    batch.push(...history);
    if (batch.length >= BATCH) {
      await insertHistoricAttempts(batch);
      total += batch.length;
      batch = [];
    }
  }
  await insertHistoricAttempts(batch);
  total += batch.length;
  // XP, levels and badges earned along that history, as if each conversation had just ended.
  await rebuildGames(trainees.map((trainee) => userIds.get(trainee.email)!));
  const historyDone = Date.now();

  let helpdesk = "";
  if (ticketsPerWeek > 0) {
    // The helpdesk's export for the six months and the four weeks before, imported like an upload.
    const file = exportPathBesideDatabase(HELPDESK_EXPORT_FILE);
    const { tickets } = await importSyntheticHelpdesk(agents, {
      from: window.from - HELPDESK_LEAD_IN_MS,
      to: window.to,
      seed,
      ticketsPerWeek: { min: 0.75 * ticketsPerWeek, max: 1.25 * ticketsPerWeek },
      unknownAgent: UNKNOWN_HELPDESK_AGENT,
      source: HELPDESK_SOURCE,
      file,
    });
    helpdesk = `; imported ${tickets} helpdesk tickets from ${file} in ${((Date.now() - historyDone) / 1000).toFixed(1)} s`;
  }
  console.log(
    `Seeded ${teamCount} teams, ${managers.length} managers and ${trainees.length} trainees with ${total} attempts ` +
      `over the last ${HISTORY_DAYS} days in ${((historyDone - started) / 1000).toFixed(1)} s (seed ${seed})${helpdesk}.`,
  );
  console.log(`Every synthetic account's password: ${PASSWORD} (e.g. ${managers[0]?.email}).`);
});
