import { reportText } from "../../shared/doctor/report-text";
import { SettingsError } from "../../shared/settings/parse";
import { createBlockReplyWindow } from "./doctor/block-replies";
import { createDoctor } from "./doctor/create-doctor";
import { readProberSettings } from "./settings";

/**
 * `npx tsx prober/src/doctor-command.ts [--json]`: runs the doctor on this machine with the
 * prober's settings (its environment) and prints the report, readably or as JSON. Exit codes as
 * the `mailvet` command's: 0 every check passes, 1 one does not, 2 bad settings or options.
 * Block replies are the running prober's; ask it (`GET /v1/doctor`, `npx mailvet doctor`) for those.
 */
async function doctorCommand(argv: readonly string[]): Promise<number> {
  const unknown = argv.filter((arg) => arg !== "--json");
  if (unknown.length > 0) {
    console.error(`prober doctor: unknown option ${unknown[0]}\nusage: npx tsx prober/src/doctor-command.ts [--json]`);
    return 2;
  }
  let settings: ReturnType<typeof readProberSettings>;
  try {
    settings = readProberSettings(process.env);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(`prober doctor: bad settings\n${error.message}`);
    return 2;
  }
  const report = await createDoctor(settings, createBlockReplyWindow())();
  process.stdout.write(argv.includes("--json") ? `${JSON.stringify(report, null, 2)}\n` : reportText(report));
  return report.status === "pass" ? 0 : 1;
}

process.exitCode = await doctorCommand(process.argv.slice(2));
