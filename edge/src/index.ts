import { createApp } from "./app";
import type { Env } from "./env";
import { verifyQueue } from "./jobs/consumer";
import type { VerifyChunk } from "./jobs/plan";

export { JobCoordinator } from "./jobs/coordinator";

export default { fetch: createApp().fetch, queue: verifyQueue } satisfies ExportedHandler<Env, VerifyChunk>;
