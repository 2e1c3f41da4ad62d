import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { apiKey, verifyEmail, type VerifyResult } from "../api/client";
import { ApiKeyForm, SavedApiKey } from "../ui/api-key";
import { describeError, needsApiKey } from "../ui/errors";
import { useI18n } from "../ui/i18n";
import { Layout } from "../ui/layout";
import { ResultView } from "./result-view";

type State =
  | { kind: "idle" }
  | { kind: "loading"; email: string }
  | { kind: "result"; result: VerifyResult }
  | { kind: "error"; error: unknown; email: string; smtp: boolean };

/** The check the URL asks for: `/?email=…[&smtp=false]`. */
function queryFromUrl(): { email: string; smtp: boolean } | null {
  const params = new URLSearchParams(window.location.search);
  const email = params.get("email");
  if (email === null) return null;
  const smtp = params.get("smtp");
  return { email, smtp: smtp !== "false" && smtp !== "0" };
}

function urlFor(email: string, smtp: boolean): string {
  const params = new URLSearchParams({ email });
  if (!smtp) params.set("smtp", "false");
  return `${window.location.pathname}?${params}`;
}

/**
 * The single-address check: a labelled field (Enter or the button submits), an optional
 * "skip SMTP" switch, and the result with every check's detail. The URL follows each check
 * (`/?email=`), so a result can be linked to and the back button returns to the one before.
 */
export function CheckPage() {
  const { t } = useI18n();
  const initial = queryFromUrl();
  const [email, setEmail] = useState(initial?.email ?? "");
  const [skipSmtp, setSkipSmtp] = useState(initial ? !initial.smtp : false);
  const [state, setState] = useState<State>({ kind: "idle" });
  const [emptyError, setEmptyError] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const run = useCallback(async (address: string, smtp: boolean, history: "push" | "replace" | "none") => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    const url = urlFor(address, smtp);
    if (history !== "none" && url !== window.location.pathname + window.location.search) {
      if (history === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    }
    setState({ kind: "loading", email: address });
    try {
      const result = await verifyEmail(address, { smtp, signal: abort.signal });
      if (!abort.signal.aborted) setState({ kind: "result", result });
    } catch (error) {
      if (abort.signal.aborted) return;
      setState({ kind: "error", error, email: address, smtp });
    }
  }, []);

  useEffect(() => {
    if (initial) void run(initial.email, initial.smtp, "none");
    const onPop = () => {
      const query = queryFromUrl();
      if (!query) {
        controller.current?.abort();
        setEmail("");
        setState({ kind: "idle" });
        return;
      }
      setEmail(query.email);
      setSkipSmtp(!query.smtp);
      void run(query.email, query.smtp, "none");
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  const submit = (event: Event) => {
    event.preventDefault();
    const address = email.trim();
    if (!address) {
      setEmptyError(true);
      inputRef.current?.focus();
      return;
    }
    setEmptyError(false);
    void run(address, !skipSmtp, "push");
  };

  const checkSuggestion = (suggestion: string) => {
    setEmail(suggestion);
    void run(suggestion, !skipSmtp, "push");
    inputRef.current?.focus();
  };

  const loading = state.kind === "loading";
  const announcement =
    state.kind === "loading"
      ? t.checking
      : state.kind === "result"
        ? t.resultAnnouncement(state.result.email, t.verdict[state.result.verdict], t.reason[state.result.reason])
        : state.kind === "error" && !needsApiKey(state.error)
          ? describeError(state.error, t)
          : "";

  return (
    <Layout page="check" title={(m) => m.checkTitle}>
      <h1>{t.checkTitle}</h1>
      <p class="intro">{t.checkIntro}</p>

      <form class="card check-form" onSubmit={submit} noValidate aria-busy={loading}>
        <div class="field">
          <label for="email">{t.emailLabel}</label>
          <div class="input-row">
            <input
              ref={inputRef}
              id="email"
              name="email"
              type="text"
              inputMode="email"
              autoComplete="email"
              autoCapitalize="off"
              spellcheck={false}
              value={email}
              onInput={(event) => {
                setEmail(event.currentTarget.value);
                if (emptyError) setEmptyError(false);
              }}
              aria-describedby={emptyError ? "email-error email-hint" : "email-hint"}
              aria-invalid={emptyError || undefined}
            />
            <button class="button" type="submit">
              {loading ? t.checking : t.checkButton}
            </button>
          </div>
          {emptyError && (
            <p id="email-error" class="field-error">
              {t.emptyEmail}
            </p>
          )}
          <p id="email-hint" class="hint">
            {t.emailHint}
          </p>
        </div>
        <div class="checkbox">
          <input
            id="skip-smtp"
            type="checkbox"
            checked={skipSmtp}
            onChange={(event) => setSkipSmtp(event.currentTarget.checked)}
            aria-describedby="skip-smtp-hint"
          />
          <div>
            <label for="skip-smtp">{t.skipSmtpLabel}</label>
            <p id="skip-smtp-hint" class="hint">
              {t.skipSmtpHint}
            </p>
          </div>
        </div>
        <SavedApiKey />
      </form>

      <div role="status" aria-live="polite" class="visually-hidden" data-testid="announcer">
        {announcement}
      </div>

      {state.kind === "error" &&
        (needsApiKey(state.error) ? (
          <ApiKeyForm rejected={apiKey() !== null} onSaved={() => void run(state.email, state.smtp, "none")} />
        ) : (
          <div class="alert" data-testid="error">
            <p>{describeError(state.error, t)}</p>
          </div>
        ))}
      {state.kind === "result" && <ResultView result={state.result} onSuggestion={checkSuggestion} />}
    </Layout>
  );
}
