import type { Env } from "../env";
import type { JobCoordinator } from "./coordinator";

/**
 * The Durable Object of job `id`. Apart from the class, so that what calls the object (the
 * routes, the consumer, the schedule) imports no value of it and it imports none of theirs.
 *
 * @example
 * const status = await jobCoordinator(env, id).status();
 */
export function jobCoordinator(env: Env, id: string): DurableObjectStub<JobCoordinator> {
  return env.JOB_COORDINATOR.get(env.JOB_COORDINATOR.idFromName(id));
}
