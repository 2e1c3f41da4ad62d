import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { farmProberEnv, type MtaFarm, startMtaFarm } from "../../infra/local/mta/peer";
import { type LocalStack, startStack } from "../../infra/local/stack";
import { launchChromium } from "./chromium";

// Browser globals, for the callbacks that page.evaluate() runs in Chromium. The test projects
// type-check without the DOM library (it clashes with the Workers types), so they are declared
// here, for this module only; nothing is emitted for them.
declare const document: any;
declare const window: any;
declare const getComputedStyle: (element: any) => any;
declare const matchMedia: (query: string) => { matches: boolean };
declare const NodeFilter: { SHOW_TEXT: number };
declare const SVGElement: any;
type Element = any;

/**
 * What the web app's browser suites run against: the real stack (the edge in workerd serving
 * web/dist and the API, a prober) asking the local DNS peer, and the Postfix farm for the
 * SMTP verdicts, as in test/e2e/smtp.test.ts.
 */
interface WebStack {
  stack: LocalStack;
  farm: MtaFarm;
  stop(): Promise<void>;
}

/**
 * Starts the MTA farm and the stack on the given ports (each suite has its own pair in
 * 19187–19199), with a fresh edge state.
 *
 * @example
 * const web = await startWebStack(dnsPeer, 19187);
 * await page.goto(web.stack.edgeUrl);
 */
async function startWebStack(dohUrl: string, edgePort: number): Promise<WebStack> {
  const farm = await startMtaFarm();
  let stack: LocalStack;
  try {
    stack = await startStack(
      {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        MAILVET_EDGE_PORT: String(edgePort),
        MAILVET_PROBER_PORT: String(edgePort + 1),
        MAILVET_DOH_URL: dohUrl,
        ...farmProberEnv(farm),
      },
      { freshState: true },
    );
  } catch (error) {
    await farm.stop();
    throw error;
  }
  return {
    stack,
    farm,
    stop: async () => {
      await stack.stop();
      await farm.stop();
    },
  };
}

/** How a suite's page is opened: language, window and colour scheme. */
export interface PageOptions {
  locale?: string;
  width?: number;
  colorScheme?: "light" | "dark";
}

/** What a browser suite works with once useWebApp has started it. */
export interface WebApp {
  /** The edge's URL (the web app and the API). */
  readonly base: string;
  /** A fresh context (its own storage, downloads accepted), English, 1200×900 and light unless told. */
  newContext(options?: PageOptions): Promise<BrowserContext>;
  /** A page in a fresh context. */
  newPage(options?: PageOptions): Promise<Page>;
}

/**
 * Gives a browser suite its stack (startWebStack on `edgePort`) and Chromium, started before its
 * tests and stopped after them with every context it opened. Call it in the suite's describe.
 *
 * @example
 * const app = useWebApp(dnsPeer, 19187);
 * it("loads", async () => void (await (await app.newPage()).goto(app.base)));
 */
export function useWebApp(dohUrl: string | null, edgePort: number): WebApp {
  let web: WebStack | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    web = await startWebStack(dohUrl!, edgePort);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await web?.stop();
  });
  const newContext = async (options: PageOptions = {}) => {
    const context = await browser!.newContext({
      locale: options.locale ?? "en-US",
      viewport: { width: options.width ?? 1200, height: 900 },
      colorScheme: options.colorScheme ?? "light",
      acceptDownloads: true,
    });
    contexts.push(context);
    return context;
  };
  return {
    get base() {
      return web!.stack.edgeUrl;
    },
    newContext,
    newPage: async (options) => (await newContext(options)).newPage(),
  };
}

export interface ContrastFailure {
  text: string;
  ratio: number;
  color: string;
  background: string;
}

/**
 * Every visible piece of text on the page whose contrast against the background it sits on is
 * below WCAG AA (4.5:1, or 3:1 for large text), computed from the rendered styles: the text
 * colour (SVG text: its fill) over the backgrounds of its ancestors, composited.
 *
 * @example
 * expect(await contrastFailures(page)).toEqual([]);
 */
export function contrastFailures(page: Page): Promise<ContrastFailure[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const probe = document.createElement("canvas").getContext("2d")!;
    const parse = (css: string): Rgba => {
      // The canvas turns any CSS colour into #rrggbb or rgba(…).
      probe.fillStyle = "#000";
      probe.fillStyle = css;
      const value = String(probe.fillStyle);
      if (value.startsWith("#")) return [parseInt(value.slice(1, 3), 16), parseInt(value.slice(3, 5), 16), parseInt(value.slice(5, 7), 16), 1];
      const parts = value.match(/[\d.]+/g)!.map(Number);
      return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3] + bottom[3] * (1 - top[3]);
      if (a === 0) return [0, 0, 0, 0];
      const mix = (i: number) => (top[i]! * top[3] + bottom[i]! * bottom[3] * (1 - top[3])) / a;
      return [mix(0), mix(1), mix(2), a];
    };
    const luminance = ([r, g, b]: Rgba) => {
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const background = (element: Element | null): Rgba => {
      const layers: Rgba[] = [];
      for (let node = element; node; node = node.parentElement) {
        const color = parse(getComputedStyle(node).backgroundColor);
        if (color[3] > 0) layers.push(color);
        if (color[3] >= 1) break;
      }
      // The canvas behind everything: the page's colour scheme decides it.
      let result: Rgba = matchMedia("(prefers-color-scheme: dark)").matches ? [18, 18, 18, 1] : [255, 255, 255, 1];
      for (const layer of layers.reverse()) result = over(layer, result);
      return result;
    };
    const failures: { text: string; ratio: number; color: string; background: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || seen.has(element) || !node.textContent?.trim()) continue;
      seen.add(element);
      if (element.closest("script, style, noscript, title")) continue;
      const style = getComputedStyle(element);
      const rect = element.getBoundingClientRect();
      // Invisible, or visually hidden (1px, clipped) for screen readers only.
      if (style.visibility === "hidden" || style.display === "none" || rect.width <= 1 || rect.height <= 1) continue;
      if (element.closest(".skip-link") && rect.bottom <= 0) continue;
      const isSvg = element instanceof SVGElement;
      const back = background(isSvg ? element.closest("svg")!.parentElement : element);
      const fore = over(parse(isSvg ? style.fill : style.color), back);
      const [l1, l2] = [luminance(fore), luminance(back)].sort((a, b) => b - a) as [number, number];
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      const size = parseFloat(style.fontSize) * (isSvg ? element.closest("svg")!.getBoundingClientRect().width / 42 : 1);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5))
        failures.push({
          text: node.textContent.trim().slice(0, 60),
          ratio: Math.round(ratio * 100) / 100,
          color: style.color,
          background: `rgba(${back.map((v) => Math.round(v)).join(",")})`,
        });
    }
    return failures;
  });
}

/** How far the page is wider than its viewport (0 when nothing overflows sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
