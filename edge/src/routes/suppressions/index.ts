import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../env";
import { suppressionEntry } from "./entry";
import { suppressionExport } from "./export";
import { suppressionList } from "./list";

/** The suppression list routes: the list, its CSV export, one entry. */
export const suppressions = new OpenAPIHono<AppEnv>().route("/", suppressionList).route("/", suppressionExport).route("/", suppressionEntry);
