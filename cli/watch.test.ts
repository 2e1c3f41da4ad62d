import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type JobStatus, MailvetApi } from "./api-client";
import { EXIT } from "./exit-codes";
import { watchJob } from "./watch";

const status = (state: JobStatus["status"], processed: number): JobStatus => ({
  id: "j1",
  status: state,
  total: 2,
  processed,
  counts: { deliverable: processed, undeliverable: 0, risky: 0, unknown: 0 },
  run: 1,
  waiting: { rows: 0, until: null },
});

describe("watchJob", () => {
  let close: (() => void) | undefined;
  afterEach(() => close?.());

  /** A local API that answers the job's status from a script, one answer per poll (a number is an HTTP error). */
  async function api(script: (JobStatus | number)[]) {
    let polls = 0;
    const server = createServer((_, response) => {
      const answer = script[Math.min(polls++, script.length - 1)]!;
      if (typeof answer === "number") response.writeHead(answer).end();
      else response.setHeader("content-type", "application/json").end(JSON.stringify(answer));
    }).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    close = () => server.close();
    return {
      client: new MailvetApi({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, key: undefined }, new AbortController().signal),
      polls: () => polls,
    };
  }

  it("polls until the job is done, reporting each status", async () => {
    const { client } = await api([status("queued", 0), status("running", 1), status("done", 2)]);
    const seen: string[] = [];
    const job = await watchJob(client, "j1", (job) => seen.push(`${job.status} ${job.processed}`), new AbortController().signal, 1);
    expect(seen).toEqual(["queued 0", "running 1", "done 2"]);
    expect(job.status).toBe("done");
  });

  it("rides out a few failed polls", async () => {
    const { client } = await api([503, 502, status("done", 2)]);
    expect((await watchJob(client, "j1", () => {}, new AbortController().signal, 1)).status).toBe("done");
  });

  it("gives up after five failed polls in a row", async () => {
    const { client, polls } = await api([503]);
    await expect(watchJob(client, "j1", () => {}, new AbortController().signal, 1)).rejects.toMatchObject({ exitCode: EXIT.api, transient: true });
    expect(polls()).toBe(5);
  });

  it("does not retry what another try cannot fix", async () => {
    const { client, polls } = await api([404]);
    await expect(watchJob(client, "j1", () => {}, new AbortController().signal, 1)).rejects.toMatchObject({ exitCode: EXIT.input });
    expect(polls()).toBe(1);
  });

  it("stops at a failed job too", async () => {
    const { client } = await api([status("running", 1), status("failed", 2)]);
    expect(await watchJob(client, "j1", () => {}, new AbortController().signal, 1)).toMatchObject({ status: "failed", processed: 2 });
  });

  it("stops at Ctrl-C between polls", async () => {
    const { client } = await api([status("running", 1)]);
    const interrupt = new AbortController();
    const watching = watchJob(client, "j1", () => interrupt.abort(), interrupt.signal, 60_000);
    await expect(watching).rejects.toMatchObject({ name: "AbortError" });
  });
});
