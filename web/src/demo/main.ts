import { currentLang, setLang, type Lang } from "../ui/i18n";
import "./demo.css";

/**
 * The demo site's own script — not the widget, which is the page's one `<script src="/widget.js">`.
 * It switches the page between English and 中文 (the widget follows `<html lang>` by itself) and
 * stands in for the site's back-end: a sign-up the browser lets through shows a welcome.
 */
const ZH: Record<string, string> = {
  back: "← Mailvet",
  about:
    "Mailvet 注册表单组件演示：一个普通的 HTML 表单加一个 script 标签。试试输错的地址（someone@gmial.com）、一次性邮箱（someone@mailinator.com）或不存在的域名（someone@example.invalid）。",
  title: "创建账户",
  subtitle: "免费试用 30 天，无需信用卡。",
  name: "姓名",
  email: "邮箱",
  password: "密码",
  passwordHint: "至少 8 个字符。",
  submit: "注册",
  welcome: "注册成功！",
  welcomeNote: "请查收确认邮件。（这只是演示：没有发送或保存任何内容。）",
  again: "再注册一个",
  integration: "全部接入只需这一行：",
};

const texts = [...document.querySelectorAll<HTMLElement>("[data-i18n]")];
// The English is the page's own text, so it is written once, in the HTML.
const EN = Object.fromEntries(texts.map((element) => [element.dataset.i18n!, element.textContent ?? ""]));

function show(lang: Lang): void {
  setLang(lang);
  for (const element of texts) element.textContent = (lang === "zh" ? ZH : EN)[element.dataset.i18n!] ?? "";
  for (const button of document.querySelectorAll<HTMLButtonElement>("[data-lang]")) {
    button.setAttribute("aria-pressed", String(button.dataset.lang === lang));
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>("[data-lang]")) {
  button.addEventListener("click", () => show(button.dataset.lang as Lang));
}
show(currentLang());

const form = document.querySelector<HTMLFormElement>("#signup")!;
const welcome = document.querySelector<HTMLElement>("#welcome")!;
form.addEventListener("submit", (event) => {
  event.preventDefault();
  form.hidden = true;
  welcome.hidden = false;
});
document.querySelector("#again")!.addEventListener("click", () => {
  form.reset();
  welcome.hidden = true;
  form.hidden = false;
});
