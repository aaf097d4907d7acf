// Signs each demo role in once per run (each sign-in costs ~0.3 s of scrypt) and saves the cookie.
import { expect, test as setup } from "@playwright/test";
import { DEMO_USERS, ROLES, postSignIn, stateFile } from "./support";

for (const role of ROLES) {
  setup(`sign in as the demo ${role}`, async ({ request }) => {
    const user = DEMO_USERS[role];
    const response = await postSignIn(request, { email: user.email, password: user.password });
    expect(response.status(), `the demo ${role} should be able to sign in`).toBe(302);
    expect(response.headers().location).toBe(user.home);
    const cookies = (await request.storageState()).cookies;
    expect(cookies.map((cookie) => cookie.name)).toContain("frontline_session");
    await request.storageState({ path: stateFile(role) });
  });
}
