// Screenshots of pages for review: node shots.mjs OUT_DIR NAME=URL... Each page at 1280
// and 390 px, in light and dark mode, and its first printed page (A4, as PDF: the test
// turns it into PNG with pdftoppm). No network: the URLs are local.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
const [out, ...pages] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const written = [];
for (const spec of pages) {
  const [name, url] = spec.split("=", 2);
  for (const [width, height, label] of [[1280, 900, "desktop"], [390, 844, "phone"]]) {
    for (const scheme of ["light", "dark"]) {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme, isMobile: label === "phone", deviceScaleFactor: 1 });
      await page.goto(url);
      const file = `${out}/${name}.${label}.${scheme}.png`;
      await page.screenshot({ path: file });
      written.push(file);
      await page.close();
    }
  }
  const page = await browser.newPage();
  await page.goto(url);
  await page.emulateMedia({ media: "print" });
  const file = `${out}/${name}.print.pdf`;
  await page.pdf({ path: file, preferCSSPageSize: true });
  written.push(file);
  await page.close();
}
await browser.close();
console.log(JSON.stringify(written));
