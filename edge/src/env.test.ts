import { describe, expect, it } from "vitest";
import { ApiError } from "../../shared/http/api-error";
import { DEFAULT_DOH_URLS } from "../../shared/settings/variables";
import { edgeSettings, type Env } from "./env";

/** An environment with the given MAILVET_* variables and no bindings, which settings never read. */
const envWith = (variables: Partial<Env>): Env => ({ ...variables }) as Env;

describe("edgeSettings", () => {
  it("gives every unset variable the default of its entry", () => {
    expect(edgeSettings(envWith({}))).toEqual({
      dohUrls: DEFAULT_DOH_URLS,
      probers: [],
      proberSecrets: [],
      apiKeys: [],
      allowReservedDomains: false,
      rateLimit: true,
      resultCacheTtlSeconds: 600,
      jobRetentionDays: 7,
      jobLimits: { maxRows: 5_000_000, maxBytes: 1024 ** 3 },
      jobDomainChunks: 4,
      jobDomainRate: 5,
      jobGreylistRetries: 5,
      jobTemporaryRetries: 3,
      jobGreylistMaxWaitSeconds: 3600,
      jobProberRetries: 3,
      jobWebhookBackoffSeconds: 10,
      jobWebhookAllowPrivate: false,
      softBounceDays: 7,
      bounceWebhooks: {},
      returnPathSecrets: [],
      returnPathDomain: undefined,
      proberBlockWindowSeconds: 3600,
      proberBlockDomains: 3,
      analyticsLocal: false,
    });
  });

  it("reads the values that are set", () => {
    const settings = edgeSettings(envWith({ MAILVET_RATE_LIMIT: "0", MAILVET_JOB_MAX_ROWS: "10", MAILVET_JOB_DOMAIN_RATE: "0.5" }));
    expect(settings).toMatchObject({ rateLimit: false, jobLimits: { maxRows: 10 }, jobDomainRate: 0.5 });
  });

  it("fails with a 500 that names no value when a setting is bad, rather than run on a misread one", () => {
    const read = () => edgeSettings(envWith({ MAILVET_JOB_MAX_ROWS: "many" }));
    expect(read).toThrow(ApiError);
    expect(read).toThrow(/settings are invalid/);
    expect(read).not.toThrow(/many/);
  });
});
