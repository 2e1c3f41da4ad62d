import { AUTH, type SamplesFor } from "./types";

/** GET and POST /v1/verify, and GET /healthz. */
export const VERIFY_SAMPLES: Record<string, SamplesFor> = {
  "get /v1/verify": (origin) => ({
    curl: `curl "${origin}/v1/verify?email=alice%40example.org" \\
  ${AUTH.curl}`,
    javascript: `const url = new URL("${origin}/v1/verify");
url.searchParams.set("email", "alice@example.org");
const response = await fetch(url, {
  headers: { ${AUTH.javascript} },
});
const result = await response.json();
console.log(result.verdict, result.reason, result.suggestion);`,
    python: `import os
import requests

response = requests.get(
    "${origin}/v1/verify",
    params={"email": "alice@example.org"},
    headers={${AUTH.python}},
)
result = response.json()
print(result["verdict"], result["reason"], result["suggestion"])`,
  }),

  "post /v1/verify": (origin) => ({
    curl: `curl "${origin}/v1/verify" \\
  ${AUTH.curl} \\
  -H "Content-Type: application/json" \\
  -d '{"email": "alice@example.org", "smtp": true, "timeout_ms": 8000}'`,
    javascript: `const response = await fetch("${origin}/v1/verify", {
  method: "POST",
  headers: { ${AUTH.javascript}, "Content-Type": "application/json" },
  body: JSON.stringify({ email: "alice@example.org", smtp: true, timeout_ms: 8000 }),
});
const result = await response.json();
console.log(result.verdict, result.reason, result.suggestion);`,
    python: `import os
import requests

response = requests.post(
    "${origin}/v1/verify",
    json={"email": "alice@example.org", "smtp": True, "timeout_ms": 8000},
    headers={${AUTH.python}},
)
result = response.json()
print(result["verdict"], result["reason"], result["suggestion"])`,
  }),

  "get /healthz": (origin) => ({
    curl: `curl "${origin}/healthz"`,
    javascript: `const response = await fetch("${origin}/healthz");
console.log(response.status, await response.json());`,
    python: `import requests

response = requests.get("${origin}/healthz")
print(response.status_code, response.json())`,
  }),
};
