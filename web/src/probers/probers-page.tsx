import { useEffect, useState } from "preact/hooks";
import { apiKey, type ProbersResponse, proberStatuses } from "../api/client";
import { ApiKeyForm, SavedApiKey } from "../ui/api-key";
import { describeError, needsApiKey } from "../ui/errors";
import { useI18n } from "../ui/i18n";
import { Layout } from "../ui/layout";
import { ProberTable } from "./prober-table";

type State = { kind: "loading" } | { kind: "loaded"; answer: ProbersResponse } | { kind: "error"; error: unknown };

/**
 * The operators' page of probers (`GET /v1/probers`, admin scope): each prober's region and
 * health, why it is degraded, its last doctor report and the trend. Asks for an admin key on
 * a 401 or 403.
 *
 * @example
 * mountPage(<ProbersPage />);
 */
export function ProbersPage() {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: "loading" });
  const load = () => {
    setState({ kind: "loading" });
    proberStatuses().then(
      (answer) => setState({ kind: "loaded", answer }),
      (error: unknown) => setState({ kind: "error", error }),
    );
  };
  useEffect(load, []);
  return (
    <Layout page="probers" title={(messages) => messages.probersTitle}>
      <h1>{t.probersTitle}</h1>
      <p class="intro">{t.probersIntro}</p>
      <div class="probers-actions">
        <button type="button" class="button secondary" onClick={load}>
          {t.proberRefresh}
        </button>
        <SavedApiKey />
      </div>
      {state.kind === "loading" && (
        <p role="status" class="hint">
          {t.probersLoading}
        </p>
      )}
      {state.kind === "error" &&
        (needsApiKey(state.error) ? (
          <ApiKeyForm rejected={apiKey() !== null} onSaved={load} />
        ) : (
          <div class="alert" data-testid="error">
            <p>{describeError(state.error, t)}</p>
          </div>
        ))}
      {state.kind === "loaded" && <ProberTable answer={state.answer} />}
    </Layout>
  );
}
