import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../env";
import { suppressionEntry } from "./entry";
import { suppressionExport } from "./export";
import { suppressionList } from "./list";
import { suppressionReport } from "./report";

/** The suppression list routes: the list, its CSV export, the bounce report, one entry (last: its path takes any word). */
export const suppressions = new OpenAPIHono<AppEnv>()
  .route("/", suppressionList)
  .route("/", suppressionExport)
  .route("/", suppressionReport)
  .route("/", suppressionEntry);
