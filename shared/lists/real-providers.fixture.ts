/**
 * Real consumer mail domains across regions, for the tests' false-positive guards: none may be
 * called disposable, each must be a free provider, and none may be "corrected".
 */
export const REAL_PROVIDERS = [
  // Global
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com",
  "ymail.com", "rocketmail.com", "icloud.com", "me.com", "mac.com", "aol.com", "aim.com", "mail.com",
  "email.com", "gmx.com", "gmx.net", "proton.me", "protonmail.com", "protonmail.ch", "pm.me",
  "tutanota.com", "tuta.io", "zoho.com", "zohomail.com", "fastmail.com", "fastmail.fm", "hushmail.com",
  "yandex.com", "mailo.com",
  // Regional Microsoft and Yahoo
  "hotmail.co.uk", "hotmail.fr", "hotmail.de", "hotmail.it", "hotmail.es", "hotmail.com.br", "live.co.uk",
  "live.fr", "outlook.fr", "outlook.de", "outlook.es", "outlook.jp", "yahoo.co.uk", "yahoo.fr", "yahoo.de",
  "yahoo.it", "yahoo.es", "yahoo.ca", "yahoo.com.br", "yahoo.com.mx", "yahoo.com.ar", "yahoo.co.in",
  "yahoo.com.tw", "yahoo.com.hk", "yahoo.com.sg", "yahoo.co.jp",
  // Asia
  "qq.com", "foxmail.com", "163.com", "126.com", "yeah.net", "sina.com", "sina.cn", "sohu.com",
  "aliyun.com", "139.com", "21cn.com", "naver.com", "daum.net", "hanmail.net", "kakao.com", "nate.com",
  "docomo.ne.jp", "ezweb.ne.jp", "softbank.ne.jp", "i.softbank.jp", "nifty.com", "ocn.ne.jp",
  "rediffmail.com", "sify.com",
  // Russia and neighbours
  "mail.ru", "inbox.ru", "list.ru", "bk.ru", "yandex.ru", "yandex.ua", "yandex.by", "yandex.kz", "ya.ru",
  "rambler.ru", "ukr.net",
  // Europe
  "gmx.de", "gmx.at", "gmx.ch", "gmx.fr", "web.de", "t-online.de", "freenet.de", "arcor.de", "posteo.de",
  "mailbox.org", "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "sfr.fr", "neuf.fr", "libero.it",
  "virgilio.it", "alice.it", "tiscali.it", "seznam.cz", "centrum.cz", "wp.pl", "o2.pl", "interia.pl",
  "onet.pl", "op.pl", "btinternet.com", "sky.com", "virginmedia.com", "talktalk.net", "ziggo.nl",
  "kpnmail.nl", "telenet.be", "skynet.be", "bluewin.ch",
  // The Americas and Oceania
  "uol.com.br", "bol.com.br", "terra.com.br", "ig.com.br", "prodigy.net.mx", "comcast.net", "att.net",
  "sbcglobal.net", "verizon.net", "cox.net", "charter.net", "bellsouth.net", "earthlink.net", "shaw.ca",
  "rogers.com", "sympatico.ca", "bigpond.com", "optusnet.com.au", "xtra.co.nz",
];
