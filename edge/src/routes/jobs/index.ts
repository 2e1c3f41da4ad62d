import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../env";
import { jobChanges } from "./changes";
import { createJob } from "./create";
import { deleteJob } from "./delete";
import { jobResults } from "./results";
import { jobStatus } from "./status";

/** The bulk routes: start a job, follow it, read its results and changes, delete it. */
export const jobs = new OpenAPIHono<AppEnv>().route("/", createJob).route("/", jobStatus).route("/", jobResults).route("/", jobChanges).route("/", deleteJob);
