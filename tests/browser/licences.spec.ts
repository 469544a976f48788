import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ROOT } from "./server";

/**
 * About → Licences: the components Polku includes and their licences, from the lists beside the
 * UI (ui/dist/licences: the fonts' and the npm packages' written by the build, the Rust crates'
 * by `make licences`).
 */

function section(page: Page, name: string) {
  return page.getByRole("region", { name });
}

/** A component as the page lists it: its name, a space, its version. */
function component(page: Page, region: string, name: string) {
  return section(page, region)
    .getByRole("listitem")
    .filter({ hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} \\d`) });
}

test("About leads to the licences of the fonts, the Rust crates and the npm packages, each text a keyboard away", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "About Polku" }).click();
  await page.getByRole("link", { name: "Licences of the software Polku includes" }).click();
  await expect(page).toHaveURL(/#\/about\/licences$/);
  await expect(page.getByRole("heading", { level: 1, name: "Licences" })).toBeVisible();
  await expect(page.getByText("European Union Public Licence (EUPL) 1.2")).toBeVisible();

  const fonts = section(page, "Fonts");
  await expect(fonts.getByRole("heading", { level: 3, name: "SIL Open Font License 1.1" })).toBeVisible();
  await expect(component(page, "Fonts", "Noto Sans")).toBeVisible();
  await expect(component(page, "Fonts", "Noto Emoji")).toBeVisible();
  await expect(component(page, "Fonts", "DejaVu Sans")).toBeVisible();

  for (const crate of ["tauri", "rusqlite", "axum", "polku-core"]) await expect(component(page, "Rust crates", crate)).toHaveCount(1);
  await expect(section(page, "Rust crates").getByRole("heading", { level: 3, name: "MIT License" })).toBeVisible();
  await expect(section(page, "Rust crates").getByRole("heading", { level: 3, name: "European Union Public License 1.2" })).toBeVisible();
  for (const pkg of ["svelte", "@tauri-apps/api"]) await expect(component(page, "JavaScript packages", pkg)).toHaveCount(1);

  // The first licence text on the page, the fonts' OFL, right after the back link: Tab, Enter.
  const ofl = fonts.locator("details").first();
  await expect(ofl.getByText("SIL OPEN FONT LICENSE Version 1.1")).toBeHidden();
  await page.getByRole("link", { name: "Back to About Polku" }).focus();
  await page.keyboard.press("Tab");
  await expect(ofl.locator("summary")).toBeFocused();
  await expect(ofl.locator("summary")).toHaveText("Licence text: SIL Open Font License 1.1");
  await page.keyboard.press("Enter");
  await expect(ofl).toHaveAttribute("open", "");
  await expect(ofl.getByText("SIL OPEN FONT LICENSE Version 1.1")).toBeVisible();
  await expect(ofl.getByText(/Copyright .* Google/)).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(ofl).not.toHaveAttribute("open");

  // A crate's name is text: nothing in a list is read as markup.
  await expect(section(page, "Rust crates").locator("li *")).toHaveCount(0);

  // Read on a phone too, a licence text open: it wraps, nothing has to be scrolled sideways.
  await page.keyboard.press("Enter");
  await page.setViewportSize({ width: 390, height: 844 });
  const sideways = await page.locator(".side-page").evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(sideways).toBeLessThanOrEqual(0);
});

test("the Finnish page has Finnish headings", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Language", { exact: true }).selectOption("fi");
  await page.getByRole("link", { name: "Tietoja Polusta" }).click();
  await page.getByRole("link", { name: "Polkuun sisältyvien ohjelmistojen lisenssit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lisenssit" })).toBeVisible();
  for (const name of ["Kirjasimet", "Rust-kirjastot", "JavaScript-paketit"]) {
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  }
  await expect(section(page, "Kirjasimet").getByText("Lisenssin teksti: SIL Open Font License 1.1").first()).toBeVisible();
  await expect(component(page, "Rust-kirjastot", "tauri")).toHaveCount(1);
});

test("a list that cannot be loaded is said so, and the others are still shown", async ({ page }) => {
  await page.route("**/licences/npm.json", (route) => route.fulfill({ status: 404, body: "" }));
  await page.goto("/#/about/licences");
  await expect(section(page, "JavaScript packages").getByRole("alert")).toHaveText("This list could not be loaded. Reload the page to try again.");
  await expect(component(page, "Rust crates", "tauri")).toHaveCount(1);
  await expect(component(page, "Fonts", "Noto Sans")).toBeVisible();
});

// The desktop app serves the same files under the Content-Security-Policy of
// src-tauri/tauri.conf.json; its connect-src must let the page fetch them from its own origin.
test("the lists load under the desktop app's Content-Security-Policy", async ({ page }) => {
  const csp: string = JSON.parse(readFileSync(join(ROOT, "src-tauri", "tauri.conf.json"), "utf8")).app.security.csp;
  await page.route(
    (url) => url.pathname === "/",
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": csp } });
    },
  );
  await page.goto("/#/about/licences");
  await expect(page.getByRole("heading", { level: 1, name: "Licences" })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(component(page, "Rust crates", "tauri")).toHaveCount(1);
  await expect(component(page, "JavaScript packages", "svelte")).toHaveCount(1);
  await expect(component(page, "Fonts", "Noto Sans")).toBeVisible();
});
