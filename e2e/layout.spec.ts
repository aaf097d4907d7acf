// No horizontal scrolling on a phone (375 px) or a laptop (1280 px).
import { expect, test } from "@playwright/test";
import { DEMO_USERS, stateFile, type Role } from "./support";

const pages: Array<{ label: string; path: string; role?: Role }> = [
  { label: "sign-in", path: "/sign-in" },
  ...(["trainee", "trainer", "manager", "admin"] as const).map((role) => ({
    label: `${role} home`,
    path: DEMO_USERS[role].home,
    role,
  })),
  { label: "my progress", path: "/train/progress", role: "trainee" },
  { label: "how XP works", path: "/train/xp", role: "trainee" },
  { label: "assignments", path: "/team/assignments", role: "manager" },
  { label: "pathways", path: "/pathways", role: "trainer" },
  { label: "game settings", path: "/admin/game", role: "admin" },
  { label: "learning platforms", path: "/admin/platforms", role: "admin" },
];

for (const width of [375, 1280]) {
  for (const { label, path, role } of pages) {
    test.describe(() => {
      test.use({ viewport: { width, height: 800 }, ...(role ? { storageState: stateFile(role) } : {}) });

      test(`layout: ${label} at ${width} px has no horizontal scroll`, async ({ page }) => {
        const response = await page.goto(path);
        expect(response?.status()).toBe(200);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        const size = await page.evaluate(() => {
          const root = document.scrollingElement ?? document.documentElement;
          return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
        });
        expect(size.clientWidth).toBe(width);
        expect(size.scrollWidth, `page is ${size.scrollWidth} px wide in a ${size.clientWidth} px window`).toBeLessThanOrEqual(
          size.clientWidth,
        );
      });
    });
  }
}
