import { useRef, useState } from "preact/hooks";
import { apiKey, type ReputationReview, reviewReputation } from "../api/client";
import { ApiKeyForm, SavedApiKey } from "../ui/api-key";
import { describeError, needsApiKey } from "../ui/errors";
import { useI18n } from "../ui/i18n";
import { Layout } from "../ui/layout";
import { FindingList } from "./finding-list";

type State = { kind: "idle" } | { kind: "loading" } | { kind: "review"; review: ReputationReview } | { kind: "error"; error: unknown };

/**
 * The sender's reputation review: a sending domain and its IPs (comma-separated), reviewed by
 * `GET /v1/reputation`, each finding with its status, what was found and the fix.
 */
export function ReputationPage() {
  const { t } = useI18n();
  const [domain, setDomain] = useState("");
  const [ips, setIps] = useState("");
  const [state, setState] = useState<State>({ kind: "idle" });
  const controller = useRef<AbortController | null>(null);

  const run = async () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ kind: "loading" });
    try {
      const review = await reviewReputation(domain.trim(), ips, abort.signal);
      if (!abort.signal.aborted) setState({ kind: "review", review });
    } catch (error) {
      if (!abort.signal.aborted) setState({ kind: "error", error });
    }
  };

  const submit = (event: Event) => {
    event.preventDefault();
    void run();
  };

  const loading = state.kind === "loading";
  return (
    <Layout page="reputation" title={(m) => m.reputationTitle}>
      <h1>{t.reputationTitle}</h1>
      <p class="intro">{t.reputationIntro}</p>
      <form class="card" onSubmit={submit} noValidate aria-busy={loading}>
        <div class="field">
          <label for="domain">{t.reputationDomainLabel}</label>
          <input
            id="domain"
            name="domain"
            type="text"
            autoCapitalize="off"
            spellcheck={false}
            value={domain}
            onInput={(event) => setDomain(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="ips">{t.reputationIpsLabel}</label>
          <input
            id="ips"
            name="ips"
            type="text"
            autoCapitalize="off"
            spellcheck={false}
            value={ips}
            aria-describedby="ips-hint"
            onInput={(event) => setIps(event.currentTarget.value)}
          />
          <p id="ips-hint" class="hint">
            {t.reputationIpsHint}
          </p>
        </div>
        <button class="button" type="submit">
          {loading ? t.reputationReviewing : t.reputationButton}
        </button>
        <SavedApiKey />
      </form>
      <div role="status" aria-live="polite" class="visually-hidden" data-testid="announcer">
        {loading ? t.reputationReviewing : state.kind === "review" ? t.findingStatus[state.review.status] : ""}
      </div>
      {state.kind === "error" &&
        (needsApiKey(state.error) ? (
          <ApiKeyForm rejected={apiKey() !== null} onSaved={() => void run()} />
        ) : (
          <div class="alert" data-testid="error">
            <p>{describeError(state.error, t)}</p>
          </div>
        ))}
      {state.kind === "review" && <FindingList review={state.review} />}
    </Layout>
  );
}
