/** The words agree with the rules: every id has copy, every placeholder a number, and the trainees' page states the numbers in force. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BADGES, badgeValues } from "./badges";
import { game } from "~/locales/en/game";
import { LEVELS } from "./levels";
import { MASTERED_AT, MASTERED_MIN_CONVERSATIONS } from "./mastered";
import { FREEZES_PER_MONTH, WEEKLY_GOAL } from "./streak";
import { rulesText, XP_REASONS } from "./xp";

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]!).sort();
const fill = (text: string, values: Record<string, number>) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
const words: Record<number, string> = { 1: "one", 2: "two", 3: "three", 4: "four", 5: "five" };
const page = readFileSync(new URL("../../content/how-xp-works.md", import.meta.url), "utf8");

describe("the game copy (app/locales/en/game.ts)", () => {
  it("names every level, badge, XP line and rule, and nothing else", () => {
    expect(Object.keys(game.levels)).toEqual(LEVELS.map((level) => level.id));
    expect(Object.keys(game.badges)).toEqual(BADGES.map((badge) => badge.id));
    // Plural forms (best-replies_one, best-replies_other) name one reason.
    const reasons = new Set(Object.keys(game.xpLines).map((key) => key.replace(/_(one|other)$/, "")));
    expect([...reasons].sort()).toEqual([...XP_REASONS].sort());
    expect(Object.keys(game.rules)).toEqual(rulesText().map((rule) => rule.id));
  });

  it("states exactly the numbers each rule carries", () => {
    for (const rule of rulesText()) expect(placeholders(game.rules[rule.id as keyof typeof game.rules]), rule.id).toEqual(Object.keys(rule.values).sort());
  });

  it("takes every number in a badge's description from its definition", () => {
    for (const badge of BADGES) {
      const values = badgeValues(badge);
      for (const key of placeholders(game.badges[badge.id].description)) expect(values, `${badge.id}: {{${key}}}`).toHaveProperty(key);
    }
  });
});

describe("content/how-xp-works.md", () => {
  it("states every XP rule's number", () => {
    const rules = Object.fromEntries(rulesText().map((rule) => [rule.id, rule.values]));
    expect(page).toContain(`**A best reply** (as good as any reply on offer) earns **${rules["best-reply"]!.points} XP**`);
    expect(page).toContain(`**A fair reply** (sound, but not the best on offer) earns **${rules["fair-reply"]!.points} XP**`);
    expect(page).toContain(`**A poor reply** earns **${rules["poor-reply"]!.points} XP**`);
    expect(page).toContain(`**${rules["mastery-high"]!.points} XP for every point above your previous best**`);
    const replays = rules.replays!;
    expect(page).toContain(`**${replays.score}** or more`);
    expect(page).toContain(`**${replays.replay1}%** on the first replay, then\n**${replays.replay2}%**, then **${replays.replay3}%**, and **${replays.later}%** after that`);
    expect(page).toContain(`up to **${rules["daily-cap"]!.cap} XP** a day`);
  });

  it("lists the levels with their thresholds", () => {
    for (const level of LEVELS) expect(page).toContain(`| ${game.levels[level.id].name} | ${level.minXp.toLocaleString("en-GB")} |`);
  });

  it("states the streak and mastered rules", () => {
    expect(page).toContain(`**${WEEKLY_GOAL} finished conversations**`);
    expect(page).toContain(`**${words[FREEZES_PER_MONTH]} freeze a month**`);
    expect(page).toContain(`mastery is **${MASTERED_AT}** or more and rests on at least **${words[MASTERED_MIN_CONVERSATIONS]}**`);
  });

  it("describes every badge as the app does", () => {
    for (const badge of BADGES) {
      const { name, description } = game.badges[badge.id];
      expect(page).toContain(`| ${name} | ${fill(description, badgeValues(badge))} |`);
    }
  });
});
