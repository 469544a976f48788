import { mkdirSync } from "node:fs";
import { expect, test, type Browser, type BrowserContext, type CDPSession, type Locator, type Page } from "@playwright/test";
import { addBoard, openTab } from "./board-ops";
import { createWorkshop, note, TOUCHPOINTS, unique } from "./helpers";
import { openJoining, RoomNetwork } from "./room-network";

/**
 * The phone page as the issue asks for it: used with the keyboard alone, at 200 % text, and as a
 * screen reader meets it (names, a live region for "sent"), in fi, sv and en.
 */

let room: RoomNetwork;
test.beforeAll(() => {
  room = RoomNetwork.make();
});
test.afterAll(() => room?.remove());

const SHOTS = "/tmp/a11y-shots";
const PHONE = { width: 390, height: 844 };

/** A phone on the room's Wi-Fi. */
async function openPhone(browser: Browser, url: string, locale: string, largeText = false): Promise<{ ctx: BrowserContext; phone: Page }> {
  const ctx = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale });
  const phone = await ctx.newPage();
  if (largeText) await textAt200(phone);
  await phone.goto(url);
  return { ctx, phone };
}

/**
 * The phone's text size setting at 200 %: the browser's default font size doubled, as a "large
 * text" setting does (a page that fixes its root size in px ignores it).
 */
async function textAt200(phone: Page): Promise<void> {
  // The setting lasts as long as the session that made it.
  let cdp = sessions.get(phone);
  if (!cdp) sessions.set(phone, (cdp = await phone.context().newCDPSession(phone)));
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 32, fixed: 26 } });
}
const sessions = new WeakMap<Page, CDPSession>();

/** A workshop made in `language` (its path's labels and the phones' language), opened in the facilitator's (English) UI. */
async function workshopIn(page: Page, language: "fi" | "sv", title: string): Promise<void> {
  await page.goto("/");
  const res = await page.request.post("/api/create_workshop", { data: { title, language } });
  expect(res.ok()).toBe(true);
  await page.goto(`/#/w/${(await res.json()).id}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

/** Opens joining and closes the dialog again; the link the phones open. */
async function joining(page: Page): Promise<string> {
  const url = await openJoining(page, room);
  await page.getByRole("dialog", { name: "Participants can join" }).getByRole("button", { name: "Done", exact: true }).click();
  return url;
}

/** What has the keyboard focus: "visible" when it is an element with a focus ring, else what is wrong. */
function focusState(phone: Page): Promise<string> {
  return phone.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return "lost to the page";
    const style = getComputedStyle(el);
    const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
    return ring ? "visible" : `no focus ring on <${el.tagName.toLowerCase()}> ${el.textContent?.trim().slice(0, 40)}`;
  });
}

async function expectFocusVisible(phone: Page): Promise<void> {
  await expect.poll(() => focusState(phone)).toBe("visible");
}

/** Moves the focus with Tab (Shift+Tab when `back`) until `target` has it; every stop on the way shows where the focus is. */
async function tabTo(phone: Page, target: Locator, back = false): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await phone.keyboard.press(back ? "Shift+Tab" : "Tab");
    await expectFocusVisible(phone);
  }
  throw new Error(`Tab never reached ${target}`);
}

test("a participant uses the phone page with the keyboard alone: join, choose a place and a tone, send, edit and delete, the focus always seen and never lost", async ({ page, browser }) => {
  await createWorkshop(page, unique("Keys"));
  const board = (await openTab(page).textContent())!.trim();
  const url = await joining(page);
  const { ctx, phone } = await openPhone(browser, url, "en-US");

  // The offered nickname is accepted as it is.
  const nick = phone.getByRole("textbox", { name: "Your nickname" });
  await tabTo(phone, nick);
  await expect(nick).not.toHaveValue("");
  await tabTo(phone, phone.getByRole("button", { name: "Join" }));
  await phone.keyboard.press("Enter");
  await expect(phone.getByText(/^You are /)).toBeVisible();
  // The screen that replaced the form takes the focus at its heading, not the page.
  await expect(phone.getByRole("heading", { name: board })).toBeFocused();
  await expectFocusVisible(phone);

  // The places and the tones are radio groups: Tab reaches the chosen one, the arrows choose.
  const first = phone.getByRole("radio", { name: TOUCHPOINTS.en[0], exact: true });
  await tabTo(phone, first);
  await expect(first).toBeChecked();
  await phone.keyboard.press("ArrowDown");
  await expect(phone.getByRole("radio", { name: TOUCHPOINTS.en[1], exact: true })).toBeChecked();
  await expect(phone.getByRole("radio", { name: TOUCHPOINTS.en[1], exact: true })).toBeFocused();
  await tabTo(phone, phone.getByRole("radio", { name: "Neutral", exact: true }));
  await phone.keyboard.press("ArrowRight");
  await expect(phone.getByRole("radio", { name: "Positive", exact: true })).toBeChecked();

  const field = phone.getByRole("textbox", { name: "Your note", exact: true });
  const sendButton = phone.getByRole("button", { name: "Send" });
  async function sendByKeys(text: string, key: "Enter" | "Space") {
    await tabTo(phone, field);
    await phone.keyboard.type(text);
    await tabTo(phone, sendButton);
    await phone.keyboard.press(key);
    await expect(note(page, text)).toBeVisible();
    await expect(phone.getByRole("status").filter({ hasText: "Sent." })).toHaveCount(1);
    // Sent: the focus is back in the emptied field, ready for the next note.
    await expect(field).toBeFocused();
    await expect(field).toHaveValue("");
    await expectFocusVisible(phone);
  }
  await sendByKeys("Kind voice on the phone", "Enter");
  await expect(note(page, "Kind voice on the phone")).toHaveAttribute("data-sentiment", "positive");
  // Back up with Shift+Tab to the tones for the next note's.
  await tabTo(phone, phone.getByRole("radio", { name: "Positive", exact: true }), true);
  await phone.keyboard.press("ArrowRight");
  await expect(phone.getByRole("radio", { name: "Idea", exact: true })).toBeChecked();
  await sendByKeys("The letter came late", "Space");
  await expect(note(page, "The letter came late")).toHaveAttribute("data-kind", "idea");

  // Edit: the field opens with the focus in it; Save brings the focus back to the note.
  await tabTo(phone, phone.getByRole("button", { name: "Edit your note: Kind voice on the phone" }));
  await phone.keyboard.press("Enter");
  const edit = phone.getByRole("textbox", { name: "The note's text" });
  await expect(edit).toBeFocused();
  await phone.keyboard.press("ControlOrMeta+A");
  await phone.keyboard.type("Kind and quick voice on the phone");
  await tabTo(phone, phone.getByRole("button", { name: "Save", exact: true }));
  await phone.keyboard.press("Enter");
  await expect(note(page, "Kind and quick voice on the phone")).toBeVisible();
  await expect(phone.getByRole("button", { name: "Edit your note: Kind and quick voice on the phone" })).toBeFocused();
  await expectFocusVisible(phone);

  // Delete: the focus moves to the note that took its place, then (none left) to the board's heading.
  async function deleteByKeys(text: string, key: "Enter" | "Space", left: number, focusTo: Locator) {
    await tabTo(phone, phone.getByRole("button", { name: `Delete your note: ${text}` }));
    await phone.keyboard.press(key);
    await expect(note(page, text)).toHaveCount(0);
    await expect(phone.getByTestId("phone-note")).toHaveCount(left);
    await expect(focusTo).toBeFocused();
    await expectFocusVisible(phone);
  }
  await deleteByKeys("Kind and quick voice on the phone", "Enter", 1, phone.getByRole("button", { name: "Edit your note: The letter came late" }));
  await deleteByKeys("The letter came late", "Space", 0, phone.getByRole("heading", { name: board }));
  // And from there the keyboard goes on: back to writing.
  await tabTo(phone, field);
  await ctx.close();
});

/**
 * Takes the screen's picture into SHOTS and checks it fits a phone at large text: nothing wider
 * than the screen, no control or text sticking out past its edges or cut inside its box, and every
 * button and choice at least 44 px high (a thumb's target).
 */
async function expectFits(phone: Page, name: string): Promise<void> {
  // The phone's text size reaches the page: its root text is twice the usual 16 px.
  expect(await phone.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe("32px");
  // Against the phone's width, not innerWidth: a mobile browser zooms out to show a page wider
  // than the screen, and innerWidth grows with it.
  const problems = await phone.evaluate((width) => {
    const out: string[] = [];
    const page = document.documentElement.scrollWidth;
    if (page > width) out.push(`the page is ${page} px wide on a ${width} px screen`);
    if (window.visualViewport && window.visualViewport.scale < 1) out.push(`the page is zoomed out to ${window.visualViewport.scale}`);
    for (const el of document.querySelectorAll<HTMLElement>("button, label, input, textarea, select, h1, h2, h3, legend, p, li")) {
      const r = el.getBoundingClientRect();
      if ((r.width === 0 && r.height === 0) || el.closest(".visually-hidden")) continue;
      const what = `<${el.tagName.toLowerCase()}> "${(el.textContent ?? "").trim().slice(0, 30)}"`;
      if (r.left < -0.5 || r.right > width + 0.5) out.push(`${what} spans ${Math.round(r.left)}–${Math.round(r.right)} px`);
      if (el.matches("button, label") && el.scrollWidth > el.clientWidth + 1) out.push(`${what} is cut: ${el.scrollWidth} px of text in ${el.clientWidth} px`);
      if (el.matches("button, label:has(input[type=radio])") && r.height < 44) out.push(`${what} is ${Math.round(r.height)} px high`);
    }
    return out;
  }, PHONE.width);
  expect(problems, name).toEqual([]);
  // Screen by screen, as the phone shows it (a full-page picture would undo the text size).
  mkdirSync(SHOTS, { recursive: true });
  const height = await phone.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, i = 1; y < height; y += PHONE.height, i++) {
    await phone.evaluate((top) => window.scrollTo(0, top), y);
    await phone.screenshot({ path: `${SHOTS}/${name}-${i}.png` });
  }
  await phone.evaluate(() => window.scrollTo(0, 0));
}

test("at 200 % text (Finnish) every screen of the phone page fits the phone and works: nickname, writing, editing, choosing a board, a locked board", async ({ page, browser }) => {
  const title = unique("Suuri teksti");
  await workshopIn(page, "fi", title);
  await addBoard(page, "Toinen taulu", /^Service path/);
  const url = await openJoining(page, room);
  const dialog = page.getByRole("dialog", { name: "Participants can join" });

  const { ctx, phone } = await openPhone(browser, url, "fi-FI", true);
  await expect(phone.getByRole("textbox", { name: "Nimimerkkisi" })).toBeVisible();
  await expect(phone.locator("html")).toHaveAttribute("lang", "fi");
  await expectFits(phone, "1-nickname");

  await phone.getByRole("textbox", { name: "Nimimerkkisi" }).fill("Iso kettu");
  await phone.getByRole("button", { name: "Liity" }).tap();
  await expect(phone.getByText("Olet Iso kettu")).toBeVisible();
  const shown = (await phone.getByRole("heading", { level: 2 }).textContent())!.trim();
  const other = shown === "Toinen taulu" ? (await page.getByRole("tab").first().textContent())!.trim() : "Toinen taulu";

  const long = "Asiakaspalvelukeskuksen puhelinjonotusjärjestelmä kaatui kesken puhelun";
  await phone.getByRole("radio", { name: TOUCHPOINTS.fi[3], exact: true }).check();
  await phone.getByRole("radio", { name: "Kysymys", exact: true }).check();
  await phone.getByRole("textbox", { name: "Lappusi", exact: true }).fill(long);
  await expectFits(phone, "2-write");
  await phone.getByRole("button", { name: "Lähetä" }).tap();
  await expect(note(page, long)).toBeVisible();
  await expect(note(page, long)).toHaveAttribute("data-kind", "question");
  await phone.getByRole("textbox", { name: "Lappusi", exact: true }).fill("Jono");
  await phone.getByRole("button", { name: "Lähetä" }).tap();
  await expect(phone.getByTestId("phone-note")).toHaveCount(2);

  await phone.getByRole("button", { name: `Muokkaa lappuasi: ${long}` }).tap();
  await expect(phone.getByRole("textbox", { name: "Lapun teksti" })).toHaveValue(long);
  await expectFits(phone, "3-edit");
  await phone.getByRole("textbox", { name: "Lapun teksti" }).fill("Jono oli liian pitkä");
  await phone.getByRole("button", { name: "Tallenna", exact: true }).tap();
  await expect(note(page, "Jono oli liian pitkä")).toBeVisible();

  // The facilitator opens the second board too: the phone offers a choice of two.
  await dialog.getByRole("checkbox", { name: `Participants see the board ${other}` }).check();
  const boards = phone.getByRole("group", { name: "Taulu" });
  await expect(boards.getByRole("radio")).toHaveCount(2);
  await expectFits(phone, "4-boards");
  await boards.getByRole("radio", { name: other }).check();
  await expect(phone.getByRole("heading", { level: 2, name: other })).toBeVisible();
  await boards.getByRole("radio", { name: shown }).check();
  await expect(phone.getByRole("heading", { level: 2, name: shown })).toBeVisible();

  // Locked: said in words, and the notes can no longer be changed from the phone.
  await dialog.getByRole("checkbox", { name: `Lock the board ${shown}: participants can no longer add, edit or delete notes on it` }).check();
  await expect(phone.getByTestId("phone-locked")).toHaveText("Fasilitaattori on lukinnut tämän taulun: lappuja ei voi enää lisätä eikä muuttaa.");
  await expect(phone.getByRole("button", { name: /^Muokkaa lappuasi/ })).toHaveCount(0);
  await expectFits(phone, "5-locked");
  await ctx.close();
});

/** The ARIA tree's lines for controls that have no name: a screen reader would say only "button". */
async function unnamedControls(phone: Page): Promise<string[]> {
  const tree = await phone.locator("main").ariaSnapshot();
  return tree.split("\n").filter((line) => /^\s*- (button|radio|textbox|checkbox|combobox)( \[[^\]]*\])?(:.*)?$/.test(line));
}

test("as a screen reader meets it (Swedish): the page speaks Swedish, every control has a name, tones are words, and each 'sent' is announced in a live region", async ({ page, browser }) => {
  await workshopIn(page, "sv", unique("Skärmläsare"));
  const url = await joining(page);
  // The phone's own language is English: the workshop's language decides.
  const { ctx, phone } = await openPhone(browser, url, "en-US");
  await expect(phone.locator("html")).toHaveAttribute("lang", "sv");
  const nick = phone.getByRole("textbox", { name: "Ditt smeknamn" });
  await expect(nick).toHaveAccessibleDescription(/smeknamn/);
  expect(await unnamedControls(phone)).toEqual([]);
  await phone.getByRole("button", { name: "Anslut" }).tap();
  await expect(phone.getByText(/^Du är /)).toBeVisible();

  // Places and tones are named groups of radios; a tone is said as its meaning, not its symbol.
  const places = phone.getByRole("group", { name: "Var på stigen?" }).getByRole("radio");
  await expect(places).toHaveCount(5);
  const tones = phone.getByRole("group", { name: "Vilken sorts lapp?" });
  for (const name of ["Negativ", "Neutral", "Positiv", "Idé", "Fråga"]) await expect(tones.getByRole("radio", { name, exact: true })).toHaveCount(1);
  await expect(tones.getByRole("radio")).toHaveCount(5);

  // The live region is there, quiet, before anything is sent (one added later is not announced).
  await expect(phone.getByRole("status")).toHaveCount(1);
  // The page's own (a locked board's notice is another, later).
  const live = phone.locator("main > [role=status]");
  await expect(live).toHaveText("");
  // Each send is announced again, even when the words are the same as last time.
  await live.evaluate((el) => {
    const w = window as unknown as { announced: number };
    w.announced = 0;
    new MutationObserver(() => {
      if (el.textContent === "Skickad.") w.announced++;
    }).observe(el, { childList: true, characterData: true, subtree: true });
  });
  const announced = () => phone.evaluate(() => (window as unknown as { announced: number }).announced);
  await places.nth(2).check();
  await tones.getByRole("radio", { name: "Negativ", exact: true }).check();
  await phone.getByRole("textbox", { name: "Din lapp" }).fill("Kön var lång");
  await phone.getByRole("button", { name: "Skicka" }).tap();
  await expect(live).toHaveText("Skickad.");
  await expect.poll(announced).toBe(1);
  await phone.getByRole("textbox", { name: "Din lapp" }).fill("Ingen ringde tillbaka");
  await phone.getByRole("button", { name: "Skicka" }).tap();
  await expect(phone.getByTestId("phone-note")).toHaveCount(2);
  await expect.poll(announced).toBe(2);

  // Own notes: each says its tone in words, and its buttons say which note they act on.
  await expect(phone.getByTestId("phone-note").first()).toContainText("Negativ:");
  await phone.getByRole("button", { name: "Redigera din lapp: Kön var lång" }).tap();
  await expect(phone.getByRole("textbox", { name: "Lappens text" })).toBeFocused();
  await expect(phone.getByRole("button", { name: "Spara", exact: true })).toBeVisible();
  await expect(phone.getByRole("button", { name: "Avbryt", exact: true })).toBeVisible();
  await expect(phone.getByRole("button", { name: "Ta bort din lapp: Ingen ringde tillbaka" })).toBeVisible();
  expect(await unnamedControls(phone)).toEqual([]);
  await phone.getByRole("button", { name: "Avbryt", exact: true }).tap();

  // A note refused by Polku (the board was locked while the phone was offline) is not announced as sent.
  await ctx.setOffline(true);
  await phone.getByRole("textbox", { name: "Din lapp" }).fill("Skrivet utan nät");
  await phone.getByRole("button", { name: "Skicka" }).tap();
  await expect(phone.getByTestId("phone-waiting")).toHaveCount(1);
  await page.getByTestId("join-button").click();
  await page.getByRole("dialog", { name: "Participants can join" }).getByRole("checkbox", { name: /^Lock the board / }).check();
  await ctx.setOffline(false);
  await expect(phone.getByTestId("phone-held")).toContainText("Skrivet utan nät");
  await expect(live).toHaveText("Inte skickad: lappen finns kvar under Dina lappar, med orsaken.");
  await ctx.close();
});
