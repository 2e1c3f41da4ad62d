/**
 * The mail domains people most often mean, by region: the targets of typo suggestions, and
 * known-real domains that are never corrected nor taken for disposable ones. Hand-curated: the
 * typo packages on npm ship a few dozen mostly American domains (mailcheck has about 30), and
 * the free-provider lists hold thousands of entries with registered typos among them, so
 * neither can serve as targets. A domain belongs here when it is a large consumer webmail or
 * ISP mailbox domain in its region; a small real domain near one of these belongs here too, so
 * that it is never "corrected" towards it.
 */
export const POPULAR_MAIL_DOMAINS: readonly string[] = [
  // Global webmail
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "passport.com",
  "yahoo.com", "ymail.com", "rocketmail.com", "icloud.com", "me.com", "mac.com", "aol.com", "aim.com",
  "mail.com", "email.com", "usa.com", "gmx.com", "gmx.net", "proton.me", "protonmail.com", "protonmail.ch",
  "pm.me", "tutanota.com", "tutanota.de", "tuta.io", "tuta.com", "zoho.com", "zohomail.com",
  "fastmail.com", "fastmail.fm", "hushmail.com", "hey.com", "yandex.com", "inbox.com", "mailo.com",
  // Microsoft and Yahoo, regional
  "hotmail.co.uk", "hotmail.fr", "hotmail.de", "hotmail.it", "hotmail.es", "hotmail.nl", "hotmail.be",
  "hotmail.ca", "hotmail.co.jp", "hotmail.com.br", "hotmail.com.ar", "hotmail.com.mx", "hotmail.co.th",
  "live.co.uk", "live.fr", "live.de", "live.it", "live.nl", "live.be", "live.ca", "live.com.au",
  "live.com.mx", "live.com.ar", "live.cn", "outlook.fr", "outlook.de", "outlook.es", "outlook.it",
  "outlook.jp", "outlook.com.br", "outlook.com.ar",
  "yahoo.co.uk", "yahoo.fr", "yahoo.de", "yahoo.it", "yahoo.es", "yahoo.ie", "yahoo.gr", "yahoo.se",
  "yahoo.dk", "yahoo.no", "yahoo.ca", "yahoo.com.au", "yahoo.co.nz", "yahoo.com.br", "yahoo.com.mx",
  "yahoo.com.ar", "yahoo.co.in", "yahoo.in", "yahoo.com.tw", "yahoo.com.hk", "yahoo.com.sg",
  "yahoo.com.ph", "yahoo.com.my", "yahoo.co.id", "yahoo.com.vn", "yahoo.co.th", "yahoo.co.jp",
  // China
  "qq.com", "vip.qq.com", "foxmail.com", "163.com", "vip.163.com", "126.com", "yeah.net", "188.com",
  "sina.com", "sina.cn", "vip.sina.com", "sohu.com", "aliyun.com", "139.com", "189.cn", "21cn.com",
  "tom.com", "wo.cn",
  // Japan
  "docomo.ne.jp", "ezweb.ne.jp", "au.com", "softbank.ne.jp", "i.softbank.jp", "ymobile.ne.jp",
  "nifty.com", "ocn.ne.jp", "biglobe.ne.jp", "so-net.ne.jp", "plala.or.jp", "ybb.ne.jp",
  // Korea
  "naver.com", "daum.net", "hanmail.net", "kakao.com", "nate.com", "korea.com",
  // Russia and neighbours
  "mail.ru", "inbox.ru", "list.ru", "bk.ru", "internet.ru", "yandex.ru", "yandex.ua", "yandex.by",
  "yandex.kz", "ya.ru", "rambler.ru", "ukr.net", "i.ua", "meta.ua",
  // Europe
  "gmx.de", "gmx.at", "gmx.ch", "gmx.fr", "web.de", "t-online.de", "freenet.de", "arcor.de", "posteo.de",
  "mailbox.org", "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "sfr.fr", "neuf.fr", "libero.it",
  "virgilio.it", "alice.it", "tiscali.it", "tim.it", "seznam.cz", "email.cz", "centrum.cz", "wp.pl",
  "o2.pl", "interia.pl", "onet.pl", "op.pl", "btinternet.com", "sky.com", "virginmedia.com",
  "talktalk.net", "blueyonder.co.uk", "ntlworld.com", "ziggo.nl", "kpnmail.nl", "planet.nl", "home.nl",
  "telenet.be", "skynet.be", "bluewin.ch", "hispeed.ch", "telefonica.net", "terra.es", "sapo.pt",
  "abv.bg", "freemail.hu", "citromail.hu", "azet.sk", "inbox.lv", "inbox.lt",
  // Latin America
  "uol.com.br", "bol.com.br", "terra.com.br", "ig.com.br", "globo.com", "r7.com", "prodigy.net.mx",
  "fibertel.com.ar", "speedy.com.ar",
  // North America
  "comcast.net", "att.net", "sbcglobal.net", "verizon.net", "cox.net", "charter.net", "spectrum.net",
  "bellsouth.net", "earthlink.net", "optonline.net", "frontier.com", "windstream.net", "juno.com",
  "netzero.net", "q.com", "centurylink.net", "shaw.ca", "rogers.com", "sympatico.ca", "bell.net",
  "videotron.ca", "telus.net",
  // Oceania, India, Middle East
  "bigpond.com", "bigpond.net.au", "optusnet.com.au", "iinet.net.au", "xtra.co.nz", "rediffmail.com",
  "sify.com", "walla.co.il",
];
