import { describe, expect, it } from "vitest";
import { TRIGRAM_COUNT } from "../../shared/gibberish/alphabet";
import { GIBBERISH_MODEL } from "../../shared/gibberish/model";
import { decodeTable, encodeTable } from "../../shared/gibberish/model-file";
import { modelModuleSource, trainModel } from "./training";

describe("trainModel", () => {
  it("reproduces the committed model from the data packages", { timeout: 120_000 }, () => {
    const model = trainModel();
    expect(model.logOdds).toHaveLength(TRIGRAM_COUNT);
    expect(model.threshold).toBe(GIBBERISH_MODEL.threshold);
    expect(encodeTable(model.logOdds)).toBe(GIBBERISH_MODEL.logOdds);
  });
});

describe("modelModuleSource", () => {
  it("writes a module holding the threshold and the table", () => {
    const source = modelModuleSource({ logOdds: Int8Array.of(-1, 0, 1), threshold: 5.5 });
    expect(source).toContain("threshold: 5.5,");
    expect(source).toContain('logOdds: "/wAB",');
    expect(decodeTable("/wAB")).toEqual(Int8Array.of(-1, 0, 1));
  });
});
