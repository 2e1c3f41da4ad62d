import { createApiReference } from "@scalar/api-reference";
import "@scalar/api-reference/style.css";
import { useEffect, useRef, useState } from "preact/hooks";
import type { Lang } from "../ui/i18n";
import { withCodeSamples } from "./samples";
import { scalarConfiguration } from "./scalar-config";

type Instance = ReturnType<typeof createApiReference>;

/**
 * Scalar's reference of this server's /openapi.json with the docs' examples added, mounted once
 * the document has loaded and told when the language changes.
 *
 * @example
 * <ApiReference lang="zh" unavailable="The API description could not be loaded." />
 */
export function ApiReference({ lang, unavailable }: { lang: Lang; unavailable: string }) {
  const element = useRef<HTMLDivElement>(null);
  const [document, setDocument] = useState<object | null>();
  const instance = useRef<Instance>(undefined);
  useEffect(() => {
    fetch("/openapi.json")
      .then((response) => (response.ok ? response.json() : null))
      .then((loaded) => setDocument(loaded && withCodeSamples(loaded, location.origin)))
      .catch(() => setDocument(null));
    return () => instance.current?.destroy();
  }, []);
  useEffect(() => {
    if (!document) return;
    const configuration = scalarConfiguration(lang, document);
    if (instance.current) instance.current.updateConfiguration(configuration);
    else instance.current = createApiReference(element.current!, configuration);
  }, [document, lang]);
  if (document === null) return <p role="alert">{unavailable}</p>;
  return <div ref={element} class="api-reference" />;
}
