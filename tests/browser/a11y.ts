import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * axe-core's automatic checks of WCAG 2.1 levels A and AA (what the act on digital services,
 * 306/2019, asks of software used in public services) on the page as it is now: none may fail.
 * What axe cannot judge (whether a name says the right thing, whether an order makes sense) is
 * for the keyboard and screen-reader tests.
 */
export async function expectAccessible(page: Page, view: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  expect(found, `${view}: WCAG 2.1 AA checks that fail`).toEqual([]);
  // Something was checked: the view's own controls, not an empty page.
  expect(result.passes.length, `${view}: nothing checked`).toBeGreaterThan(5);
}
