import { expect, type Browser, type Page } from "@playwright/test";

/** A phone of the room (390×844, touch) that opens the join link and joins as `nickname`. */
export async function joinPhone(browser: Browser, url: string, nickname: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: "en-US" });
  const phone = await ctx.newPage();
  await phone.goto(url);
  await phone.getByLabel("Your nickname").fill(nickname);
  await phone.getByRole("button", { name: "Join" }).tap();
  await expect(phone.getByText(`You are ${nickname}`)).toBeVisible();
  return phone;
}
