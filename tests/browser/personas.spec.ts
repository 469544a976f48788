import { expect, test, type Locator, type Page } from "@playwright/test";
import { createWorkshop, unique } from "./helpers";

/** Counts the change requests sent from now on. */
function countOps(page: Page): () => number {
  let n = 0;
  page.on("request", (r) => {
    if (r.url().endsWith("/api/apply_op")) n++;
  });
  return () => n;
}

function applied(page: Page) {
  return page.waitForResponse((r) => r.url().endsWith("/api/apply_op") && r.ok());
}

async function showPersonas(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Personas", exact: true }).click();
  await expect(page.getByRole("region", { name: "Personas" })).toBeVisible();
  await expect(page).toHaveURL(/\/personas$/);
}

function card(page: Page, name: string): Locator {
  return page.getByRole("article", { name, exact: true });
}

const editor = (page: Page) => page.getByRole("dialog");

test("a persona is made, shown on its card, kept, edited field by field, duplicated, deleted and undone", async ({ page }) => {
  await createWorkshop(page, unique("Personas"));
  await showPersonas(page);
  await expect(page.getByText("No personas yet.", { exact: false })).toBeVisible();

  await page.getByRole("button", { name: "New persona" }).click();
  const form = editor(page);
  await expect(form.getByRole("heading", { name: "New persona" })).toBeVisible();
  const name = form.getByLabel("Name or pseudonym");
  await expect(name).toBeFocused();
  // The form says the name must be made up.
  await expect(name).toHaveAccessibleDescription(/never the name of a real client/);

  // Saving without a name is explained in words, next to the field, and nothing is sent.
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("Give the persona a name or a pseudonym.")).toBeVisible();
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute("aria-invalid", "true");

  await name.fill("Aino");
  await form.getByRole("radiogroup", { name: "Picture" }).getByRole("radio", { name: "Owl" }).check();
  await form.getByRole("radiogroup", { name: "Colour" }).getByRole("radio", { name: "Rose" }).check();
  await form.getByLabel("Age group").selectOption({ label: "18–29" });
  await form.getByRole("radiogroup", { name: "Digital skills" }).getByRole("radio", { name: "some" }).check();
  // One suggested channel, one typed.
  const suggested = form.getByRole("button", { name: "Through a third party (e.g. a school curator)", exact: true });
  await suggested.click();
  await expect(suggested).toHaveAttribute("aria-pressed", "true");
  await form.getByLabel("Another channel").fill("Discord");
  await form.getByLabel("Another channel").press("Enter");
  await expect(form.getByRole("button", { name: "Remove Discord" })).toBeVisible();
  await form.getByLabel("A quote in their own words").fill("I did not know where to ask.");
  await form.getByLabel("Needs").fill("Someone who calls back");
  const made = applied(page);
  await form.getByRole("button", { name: "Save" }).click();
  await made;
  await expect(form).toBeHidden();

  const aino = card(page, "Aino");
  await expect(aino).toBeVisible();
  await expect(aino.getByRole("img", { name: "Owl" })).toBeVisible();
  await expect(aino.getByText("Age: 18–29")).toBeVisible();
  await expect(aino.getByText("I did not know where to ask.")).toBeVisible();
  await expect(aino.getByRole("listitem")).toHaveText(["Through a third party (e.g. a school curator)", "Discord"]);
  await expect(aino.getByText("some", { exact: true })).toBeVisible();
  await expect(aino.getByText("Someone who calls back")).toBeVisible();
  // Back from the editor, the focus is on the new card.
  await expect(aino.getByRole("button", { name: "Edit persona Aino" })).toBeFocused();

  // A reload keeps it, and the view.
  await page.reload();
  await expect(page.getByRole("region", { name: "Personas" })).toBeVisible();
  await expect(card(page, "Aino").getByText("I did not know where to ask.")).toBeVisible();
  await expect(card(page, "Aino").getByRole("listitem")).toHaveCount(2);

  // Editing one field sends that field only.
  await card(page, "Aino").getByRole("button", { name: "Edit persona Aino" }).click();
  await expect(editor(page).getByLabel("Name or pseudonym")).toHaveValue("Aino");
  await editor(page).getByLabel("A quote in their own words").fill("Nobody asked me.");
  const sent = page.waitForRequest((r) => r.url().endsWith("/api/apply_op"));
  const edited = applied(page);
  await editor(page).getByRole("button", { name: "Save" }).click();
  const op = (await sent).postDataJSON().op;
  await edited;
  expect(op.type).toBe("update_persona");
  expect(op.patch).toEqual({ quote: "Nobody asked me." });
  await expect(card(page, "Aino").getByText("Nobody asked me.")).toBeVisible();
  await expect(card(page, "Aino").getByText("Age: 18–29")).toBeVisible();
  await expect(card(page, "Aino").getByRole("listitem")).toHaveCount(2);

  // Duplicate: a second card with the same contents under a new name.
  const duplicated = applied(page);
  await card(page, "Aino").getByRole("button", { name: "Duplicate persona Aino" }).click();
  await duplicated;
  await expect(page.getByRole("article")).toHaveCount(2);
  const copy = card(page, "Aino (copy)");
  await expect(copy.getByText("Nobody asked me.")).toBeVisible();
  await expect(copy.getByRole("listitem")).toHaveCount(2);

  // Delete asks first; then the card is gone, and the toolbar's Undo brings it back.
  await copy.getByRole("button", { name: "Delete persona Aino (copy)" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete persona Aino (copy)?" });
  await expect(confirm).toBeVisible();
  const deleted = applied(page);
  await confirm.getByRole("button", { name: "Delete persona" }).click();
  await deleted;
  await expect(copy).toHaveCount(0);
  await expect(page.getByRole("article")).toHaveCount(1);
  await expect(page.getByTestId("toast").filter({ hasText: "Undo brings it back" })).toBeVisible();

  const toolbar = page.getByRole("toolbar", { name: "Board tools" });
  const undone = page.waitForResponse((r) => r.url().endsWith("/api/undo") && r.ok());
  await toolbar.getByRole("button", { name: "Undo" }).click();
  await undone;
  await expect(page.getByRole("article")).toHaveCount(2);
  await expect(card(page, "Aino (copy)").getByText("Nobody asked me.")).toBeVisible();
});

test("a save the server refuses keeps what was typed", async ({ page, context }) => {
  await createWorkshop(page, unique("Persona refused"));
  await showPersonas(page);
  await page.getByRole("button", { name: "New persona" }).click();
  await editor(page).getByLabel("Name or pseudonym").fill("Janne");
  const made = applied(page);
  await editor(page).getByRole("button", { name: "Save" }).click();
  await made;

  // Someone deletes Janne in another tab while this one is typing into the form.
  const other = await context.newPage();
  await other.goto(page.url());
  await card(page, "Janne").getByRole("button", { name: "Edit persona Janne" }).click();
  const form = editor(page);
  await form.getByLabel("Fears and pain points").fill("Losing the flat");
  await card(other, "Janne").getByRole("button", { name: "Delete persona Janne" }).click();
  await other.getByRole("dialog").getByRole("button", { name: "Delete persona" }).click();
  await expect(form.getByText("Someone just deleted this persona.")).toBeVisible({ timeout: 1_000 });

  // The server refuses the update: the form stays open with everything typed.
  const refused = page.waitForResponse((r) => r.url().endsWith("/api/apply_op"));
  await form.getByRole("button", { name: "Save" }).click();
  expect((await refused).ok()).toBe(false);
  await expect(form.getByText("What you typed is kept here", { exact: false })).toBeVisible();
  await expect(form.getByLabel("Name or pseudonym")).toHaveValue("Janne");
  await expect(form.getByLabel("Fears and pain points")).toHaveValue("Losing the flat");

  // Undone where it was deleted, the same form saves.
  await other.getByRole("toolbar", { name: "Board tools" }).getByRole("button", { name: "Undo" }).click();
  await expect(form.getByText("Someone just deleted this persona.")).toBeHidden({ timeout: 1_000 });
  const saved = applied(page);
  await form.getByRole("button", { name: "Save" }).click();
  await saved;
  await expect(form).toBeHidden();
  await expect(card(page, "Janne").getByText("Losing the flat")).toBeVisible();
  await expect(card(other, "Janne").getByText("Losing the flat")).toBeVisible({ timeout: 1_000 });
});

test("everything in the library works from the keyboard", async ({ page }) => {
  await createWorkshop(page, unique("Persona keys"));
  await showPersonas(page);
  await page.getByRole("button", { name: "New persona" }).focus();
  await page.keyboard.press("Enter");
  await expect(editor(page).getByLabel("Name or pseudonym")).toBeFocused();
  await page.keyboard.type("Keyboard Kaisa");
  // Tab to the age group and pick with the arrows.
  await page.keyboard.press("Tab");
  await expect(editor(page).getByLabel("Age group")).toBeFocused();
  // Into the picture radios: arrows change the choice.
  const pictures = editor(page).getByRole("radiogroup", { name: "Picture" });
  await pictures.getByRole("radio").first().focus();
  await page.keyboard.press("ArrowRight");
  await expect(pictures.getByRole("radio", { name: "Moon" })).toBeChecked();
  // Escape asks before throwing away what was typed; Keep editing, the default, keeps all of it
  // and puts the focus back where it was.
  const form = page.getByTestId("persona-editor");
  const ask = page.getByRole("dialog", { name: "Discard the new persona Keyboard Kaisa?" });
  await page.keyboard.press("Escape");
  await expect(ask).toBeVisible();
  await expect(ask.getByRole("button", { name: "Keep editing" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(ask).toBeHidden();
  await expect(pictures.getByRole("radio", { name: "Moon" })).toBeFocused();
  await expect(form.getByLabel("Name or pseudonym")).toHaveValue("Keyboard Kaisa");
  // Escape on the question is Keep editing too, and an Escape right after it asks again: the
  // browser's rule against a second Escape in a row must not close the form.
  await page.keyboard.press("Escape");
  await expect(ask).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(ask).toBeHidden();
  await expect(form).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(ask).toBeVisible();
  await expect(form).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(ask).toBeHidden();
  await expect(form).toBeVisible();
  await expect(form.getByLabel("Name or pseudonym")).toHaveValue("Keyboard Kaisa");
  await expect(pictures.getByRole("radio", { name: "Moon" })).toBeChecked();
  // Discard gives up: nothing is made, the focus is back on the button.
  await page.keyboard.press("Escape");
  await expect(ask).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(ask.getByRole("button", { name: "Discard" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(editor(page)).toBeHidden();
  await expect(page.getByRole("article")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "New persona" })).toBeFocused();

  await page.keyboard.press("Enter");
  await page.keyboard.type("Keyboard Kaisa");
  const made = applied(page);
  await page.keyboard.press("Enter");
  await made;
  await expect(card(page, "Keyboard Kaisa")).toBeVisible();
  await expect(page.getByRole("button", { name: "Edit persona Keyboard Kaisa" })).toBeFocused();
});

test("closing the editor asks before unsaved changes are thrown away, and only then", async ({ page }) => {
  await createWorkshop(page, unique("Persona discard"));
  await showPersonas(page);
  const form = page.getByTestId("persona-editor");
  const sent = countOps(page);

  // Nothing typed yet: Escape closes a new persona's form without a question.
  await page.getByRole("button", { name: "New persona" }).click();
  await expect(form.getByLabel("Name or pseudonym")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(form).toBeHidden();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await page.getByRole("button", { name: "New persona" }).click();
  await form.getByLabel("Name or pseudonym").fill("Aino");
  await form.getByLabel("A quote in their own words").fill("I did not know where to ask.");
  const made = applied(page);
  await form.getByRole("button", { name: "Save" }).click();
  await made;
  await expect(form).toBeHidden();
  expect(sent()).toBe(1);

  // Opened and closed unchanged: no question, by Cancel or by ×.
  const edit = () => card(page, "Aino").getByRole("button", { name: "Edit persona Aino" }).click();
  await edit();
  await form.getByRole("button", { name: "Cancel" }).click();
  await expect(form).toBeHidden();
  await edit();
  await form.getByRole("button", { name: "Close without saving" }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // Changed: × asks; Keep editing leaves the form as it was, the focus back in the field.
  await edit();
  const quote = form.getByLabel("A quote in their own words");
  await quote.fill("Nobody asked me.");
  await form.getByRole("button", { name: "Close without saving" }).click();
  const ask = page.getByRole("dialog", { name: "Discard the changes to Aino?" });
  await expect(ask).toBeVisible();
  await expect(ask).toHaveAccessibleDescription(/has not been saved/);
  await expect(ask.getByRole("button", { name: "Keep editing" })).toBeFocused();
  await ask.getByRole("button", { name: "Keep editing" }).click();
  await expect(ask).toBeHidden();
  await expect(form).toBeVisible();
  await expect(quote).toHaveValue("Nobody asked me.");
  await expect(quote).toBeFocused();

  // Cancel asks too; Discard closes, and nothing was sent.
  await form.getByRole("button", { name: "Cancel" }).click();
  await ask.getByRole("button", { name: "Discard" }).click();
  await expect(form).toBeHidden();
  await expect(ask).toBeHidden();
  await expect(card(page, "Aino").getByText("I did not know where to ask.")).toBeVisible();
  expect(sent()).toBe(1);

  // A channel typed but not yet added counts as a change too.
  await edit();
  await form.getByLabel("Another channel").fill("Signal");
  await page.keyboard.press("Escape");
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "Discard" }).click();
  await expect(form).toBeHidden();
  expect(sent()).toBe(1);
  await expect(card(page, "Aino").getByRole("listitem")).toHaveCount(0);
});

test("a second tab sees a new persona within a second", async ({ page, context }) => {
  await createWorkshop(page, unique("Persona tabs"));
  await showPersonas(page);
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByRole("region", { name: "Personas" })).toBeVisible();

  await page.getByRole("button", { name: "New persona" }).click();
  await editor(page).getByLabel("Name or pseudonym").fill("Seen elsewhere");
  await editor(page).getByLabel("A quote in their own words").fill("Hello from tab one");
  const made = applied(page);
  await editor(page).getByRole("button", { name: "Save" }).click();
  await made;
  await expect(card(other, "Seen elsewhere").getByText("Hello from tab one")).toBeVisible({ timeout: 1_000 });
});

test("printing the library gives the cards alone, one a page", async ({ page }) => {
  await createWorkshop(page, unique("Persona print"));
  await showPersonas(page);
  for (const n of ["Print One", "Print Two"]) {
    await page.getByRole("button", { name: "New persona" }).click();
    await editor(page).getByLabel("Name or pseudonym").fill(n);
    await editor(page).getByLabel("Life situation").fill(`${n} lives alone`);
    await editor(page).getByLabel("Goals").fill(`${n} wants work`);
    const made = applied(page);
    await editor(page).getByRole("button", { name: "Save" }).click();
    await made;
    await expect(card(page, n)).toBeVisible();
  }
  // The card shows the life situation and the goals on screen too, as the PDF prints them.
  await expect(card(page, "Print One").getByText("Print One lives alone")).toBeVisible();
  await expect(card(page, "Print One").getByText("Print One wants work")).toBeVisible();
  await expect(card(page, "Print One").getByRole("button")).toHaveCount(3);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("toolbar", { name: "Board tools" })).toBeHidden();
  await expect(page.getByRole("button", { name: "New persona" })).toBeHidden();
  const buttons = card(page, "Print One").locator("button");
  await expect(buttons).toHaveCount(3);
  for (const b of await buttons.all()) await expect(b).toBeHidden();
  await expect(card(page, "Print One").getByText("Print One lives alone")).toBeVisible();
  // One page a persona, none empty: the PDF's page tree counts them.
  const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
  expect(/\/Type \/Pages\b[^>]*?\/Count (\d+)/.exec(pdf)?.[1]).toBe("2");
});
