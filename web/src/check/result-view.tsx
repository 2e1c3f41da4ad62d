import type { ComponentChildren } from "preact";
import type { VerifyResult } from "../api/client";
import { useI18n } from "../ui/i18n";
import { VerdictBadge } from "../ui/verdict";

const FLAG_ORDER = ["disposable", "role", "free", "catch_all", "gibberish"] as const;

function Field({ name, children, id }: { name: string; children: ComponentChildren; id?: string }) {
  return (
    <>
      <dt>{name}</dt>
      <dd data-field={id}>{children}</dd>
    </>
  );
}

/**
 * One verification result: the verdict (symbol, word and colour), the deciding reason in plain
 * words, the score, a typo suggestion to check instead, and the detail of every check.
 *
 * @example
 * <ResultView result={result} onSuggestion={(email) => check(email)} />
 */
export function ResultView({ result, onSuggestion }: { result: VerifyResult; onSuggestion: (email: string) => void }) {
  const { t, lang } = useI18n();
  const { smtp, domain } = result;
  const noMx = result.reason === "no_mail_server" || result.reason === "invalid_domain";
  return (
    <section class="card result" aria-labelledby="result-heading" data-testid="result" data-verdict={result.verdict} data-reason={result.reason}>
      <h2 id="result-heading" class="result-heading">
        {t.resultFor(result.email)}
      </h2>
      <div class="result-summary">
        <div class="result-verdict">
          <VerdictBadge verdict={result.verdict} />
          <span class="reason-name" data-testid="reason-name">
            {t.reasonName[result.reason]}
          </span>
        </div>
        <p class="reason-text" data-testid="reason-text">
          {t.reason[result.reason]}
        </p>
        <p class="verdict-meaning">{t.verdictMeaning[result.verdict]}</p>
        <div class="score" data-testid="score">
          <span class="score-label">{t.scoreLabel}</span>
          <span class="score-value">{t.scoreValue(result.score)}</span>
          <span class={`score-bar score-${result.verdict}`} aria-hidden="true">
            <span style={{ width: `${result.score}%` }} />
          </span>
          <span class="hint score-hint">{t.scoreHint}</span>
        </div>
        {result.bounce?.kind === "soft" && (
          <p class="soft-bounce" data-testid="soft-bounce">
            {t.softBounce(result.bounce.reason, new Date(result.bounce.retry_after ?? result.bounce.at).toLocaleString(lang === "zh" ? "zh-CN" : "en"))}
          </p>
        )}
        {result.suggestion && (
          <p class="suggestion" data-testid="suggestion">
            {t.didYouMean}{" "}
            <button type="button" class="link-button suggestion-button" onClick={() => onSuggestion(result.suggestion!)} aria-describedby="suggestion-hint">
              {result.suggestion}
            </button>
            {lang === "zh" ? "？" : "?"}
            <span id="suggestion-hint" class="visually-hidden">
              {t.didYouMeanHint}
            </span>
          </p>
        )}
      </div>

      <h3 class="details-heading">{t.detailsHeading}</h3>
      <div class="details-grid">
        <section class="detail-block" aria-labelledby="details-address">
          <h4 id="details-address">{t.sectionAddress}</h4>
          <dl class="fields">
            <Field name={t.fieldInput} id="input">
              <span class="mono">{result.email || t.notGiven}</span>
            </Field>
            <Field name={t.fieldSyntax} id="syntax">
              {result.reason === "invalid_syntax" ? t.syntaxInvalid : t.syntaxValid}
            </Field>
            <Field name={t.fieldNormalized} id="normalized">
              <span class="mono">{result.normalized ?? t.notGiven}</span>
            </Field>
          </dl>
        </section>

        <section class="detail-block" aria-labelledby="details-domain">
          <h4 id="details-domain">{t.sectionDomain}</h4>
          {domain ? (
            <dl class="fields">
              <Field name={t.fieldDomainName} id="domain">
                <span class="mono">{domain.name}</span>
              </Field>
              {domain.ascii !== domain.name && (
                <Field name={t.fieldDomainAscii} id="domain-ascii">
                  <span class="mono">{domain.ascii}</span>
                </Field>
              )}
              <Field name={t.fieldMx} id="mx">
                {domain.mx.length ? (
                  <ul class="plain-list">
                    {domain.mx.map((mx) => (
                      <li>
                        <span class="mono">{mx.host}</span> <span class="hint-inline">({t.mxPreference(mx.preference)})</span>
                      </li>
                    ))}
                  </ul>
                ) : noMx ? (
                  t.mxNone
                ) : (
                  t.mxNotLooked
                )}
              </Field>
            </dl>
          ) : (
            <p>{t.noDomain}</p>
          )}
        </section>

        <section class="detail-block" aria-labelledby="details-flags">
          <h4 id="details-flags">{t.sectionFlags}</h4>
          <dl class="fields">
            {FLAG_ORDER.map((flag) => (
              <Field name={t.flagName[flag]} id={`flag-${flag}`}>
                <span class={result.flags[flag] ? "flag-on" : "flag-off"}>{result.flags[flag] ? t.yes : t.no}</span>
                {result.flags[flag] && <span class="hint flag-meaning">{t.flagMeaning[flag]}</span>}
              </Field>
            ))}
          </dl>
        </section>

        <section class="detail-block" aria-labelledby="details-smtp">
          <h4 id="details-smtp">{t.sectionSmtp}</h4>
          {smtp.performed ? (
            <dl class="fields">
              <Field name={t.fieldSmtpHost} id="smtp-host">
                <span class="mono">{smtp.host ?? t.notGiven}</span>
              </Field>
              <Field name={t.fieldSmtpCode} id="smtp-code">
                {smtp.code ?? t.notGiven}
              </Field>
              <Field name={t.fieldSmtpEnhanced} id="smtp-enhanced">
                {smtp.enhanced ?? t.notGiven}
              </Field>
              <Field name={t.fieldSmtpMessage} id="smtp-message">
                <span class="mono">{smtp.message ?? t.notGiven}</span>
              </Field>
              <Field name={t.fieldSmtpRule} id="smtp-rule">
                <span class="mono">{smtp.rule ?? t.notGiven}</span>
              </Field>
              <Field name={t.fieldSmtpProber} id="smtp-prober">
                {smtp.prober ?? t.notGiven}
              </Field>
              <Field name={t.fieldSmtpDuration} id="smtp-duration">
                {smtp.duration_ms === undefined ? t.notGiven : t.ms(smtp.duration_ms)}
              </Field>
            </dl>
          ) : (
            <p data-field="smtp-not-performed">{t.smtpNotPerformed}</p>
          )}
        </section>
      </div>
      <dl class="fields total-duration">
        <Field name={t.fieldTotalDuration} id="duration">
          {t.ms(result.duration_ms)}
        </Field>
      </dl>
    </section>
  );
}
