//! Helpers shared by the native test files: times, dates and small realistic records.
#![allow(dead_code)]

use afterview::core::model::{
    Interviewer, InterviewerId, Process, ProcessId, Round, RoundFormat, RoundId, RoundKind,
};
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
