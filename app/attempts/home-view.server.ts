/**
 * The trainee's home page: what is assigned, what is due for review, the team's goal, the game
 * summary with the next scenario to play, and the catalogue, gathered at once.
 */
import { assignedFor, assignedScenarioIds } from "~/assignments/trainee.server";
import { homeGame } from "~/game/views.server";
import { reviewSummary } from "~/review/summary.server";
import { teamGoalOf } from "~/team-game/team-game.server";
import { buildCatalogue, matchesFilters, readCatalogueFilters } from "./practice-cards.server";

/** The open assignments to show, and every scenario of a current assignment (always open to the trainee). */
async function assignedScenarios(userId: number, now: Date) {
  const [assigned, every] = await Promise.all([assignedFor(userId, now), assignedScenarioIds(userId)]);
  return { assigned, every };
}

export async function buildHomeView(user: { id: number; teamId: number | null }, url: URL, now: Date = new Date()) {
  const filters = readCatalogueFilters(url);
  const [cards, review, teamGoal, assignedAll] = await Promise.all([
    buildCatalogue(user.id),
    reviewSummary(user.id, now),
    teamGoalOf(user.teamId, now),
    assignedScenarios(user.id, now),
  ]);
  const { assigned, every } = assignedAll;
  const game = await homeGame(user.id, now, every);
  return {
    cards: cards.filter((card) => matchesFilters(card, filters)),
    total: cards.length,
    filters,
    reviewsDue: review.due,
    teamGoal,
    assigned,
    assignedIds: [...new Set(assigned.flatMap((item) => item.scenarios.map((scenario) => scenario.id)))],
    game,
  };
}
