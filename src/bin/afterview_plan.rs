//! `afterview-plan`: reads a backup document on stdin and prints the planned actions as JSON.
//!
//! Usage: `afterview-plan --now 2025-03-06T18:00:00+01:00 < backup.json`.
//! The plan is made in the zone of the settings (a named zone from the built-in rule table, or
//! a fixed offset) or, for the device zone, in the offset of `--now`. Any problem: a message
//! on stderr, exit 2.

use std::io::Read;
use std::process::ExitCode;

use afterview::core::data::json::{Json, ObjectBuilder};
use afterview::core::data::model::Process;
use afterview::core::data::settings::ZoneSetting;
use afterview::core::data::storage::{decode, YEARS};
use afterview::core::planning::action::{Action, ActionState};
use afterview::core::planning::planner::plan;
use afterview::core::planning::zone::{NamedZone, RuleTable, UserZone};
use chrono::{DateTime, Datelike, FixedOffset};

const USAGE: &str = "\
Usage: afterview-plan --now <RFC 3339 time> < backup.json

Reads an Afterview backup document on standard input and prints the
follow-up actions planned at that moment as JSON on standard output.

Options:
  --now <time>  the planning moment, e.g. 2025-03-06T18:00:00+01:00 (required)
  -h, --help    show this help

The time zone comes from the backup's settings: a named zone (from this
tool's own table of common zones, daylight saving included) or a fixed
offset; for the device zone, the offset written in --now is used.
Exit status 2 on any input problem.";

/// The name a state has in the output.
fn state_name(state: ActionState) -> &'static str {
    match state {
        ActionState::Upcoming => "upcoming",
        ActionState::Open => "open",
        ActionState::DueToday => "due-today",
        ActionState::Late => "late",
    }
}

/// One planned action as printed: ids as numbers, kinds as their kebab-case names, the
/// explanation as a sentence, and who receives it.
fn action_json(action: &Action, processes: &[Process]) -> Json {
    let process = processes
        .iter()
        .find(|process| process.id == action.process);
    let to = action.recipient.zip(process).map(|(recipient, process)| {
        format!("{}, {}", recipient.name(process), recipient.reason(process))
    });
    ObjectBuilder::new()
        .field("process", Json::from(action.process.0))
        .some("round", action.round.map(|id| Json::from(id.0)))
        .some("interviewer", action.interviewer.map(|id| Json::from(id.0)))
        .field("kind", Json::from(action.kind.slug()))
        .field("channel", Json::from(action.channel.slug()))
        .field("earliest", Json::stamp(&action.earliest))
        .field("due", Json::stamp(&action.due))
        .field("latest", Json::stamp(&action.latest))
        .field("state", Json::from(state_name(action.state)))
        .field(
            "rules",
            Json::Array(
                action
                    .rules
                    .iter()
                    .map(|rule| Json::from(rule.id()))
                    .collect(),
            ),
        )
        .field("explanation", Json::from(action.explanation()))
        // Person id of the recipient (an interviewer or a contact).
        .some(
            "recipient",
            action
                .recipient
                .map(|recipient| Json::from(recipient.person.0)),
        )
        // "Name, why them": the recipient rule's one line.
        .some("to", to.map(Json::from))
        .build()
}

enum Command {
    Help,
    Plan { now: DateTime<FixedOffset> },
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    let mut now = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let value = match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--now" => rest
                .next()
                .ok_or_else(|| {
                    "--now needs a value, e.g. --now 2025-03-06T18:00:00+01:00".to_string()
                })?
                .as_str(),
            other => match other.strip_prefix("--now=") {
                Some(value) => value,
                None => return Err(format!("unknown argument `{other}`")),
            },
        };
        let parsed = DateTime::parse_from_rfc3339(value)
            .map_err(|error| format!("--now `{value}` is not an RFC 3339 time ({error})"))?;
        if !YEARS.contains(&parsed.year()) {
            return Err(format!(
                "--now `{value}` is outside the years {} to {} that Afterview plans in",
                YEARS.start(),
                YEARS.end()
            ));
        }
        now = Some(parsed);
    }
    now.map(|now| Command::Plan { now })
        .ok_or_else(|| "--now is required, e.g. --now 2025-03-06T18:00:00+01:00".to_string())
}

fn run(args: &[String]) -> Result<Option<String>, String> {
    let now = match parse_args(args)? {
        Command::Help => return Ok(None),
        Command::Plan { now } => now,
    };
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .map_err(|error| format!("cannot read standard input: {error}"))?;
    let envelope = decode(&input).map_err(|error| error.to_string())?;
    let settings = &envelope.data.settings;
    let zone =
        match settings.time_zone {
            ZoneSetting::Device => UserZone::Fixed(*now.offset()),
            ZoneSetting::Named { name } => NamedZone::resolve(name)
                .map(UserZone::Named)
                .ok_or_else(|| {
                    let known: Vec<&str> = RuleTable::names().collect();
                    format!(
                        "the settings' time zone {name} is not in this tool's table; it knows {}",
                        known.join(", ")
                    )
                })?,
            fixed @ ZoneSetting::Fixed { .. } => UserZone::from_setting(fixed),
        };
    let actions = plan(
        &envelope.data.processes,
        settings,
        &now.with_timezone(&zone),
    );
    let now = now.with_timezone(&zone).fixed_offset();
    let output = ObjectBuilder::new()
        .field("now", Json::stamp(&now))
        .field(
            "actions",
            Json::Array(
                actions
                    .iter()
                    .map(|action| action_json(action, &envelope.data.processes))
                    .collect(),
            ),
        )
        .build();
    Ok(Some(output.to_pretty()))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(Some(json)) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Ok(None) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("afterview-plan: {message}");
            eprintln!("Try `afterview-plan --help`.");
            ExitCode::from(2)
        }
    }
}
