import type { Refusal } from "./refusal";

interface Messages {
  refusals: Record<Refusal, string>;
  /** Before the suggested address, which is a button. */
  didYouMean: string;
  /** After it. */
  didYouMeanEnd: string;
}

/**
 * The widget's words in each language it speaks. `{domain}` stands for the address's domain.
 * Keyed by the contract's reasons, so a new undeliverable or risky reason is a type error here
 * until both languages explain it.
 */
const MESSAGES: Record<"en" | "zh", Messages> = {
  en: {
    refusals: {
      invalid_syntax: "This is not a valid e-mail address.",
      invalid_domain: "The domain {domain} does not exist.",
      no_mail_server: "{domain} cannot receive e-mail.",
      mailbox_not_found: "This mailbox does not exist.",
      mailbox_disabled: "This mailbox is disabled.",
      bounced: "Mail to this address has bounced; please use another one.",
      complained: "This address cannot be used here; please use another one.",
      disposable: "Please use a permanent address, not a disposable one.",
      mailbox_full: "This mailbox is full and cannot receive e-mail.",
      catch_all: "We cannot confirm that this mailbox exists.",
      role: "Please use a personal address, not a shared one such as info@.",
      free: "Please use your work address.",
      gibberish: "This address looks made up.",
    },
    didYouMean: "Did you mean ",
    didYouMeanEnd: "?",
  },
  zh: {
    refusals: {
      invalid_syntax: "这不是有效的邮箱地址。",
      invalid_domain: "域名 {domain} 不存在。",
      no_mail_server: "{domain} 无法接收邮件。",
      mailbox_not_found: "该邮箱不存在。",
      mailbox_disabled: "该邮箱已停用。",
      bounced: "发往该地址的邮件曾被退回，请使用其他地址。",
      complained: "该地址无法在此使用，请使用其他地址。",
      disposable: "请使用长期邮箱，不要使用一次性邮箱。",
      mailbox_full: "该邮箱已满，无法接收邮件。",
      catch_all: "无法确认该邮箱是否存在。",
      role: "请使用个人邮箱，不要使用 info@ 之类的公共邮箱。",
      free: "请使用工作邮箱。",
      gibberish: "这个地址看起来是随意填写的。",
    },
    didYouMean: "您是不是要输入 ",
    didYouMeanEnd: "？",
  },
};

/**
 * The messages in the configured language, else the page's (`<html lang>`), else the browser's;
 * any `zh-*` is Chinese, anything else English. Asked at every message, so a page that switches
 * language is followed.
 *
 * @example
 * messagesFor(undefined).refusals.disposable; // in a page with <html lang="zh-CN">: "请使用长期邮箱…"
 */
export function messagesFor(lang: string | undefined): Messages {
  const tag = lang || document.documentElement.lang || navigator.language || "en";
  return MESSAGES[tag.toLowerCase().startsWith("zh") ? "zh" : "en"];
}
