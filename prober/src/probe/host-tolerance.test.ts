import { describe, expect, it } from "vitest";
import { createHostMemory } from "./host-tolerance";
import { DEFAULT_RULE, ERRORS_PER_SESSION, MAX_RECIPIENTS_PER_TRANSACTION, politenessRuleFor } from "./politeness";

function clock() {
  let time = 0;
  return { now: () => time, advance: (ms: number) => void (time += ms) };
}

describe("createHostMemory", () => {
  it("starts from the stock limits, the rule's and the settings'", () => {
    const memory = createHostMemory(2);
    expect(memory.tolerance("192.0.2.7", DEFAULT_RULE)).toEqual({
      errorsPerSession: ERRORS_PER_SESSION,
      recipientsPerTransaction: MAX_RECIPIENTS_PER_TRANSACTION,
      recipientsPerSession: Number.POSITIVE_INFINITY,
      sessions: 2,
      tarpit: false,
    });
    expect(memory.tolerance("192.0.2.7", politenessRuleFor("a.mail.protection.outlook.com")).recipientsPerSession).toBe(1);
  });

  it("only ever lowers a limit, never below one, and keeps each lesson apart per address", () => {
    const memory = createHostMemory(2);
    memory.learn("192.0.2.7", { errorsPerSession: 4, recipientsPerTransaction: 10 });
    memory.learn("192.0.2.7", { errorsPerSession: 6, sessions: 0, tarpit: true });
    expect(memory.tolerance("192.0.2.7", DEFAULT_RULE)).toMatchObject({ errorsPerSession: 4, recipientsPerTransaction: 10, sessions: 1, tarpit: true });
    expect(memory.tolerance("192.0.2.8", DEFAULT_RULE)).toMatchObject({ errorsPerSession: ERRORS_PER_SESSION, tarpit: false });
  });

  it("tells a first contact from a server met within the hour", () => {
    const time = clock();
    const memory = createHostMemory(2, time.now);
    expect(memory.meet("192.0.2.7")).toBe(false);
    expect(memory.meet("192.0.2.7")).toBe(true);
    time.advance(3_600_001);
    expect(memory.meet("192.0.2.7")).toBe(false);
  });

  it("forgets a server's lessons an hour after the last one", () => {
    const time = clock();
    const memory = createHostMemory(2, time.now);
    memory.learn("192.0.2.7", { errorsPerSession: 4 });
    time.advance(3_000_000);
    memory.learn("192.0.2.7", { sessions: 1 });
    time.advance(3_000_000);
    expect(memory.tolerance("192.0.2.7", DEFAULT_RULE)).toMatchObject({ errorsPerSession: 4, sessions: 1 });
    time.advance(700_000);
    expect(memory.tolerance("192.0.2.7", DEFAULT_RULE)).toMatchObject({ errorsPerSession: ERRORS_PER_SESSION, sessions: 2 });
  });
});
