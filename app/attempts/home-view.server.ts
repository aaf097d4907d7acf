/**
 * The trainee's home page: what is assigned, what is due for review, the team's goal, the game
 * summary with the next scenario to play, and the catalogue, gathered at once.
 */
import { assignedWithScenarios } from "~/assignments/trainee.server";
import { homeGame } from "~/game/views.server";
import { reviewsDue } from "~/review/summary.server";
import { teamGoalOf } from "~/team-game/team-game.server";
import { filteredCatalogue } from "./practice-cards.server";

export async function buildHomeView(user: { id: number; teamId: number | null }, url: URL, now: Date = new Date()) {
  const [catalogue, reviewsDueNow, teamGoal, { open: assigned, scenarioIds }] = await Promise.all([
    filteredCatalogue(user.id, url),
    reviewsDue(user.id, now),
    teamGoalOf(user.teamId, now),
    assignedWithScenarios(user.id, now),
  ]);
  const game = await homeGame(user.id, now, scenarioIds);
  return {
    ...catalogue,
    reviewsDue: reviewsDueNow,
    teamGoal,
    assigned,
    assignedIds: [...new Set(assigned.flatMap((item) => item.scenarios.map((scenario) => scenario.id)))],
    game,
  };
}
