import { AUTH, type SamplesFor } from "./types";

/** One job's URL in each language, from the id POST /v1/jobs printed, in JOB_ID. */
const jobUrl = (origin: string, rest = "") => ({
  curl: `"${origin}/v1/jobs/$JOB_ID${rest}"`,
  javascript: `\`${origin}/v1/jobs/\${process.env.JOB_ID}${rest}\``,
  python: `f"${origin}/v1/jobs/{os.environ['JOB_ID']}${rest}"`,
});

/** A request to one job's URL that prints the JSON answer: progress, changes, deletion. */
const jobRequest =
  (method: "GET" | "DELETE", rest = ""): SamplesFor =>
  (origin) => {
    const url = jobUrl(origin, rest);
    return {
      curl: `curl${method === "GET" ? "" : ` -X ${method}`} ${url.curl} \\
  ${AUTH.curl}`,
      javascript: `const response = await fetch(${url.javascript}, {
  method: "${method}",
  headers: { ${AUTH.javascript} },
});
console.log(response.status, await response.text());`,
      python: `import os
import requests

response = requests.${method.toLowerCase()}(
    ${url.python},
    headers={${AUTH.python}},
)
print(response.status_code, response.text)`,
    };
  };

/** The bulk jobs: upload a list, follow it, download the answers. */
export const JOB_SAMPLES: Record<string, SamplesFor> = {
  "post /v1/jobs": (origin) => ({
    curl: `curl "${origin}/v1/jobs" \\
  ${AUTH.curl} \\
  -F "file=@emails.csv"`,
    javascript: `import { readFile } from "node:fs/promises";

const form = new FormData();
form.set("file", new Blob([await readFile("emails.csv")]), "emails.csv");
const response = await fetch("${origin}/v1/jobs", {
  method: "POST",
  headers: { ${AUTH.javascript} },
  body: form,
});
const job = await response.json();
console.log(job.id, job.status, job.total);`,
    python: `import os
import requests

with open("emails.csv", "rb") as file:
    response = requests.post(
        "${origin}/v1/jobs",
        files={"file": file},
        headers={${AUTH.python}},
    )
job = response.json()
print(job["id"], job["status"], job["total"])`,
  }),

  "get /v1/jobs/{id}": jobRequest("GET"),
  "delete /v1/jobs/{id}": jobRequest("DELETE"),
  "get /v1/jobs/{id}/changes": jobRequest("GET", "/changes"),

  "get /v1/jobs/{id}/results": (origin) => {
    const url = jobUrl(origin, "/results");
    return {
      curl: `curl "${origin}/v1/jobs/$JOB_ID/results?format=csv&verdicts=deliverable,risky" \\
  ${AUTH.curl} \\
  -o results.csv`,
      javascript: `import { writeFile } from "node:fs/promises";

const url = new URL(${url.javascript});
url.searchParams.set("format", "csv");
url.searchParams.set("verdicts", "deliverable,risky");
const response = await fetch(url, {
  headers: { ${AUTH.javascript} },
});
await writeFile("results.csv", Buffer.from(await response.arrayBuffer()));`,
      python: `import os
import requests

response = requests.get(
    ${url.python},
    params={"format": "csv", "verdicts": "deliverable,risky"},
    headers={${AUTH.python}},
)
with open("results.csv", "wb") as file:
    file.write(response.content)`,
    };
  },
};
