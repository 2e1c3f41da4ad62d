import { useEffect, useState } from "preact/hooks";
import { apiKey, onApiKeyChange, setApiKey } from "../api/client";
import { useI18n } from "./i18n";

/**
 * Shown after a 401: a labelled field for the API key, kept in localStorage, then `onSaved`
 * retries what failed. `rejected` says a saved key was refused (rather than missing).
 *
 * @example
 * {needsKey && <ApiKeyForm rejected={apiKey() !== null} onSaved={retry} />}
 */
export function ApiKeyForm({ rejected, onSaved }: { rejected: boolean; onSaved: () => void }) {
  const { t } = useI18n();
  const [value, setValue] = useState(apiKey() ?? "");
  return (
    <form
      class="notice api-key"
      onSubmit={(event) => {
        event.preventDefault();
        setApiKey(value);
        onSaved();
      }}
    >
      <p role="alert">{rejected ? t.apiKeyRejected : t.apiKeyNeeded}</p>
      <label for="api-key">{t.apiKeyLabel}</label>
      <div class="input-row">
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          spellcheck={false}
          value={value}
          aria-describedby="api-key-hint"
          onInput={(event) => setValue(event.currentTarget.value)}
          required
        />
        <button class="button" type="submit">
          {t.apiKeySave}
        </button>
      </div>
      <p class="hint" id="api-key-hint">
        {t.apiKeyHint}
      </p>
    </form>
  );
}

/**
 * A line saying a key is saved, with a button to forget it; nothing when none is saved.
 *
 * @example
 * <SavedApiKey />
 */
export function SavedApiKey() {
  const { t } = useI18n();
  const [saved, setSaved] = useState(apiKey() !== null);
  useEffect(() => onApiKeyChange(() => setSaved(apiKey() !== null)), []);
  if (!saved) return null;
  return (
    <p class="hint">
      {t.apiKeySet}{" "}
      <button type="button" class="link-button" onClick={() => setApiKey(null)}>
        {t.apiKeyForget}
      </button>
    </p>
  );
}
