import { execFileSync, type ChildProcess } from "node:child_process";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { newWorkshop } from "./helpers";
import { binary, serveWith, type Served } from "./server";
import { expectAccessible } from "./a11y";
import { freePort, oidcProvider, testPostgres } from "./team-server";

/**
 * Facilitators signing in to a team server through the organisation's OpenID provider: a real
 * one (npm oidc-provider, certified) on loopback, its own sign-in and consent pages in Chromium.
 * Polku A lets in only those an admin added; Polku B lets the provider decide. Both on one real
 * PostgreSQL. Nothing leaves this machine: every request off loopback is refused.
 */

const SECRET = "polku-test-client-secret";
let postgres: ChildProcess;
let databaseUrl: string;
let provider: ChildProcess;
let a: Served;
let b: Served;

test.beforeAll(async () => {
  const pg = await testPostgres();
  postgres = pg.proc;
  databaseUrl = pg.url;
  // Anna was added by an admin without a password: she signs in only through the provider.
  execFileSync(binary(), ["facilitators", "--database", pg.url, "add", "--email", "anna@kunta.fi", "--name", "Anna Virtanen", "--no-password"]);
  const [portA, portB] = [await freePort(), await freePort()];
  const op = await oidcProvider({
    clients: [
      {
        client_id: "polku",
        client_secret: SECRET,
        redirect_uris: [portA, portB].map((p) => `http://127.0.0.1:${p}/signin/oidc/callback`),
      },
    ],
    accounts: {
      anna: { email: "Anna@Kunta.fi", email_verified: true, name: "Anna V. (provider)" },
      eero: { email: "eero@kunta.fi", email_verified: true, name: "Eero Esimerkki" },
    },
  });
  provider = op.proc;
  const oidc = ["--oidc-issuer", op.issuer, "--oidc-client-id", "polku", "--oidc-name", "Kunta-tunnus"];
  const env = { POLKU_OIDC_CLIENT_SECRET: SECRET };
  a = await serveWith(["--database", pg.url, ...oidc], portA, env);
  b = await serveWith(["--database", pg.url, ...oidc, "--oidc-new-facilitators"], portB, env);
});

test.afterAll(async () => {
  await a?.stop();
  await b?.stop();
  provider?.stdin?.end();
  postgres?.stdin?.end();
});

/** A browser of its own, nothing of the suite's server in it, kept on this machine. */
async function freshPage(browser: Browser, locale = "en-US", viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale, extraHTTPHeaders: {}, storageState: { cookies: [], origins: [] } });
  // The provider's pages ask for a web font; nothing here may leave loopback.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  return context.newPage();
}

/** At the provider's own pages: its sign-in, then its consent when first asked. */
async function atProvider(page: Page, login: string) {
  await expect(page.locator("input[name=login]")).toBeVisible();
  await page.locator("input[name=login]").fill(login);
  await page.locator("input[name=password]").fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("a facilitator an admin added signs in with the organisation's account, and again after signing out", async ({ browser }) => {
  const page = await freshPage(browser);
  await page.goto(a.url);
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByText("Sign in with your organisation's account.")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("oidc-signin.png") });
  await page.getByRole("link", { name: "Sign in with Kunta-tunnus" }).click();
  expect(new URL(page.url()).port).not.toBe(new URL(a.url).port);
  await atProvider(page, "anna");

  // Back in Polku, as the admin named her (the address matched, whatever its case).
  await expect(newWorkshop(page)).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText("Signed in as Anna Virtanen");
  const me = await page.request.get(`${a.url}/api/me`);
  expect(await me.json()).toMatchObject({ email: "anna@kunta.fi", name: "Anna Virtanen", admin: false });

  // Signed out of Polku; the provider still knows her, so one press signs her in again.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  expect((await page.request.post(`${a.url}/api/list_workshops`, { data: {} })).status()).toBe(401);
  await page.getByRole("link", { name: "Sign in with Kunta-tunnus" }).click();
  await expect(page.getByTestId("signed-in-as")).toHaveText("Signed in as Anna Virtanen");
});

test("someone the provider knows but no admin added is told so, and is not let in", async ({ browser }) => {
  const page = await freshPage(browser, "fi-FI");
  await page.goto(`${a.url}/signin`);
  await page.getByRole("link", { name: "Kirjaudu sisään: Kunta-tunnus" }).click();
  await atProvider(page, "eero");
  await expect(page.getByRole("alert")).toHaveText(
    "Kirjauduit tunnuksella eero@kunta.fi (Kunta-tunnus), mutta sitä ei ole lisätty tämän Polun fasilitaattoriksi. Pyydä Polun ylläpitäjää lisäämään sinut.",
  );
  // The password form is still there for those who have one.
  await expect(page.getByLabel("Salasana")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("oidc-unknown-fi.png") });
  await expectAccessible(page, "the sign-in page with the organisation's button");
  expect((await page.request.post(`${a.url}/api/list_workshops`, { data: {} })).status()).toBe(401);
  const list = execFileSync(binary(), ["facilitators", "list", "--json"], { env: { ...process.env, POLKU_DATABASE: databaseUrl } }).toString();
  expect(list).not.toContain("eero@kunta.fi");
});

test("where the provider decides, a new colleague becomes a facilitator on their first sign-in", async ({ browser }) => {
  const page = await freshPage(browser, "sv-SE", { width: 390, height: 844 });
  await page.goto(`${b.url}/signin`);
  await page.screenshot({ path: test.info().outputPath("oidc-signin-phone-sv.png") });
  await page.getByRole("link", { name: "Logga in med Kunta-tunnus" }).click();
  await atProvider(page, "eero");
  await expect(page.getByLabel("Workshoppens namn")).toBeVisible();
  const me = await page.request.get(`${b.url}/api/me`);
  expect(await me.json()).toMatchObject({ email: "eero@kunta.fi", name: "Eero Esimerkki", admin: false });
});

test("a cancelled sign-in, or an answer that is not this browser's, signs no one in and says why", async ({ browser }) => {
  const page = await freshPage(browser);
  await page.goto(`${a.url}/signin`);
  await page.getByRole("link", { name: "Sign in with Kunta-tunnus" }).click();
  await page.getByRole("link", { name: "[ Cancel ]" }).click();
  await expect(page.getByRole("alert")).toHaveText("Signing in with Kunta-tunnus was cancelled. Nothing was changed; try again when you are ready.");

  // A code and state this browser never asked for (sent in a link, say) are not taken.
  await page.goto(`${a.url}/signin/oidc/callback?code=stolen&state=guessed`);
  await expect(page.getByRole("alert")).toHaveText("That sign-in had expired or was started in another window. Please sign in again.");
  expect((await page.request.post(`${a.url}/api/list_workshops`, { data: {} })).status()).toBe(401);
});
