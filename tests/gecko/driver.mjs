// Drives Debian's Firefox (Gecko) for tests/gecko over WebDriver BiDi, through npm puppeteer-core, which
// needs no driver of its own and downloads nothing. The tests (Python) talk to it in JSON lines:
// {"id", "call": {...}} or {"id", "all": [{...}, ...]} in, {"id", "result"} or {"id", "error"} out.
// A call names a method of a page ("on": "page", "keyboard" or "mouse") with its arguments; the
// argument numbers in "functions" are the source of a function to run in the page.
import readline from "node:readline";
import puppeteer from "puppeteer-core";

const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: process.env.FIREFOX,
  headless: true,
});
const pages = new Map();
let lastPage = 0;

const own = {
  async newPage({ viewport }) {
    // A browser context of its own: storage, caches and service workers start empty.
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport(viewport);
    pages.set(++lastPage, page);
    return lastPage;
  },
  async closePage({ page }) {
    await pages.get(page).browserContext().close();
    pages.delete(page);
  },
};

function plain(value) {
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (value && typeof value.status === "function" && typeof value.url === "function") {
    return { status: value.status(), url: value.url() }; // a response
  }
  if (value && typeof value === "object" && typeof value.dispose === "function") return null; // a handle
  return value === undefined ? null : value;
}

async function run({ page, on = "page", method, args = [], functions = [] }) {
  if (on === "own") return own[method](...args);
  const target = on === "page" ? pages.get(page) : pages.get(page)[on];
  const made = args.map((arg, index) => (functions.includes(index) ? new Function(`return (${arg})`)() : arg));
  return plain(await target[method](...made));
}

const send = (message) => process.stdout.write(JSON.stringify(message) + "\n");
for await (const line of readline.createInterface({ input: process.stdin })) {
  const { id, call, all } = JSON.parse(line);
  if (id === "quit") break;
  try {
    send({ id, result: (all ? await Promise.all(all.map(run)) : await run(call)) ?? null });
  } catch (error) {
    send({ id, error: String(error && error.message ? error.message : error) });
  }
}
await browser.close();
