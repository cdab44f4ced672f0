//! Helpers shared by the native test files: times, dates and small realistic records.
#![allow(dead_code)]

use afterview::core::data::model::{
    Event, EventId, EventKind, Interviewer, InterviewerId, Process, ProcessId, Round, RoundFormat,
    RoundId, RoundKind,
};
use afterview::core::data::settings::Settings;
use afterview::core::planning::action::Action;
use afterview::core::planning::planner::plan;
use chrono::{DateTime, FixedOffset, NaiveDate};

/// A moment written as RFC 3339; panics with the text when a test writes it wrong.
pub fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap_or_else(|error| panic!("bad time {text}: {error}"))
}

/// A day written as YYYY-MM-DD.
pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .unwrap_or_else(|error| panic!("bad date {text}: {error}"))
}

/// An interviewer with a name, a title and what they talked about.
pub fn person(id: u64, name: &str, title: &str) -> Interviewer {
    Interviewer {
        id: InterviewerId(id),
        name: name.into(),
        title: title.into(),
        email: format!(
            "{}@example.com",
            name.split_whitespace().last().unwrap_or("x").to_lowercase()
        ),
        ..Interviewer::default()
    }
}

/// A process with one video round of an hour starting at `start`, met with `people`.
pub fn process_with_round(
    id: u64,
    company: &str,
    role: &str,
    start: &str,
    people: Vec<Interviewer>,
) -> Process {
    let mut process = Process::new(ProcessId(id), company, role);
    let start = at(start);
    process.rounds.push(Round {
        uid: None,
        zone: None,
        id: RoundId(100),
        kind: RoundKind::Panel,
        format: RoundFormat::Video,
        start,
        end: start + chrono::Duration::hours(1),
        interviewers: people,
        notes: String::new(),
    });
    process
}

/// A round from `start` to `end` with default kind and format, met with `people`.
pub fn round(id: u64, start: &str, end: &str, people: Vec<Interviewer>) -> Round {
    Round {
        uid: None,
        zone: None,
        id: RoundId(id),
        kind: Default::default(),
        format: Default::default(),
        start: at(start),
        end: at(end),
        interviewers: people,
        notes: String::new(),
    }
}

/// Adds an event of `kind` at `when` to the process log, under its next local id.
pub fn log(process: &mut Process, when: &str, kind: EventKind) {
    let id = EventId(process.next_local_id());
    process.events.push(Event {
        id,
        at: at(when),
        round: None,
        kind,
        note: String::new(),
    });
}

/// The plan for this one process at `now`, with default settings.
pub fn plan_at(process: &Process, now: &str) -> Vec<Action> {
    plan(
        std::slice::from_ref(process),
        &Settings::default(),
        &at(now),
    )
}

/// Decodes `%XX` escapes; `None` on a broken escape or invalid UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' {
            let hex = text.get(index + 1..index + 3)?;
            if !hex.bytes().all(|byte| byte.is_ascii_hexdigit()) {
                return None;
            }
            out.push(u8::from_str_radix(hex, 16).ok()?);
            index += 3;
        } else {
            out.push(bytes[index]);
            index += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The test oracle for mail links: reads a `mailto:` URL back into (to, subject, body); line breaks come back as `\n`.
/// Unknown header fields are ignored; `None` when it is not a well-formed mailto URL.
pub fn parse_mailto(url: &str) -> Option<(String, String, String)> {
    let scheme = url.get(..7)?;
    if !scheme.eq_ignore_ascii_case("mailto:") {
        return None;
    }
    let rest = &url[7..];
    let (to_part, query) = rest.split_once('?').unwrap_or((rest, ""));
    let mut recipients: Vec<String> = Vec::new();
    let first = percent_decode(to_part)?;
    if !first.is_empty() {
        recipients.push(first);
    }
    let mut subject = String::new();
    let mut body = String::new();
    for field in query.split('&').filter(|field| !field.is_empty()) {
        let (name, value) = field.split_once('=').unwrap_or((field, ""));
        let value = percent_decode(value)?;
        if name.eq_ignore_ascii_case("subject") {
            subject = value;
        } else if name.eq_ignore_ascii_case("body") {
            body = value.replace("\r\n", "\n");
        } else if name.eq_ignore_ascii_case("to") && !value.is_empty() {
            // RFC 6068 also allows recipients in a `to` header field.
            recipients.push(value);
        }
    }
    Some((recipients.join(","), subject, body))
}
