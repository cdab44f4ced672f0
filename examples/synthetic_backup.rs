//! Prints an Afterview backup document holding N synthetic processes, for benchmarks and
//! manual testing with a realistic amount of data.
//!
//! Usage: `cargo run --release --example synthetic_backup -- [COUNT] [--now TIME] [--pretty]`.
//! COUNT defaults to 50; TIME (RFC 3339) defaults to the current time, so the processes are
//! spread over the weeks before "now" and the planner finds actions due today.

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use std::process::ExitCode;

use afterview::core::data::settings::Settings;
use afterview::core::data::storage::{encode, encode_pretty, AppData};
use chrono::{DateTime, FixedOffset, Local};
use synthetic::synthetic_processes;

const USAGE: &str = "\
Usage: synthetic_backup [COUNT] [--now <RFC 3339 time>] [--pretty]

Prints an Afterview backup document (the localStorage envelope) with COUNT
synthetic interview processes (default 50), onboarding already done.

Options:
  --now <time>  the moment the processes are generated around (default: now)
  --pretty      indent the JSON as a backup file would be
  -h, --help    show this help";

struct Options {
    count: usize,
    now: DateTime<FixedOffset>,
    pretty: bool,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        count: 50,
        now: Local::now().fixed_offset(),
        pretty: false,
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--pretty" => options.pretty = true,
            "--now" => {
                let value = rest.next().ok_or("--now needs a time")?;
                options.now = DateTime::parse_from_rfc3339(value)
                    .map_err(|error| format!("--now {value}: {error}"))?;
            }
            count => {
                options.count = count
                    .parse()
                    .map_err(|_| format!("not a process count: {count}"))?;
            }
        }
    }
    Ok(options)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|arg| arg == "-h" || arg == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let options = match parse(&args) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let data = AppData {
        settings: Settings {
            name: "Alex Morgan".into(),
            onboarded: true,
            ..Settings::default()
        },
        processes: synthetic_processes(options.count, options.now),
        ..AppData::default()
    };
    let document = if options.pretty {
        encode_pretty(&data, options.now)
    } else {
        encode(&data, options.now)
    };
    println!("{document}");
    ExitCode::SUCCESS
}
