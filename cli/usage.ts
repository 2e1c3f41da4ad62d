import { DEFAULT_KEEP } from "./args";
import { EXIT_MEANINGS } from "./exit-codes";

/** The commands' forms, printed with a usage error as well as in the help. */
export const SYNOPSIS = `Usage:
  mailvet verify <address>... [--json] [--no-smtp] [--timeout <ms>]
  mailvet clean <list.csv|list.xlsx> -o <out.csv|out.xlsx|out.json> [--keep <verdicts> | --all] [--json]
  mailvet status <job-id> [--json]
  mailvet results <job-id> -o <out.csv|out.xlsx|out.json> [--keep <verdicts> | --all] [--json]
  mailvet suppressions list [--kind <kind>] [--json]
  mailvet suppressions add <address> --kind <hard|soft|complaint> [--reason <reason>] [--status <x.y.z>] [--json]
  mailvet suppressions remove <address>
  mailvet suppressions export -o <out.csv> [--kind <kind>]
  mailvet bounces import <bounces.csv|bounces.mbox> [--json]
  mailvet reputation [--domain <domain>] [--ip <ip>]... [--json]
  mailvet doctor [--json]
  mailvet --help | --version`;

const exitCodes = Object.entries(EXIT_MEANINGS)
  .map(([code, meaning]) => `  ${code.padEnd(5)}${meaning}`)
  .join("\n");

/** `mailvet --help`. */
export const HELP = `mailvet: check e-mail addresses with a Mailvet API (the local one by default).

${SYNOPSIS}

Commands:
  verify    check each address; prints a readable result, or one JSON result per line with --json
  clean     upload a list as a bulk job, show its progress, save the rows to keep, print a summary
  status    show a bulk job's progress
  results   wait for a bulk job to finish and save its results (e.g. after Ctrl-C stopped clean)
  suppressions
            the key's suppression list: list it (one address per line, or JSON lines), add or
            remove an address, export it as CSV; exit 4 when the address to remove is not listed
  bounces import
            file an ESP's CSV export of bounces (SendGrid, Mailgun, Postmark, SES), or an mbox of
            bounce messages, on the key's suppression list; prints what was imported and skipped
  reputation  review a sending domain and IPs: block lists, SPF, DMARC, MX; each finding with its fix
  doctor    ask every prober for its health: egress IPs, PTR, HELO, SPF, port 25, block lists,
            block replies; says what to fix (needs an admin key)

Options:
  --api <url>          the API (default: $MAILVET_API, else http://127.0.0.1:$MAILVET_EDGE_PORT, 8787)
  --key <key>          API key, sent as a bearer token (default: $MAILVET_API_KEY, which ps cannot show)
  --json               machine-readable output on stdout (clean, results: the summary)
  --no-smtp            verify: skip the mail server; syntax, lists and DNS only
  --timeout <ms>       verify: deadline per address, 1000 to 30000 (default 8000)
  -o, --output <file>  clean, results: the results file; .csv, .xlsx or .json says the format
  --keep <verdicts>    clean, results: keep the rows of these verdicts, comma-separated
                       (deliverable, undeliverable, risky, unknown; default ${DEFAULT_KEEP.join(",")})
  --all                clean, results: keep every row, each with its verdict
  --domain <domain>    reputation: the sending domain
  --ip <ip>            reputation: a sending IP address (repeat it, or comma-separate, at most 10)
  -h, --help           this help
  -v, --version        the version

Results files keep the input's columns and rows in order (duplicates too) and add verdict,
reason and the flags. They are written to a temporary file and renamed, so an output is
either complete or absent. Progress goes to stderr; results and summaries to stdout.

Exit codes:
${exitCodes}
`;
