import { expect, test } from "@playwright/test";

test.describe("files and pages", () => {
  test("public files are served with an hour's caching; fingerprinted bundles are immutable", async ({ request }) => {
    const favicon = await request.get("/favicon.svg");
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()["content-type"]).toContain("image/svg+xml");
    expect(favicon.headers()["cache-control"]).toBe("public, max-age=3600");

    const html = await (await request.get("/sign-in")).text();
    const bundle = html.match(/src="(\/build\/[^"]+\.js)"/)?.[1] ?? html.match(/href="(\/build\/[^"]+\.js)"/)?.[1];
    expect(bundle, "the page names a bundle under /build/").toBeTruthy();
    const script = await request.get(bundle!);
    expect(script.status()).toBe(200);
    expect(script.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  test("a page path with a dot in it still reaches the app, and a missing file is the 404 page", async ({ request }) => {
    const csv = await request.get("/team/overview.csv", { maxRedirects: 0 });
    expect(csv.status(), "the CSV export asks a signed-out visitor to sign in").toBe(302);
    expect(csv.headers().location).toContain("/sign-in");

    const missing = await request.get("/no-such-file.txt");
    expect(missing.status()).toBe(404);
    expect(missing.headers()["content-type"]).toContain("text/html");
  });
});
