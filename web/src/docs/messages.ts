import type { Lang } from "../ui/i18n";

/** One row of the widget's attribute table. */
interface AttributeRow {
  name: string;
  fallback: string;
  meaning: string;
}

interface DocsMessages {
  title: string;
  lead: string;
  spec: string;
  keys: string;
  unavailable: string;
  widgetTitle: string;
  widgetLead: string;
  widgetAttributes: string;
  attributeHead: [string, string, string];
  attributes: AttributeRow[];
  widgetNotes: string;
  widgetDemo: string;
}

const NAMES = ["data-api", "data-api-key", "data-block", "data-budget", "data-lang", "data-smtp"] as const;
const rows = (fallbacks: string[], meanings: string[]) => NAMES.map((name, index) => ({ name, fallback: fallbacks[index]!, meaning: meanings[index]! }));

/** The API docs page's own words; the reference below them is Scalar's, in its own locales. */
export const DOCS_MESSAGES: Record<Lang, DocsMessages> = {
  en: {
    title: "API docs",
    lead: "Every endpoint of this Mailvet server, with examples in curl, JavaScript and Python to copy. The reference is built from the server's OpenAPI document:",
    spec: "/openapi.json",
    keys: "When the server has API keys (MAILVET_API_KEYS), send one as Authorization: Bearer <key>; it needs the verify scope for /v1/verify and the jobs scope for /v1/jobs, and sees only its own jobs. /v1/suppressions (the key's own suppression list: an address that bounced hard or complained is answered undeliverable, with the reason bounced or complained) also needs the jobs scope. The examples read it from the environment variable MAILVET_API_KEY.",
    unavailable: "The API description could not be loaded. Reload the page to try again.",
    widgetTitle: "Sign-up form widget",
    widgetLead:
      "One script tag on a page with a sign-up form checks every e-mail field when the visitor leaves it or stops typing, offers a fix for typos, and refuses addresses that cannot receive mail. It never refuses an address it could not check: past the time budget, on an error or offline, the form goes through.",
    widgetAttributes: "Settings, all optional, as attributes of the script tag:",
    attributeHead: ["Attribute", "Default", "Meaning"],
    attributes: rows(
      ["the script's own origin", "none", "undeliverable disposable", "1500", "the page's lang, else the browser's", "on"],
      [
        "Where the Mailvet API is.",
        "An API key, sent as a bearer token. Anyone can read it in the page: use a key for this alone.",
        "What refuses an address, separated by spaces or commas: verdicts (undeliverable, risky), reasons (e.g. mailbox_not_found, catch_all) and flags (disposable, role, free, gibberish). Unknown never refuses.",
        "How many milliseconds a submit waits for a check before the address goes through.",
        "The language of the messages: en or zh.",
        "off skips the mail server: faster, but mailboxes are not checked.",
      ],
    ),
    widgetNotes:
      'Fields with data-mailvet="off" or multiple are left alone. The message is a <mailvet-hint> element right after the field; style it with mailvet-hint::part(message), ::part(refusal) and ::part(suggestion).',
    widgetDemo: "See it on the demo sign-up page",
  },
  zh: {
    title: "API 文档",
    lead: "本 Mailvet 服务器的全部接口，附可直接复制的 curl、JavaScript 和 Python 示例。文档由服务器的 OpenAPI 描述生成：",
    spec: "/openapi.json",
    keys: "服务器设置了 API 密钥（MAILVET_API_KEYS）时，请以 Authorization: Bearer <密钥> 发送；/v1/verify 需要 verify 权限，/v1/jobs 需要 jobs 权限，且每个密钥只能看到自己创建的任务。/v1/suppressions（该密钥自己的抑制列表：曾被永久退信或投诉的地址判为 undeliverable，原因为 bounced 或 complained）同样需要 jobs 权限。示例从环境变量 MAILVET_API_KEY 读取密钥。",
    unavailable: "无法加载 API 描述，请刷新页面重试。",
    widgetTitle: "注册表单组件",
    widgetLead:
      "在有注册表单的页面上加一个 script 标签：访客离开邮箱输入框或停止输入时即检查地址，对输错的地址给出更正建议，并拒绝无法收信的地址。无法检查的地址一律放行：超过时间预算、出错或离线时，表单照常提交。",
    widgetAttributes: "设置均为可选，写在 script 标签的属性上：",
    attributeHead: ["属性", "默认值", "含义"],
    attributes: rows(
      ["脚本自身的来源", "无", "undeliverable disposable", "1500", "页面的 lang，其次是浏览器语言", "on"],
      [
        "Mailvet API 的地址。",
        "API 密钥，以 Bearer 令牌发送。页面上任何人都能看到它：请为此单独设一个密钥。",
        "哪些结果会拒绝地址，用空格或逗号分隔：结论（undeliverable、risky）、原因（如 mailbox_not_found、catch_all）和标记（disposable、role、free、gibberish）。unknown 从不拒绝。",
        "提交时最多等待检查多少毫秒，超时即放行。",
        "提示语言：en 或 zh。",
        "设为 off 则不询问邮件服务器：更快，但不检查邮箱是否存在。",
      ],
    ),
    widgetNotes:
      '带 data-mailvet="off" 或 multiple 的输入框不受影响。提示是紧跟在输入框后的 <mailvet-hint> 元素，可用 mailvet-hint::part(message)、::part(refusal) 和 ::part(suggestion) 设置样式。',
    widgetDemo: "在演示注册页上试试",
  },
};
