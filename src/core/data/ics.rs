//! iCalendar (RFC 5545) export of planned actions, written by hand.
//!
//! The `icalendar` crate pulls `uuid` with random ids (and `getrandom`'s JS glue on wasm) into
//! the browser build, while this file needs none of that: UIDs must be stable, not random, so
//! that importing a newer export updates events instead of duplicating them.

use chrono::{DateTime, Duration, FixedOffset, Utc};

use crate::core::data::model::Process;
use crate::core::planning::action::{Action, ActionState};

/// Identifies the producer, as RFC 5545 requires.
pub const PRODID: &str = "-//Afterview//Interview follow-ups//EN";

/// How long an event lasts when the action's window gives no later end.
const DEFAULT_LENGTH_MINUTES: i64 = 30;
/// How long before the due moment the calendar reminds the user.
const REMINDER_MINUTES: i64 = 30;
/// RFC 5545 section 3.1: lines longer than this many octets are folded.
const MAX_LINE_OCTETS: usize = 75;

/// A calendar with one event per action, due at the action's due moment. `now` stamps the
/// export (DTSTAMP and the SEQUENCE that lets calendars take the newer copy).
/// The actions worth a calendar entry: a late action's window is already over, and an entry
/// in the past helps no one.
pub fn calendar_actions(plan: &[Action]) -> Vec<Action> {
    plan.iter()
        .filter(|action| action.state != ActionState::Late)
        .cloned()
        .collect()
}

pub fn actions_to_ics(
    actions: &[Action],
    processes: &[Process],
    now: DateTime<FixedOffset>,
) -> String {
    let mut out = String::new();
    let stamp = utc_stamp(now);
    // Minutes since 2020 only grow between exports and fit the 32-bit integer calendars expect.
    let sequence = (now.with_timezone(&Utc).timestamp() - 1_577_836_800).max(0) / 60;
    push_line(&mut out, "BEGIN:VCALENDAR");
    push_line(&mut out, "VERSION:2.0");
    push_line(&mut out, &format!("PRODID:{PRODID}"));
    push_line(&mut out, "CALSCALE:GREGORIAN");
    push_line(&mut out, "METHOD:PUBLISH");
    push_line(&mut out, "X-WR-CALNAME:Afterview follow-ups");
    for action in actions {
        let process = processes.iter().find(|p| p.id == action.process);
        let end = if action.latest > action.due {
            action.latest
        } else {
            action.due + Duration::minutes(DEFAULT_LENGTH_MINUTES)
        };
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}", event_uid(action)));
        push_line(&mut out, &format!("DTSTAMP:{stamp}"));
        push_line(&mut out, &format!("SEQUENCE:{sequence}"));
        push_line(&mut out, &format!("DTSTART:{}", utc_stamp(action.due)));
        push_line(&mut out, &format!("DTEND:{}", utc_stamp(end)));
        // A window several days long should not show the user as busy.
        push_line(&mut out, "TRANSP:TRANSPARENT");
        let summary = summary(action, process);
        push_line(&mut out, &format!("SUMMARY:{}", escape_text(&summary)));
        push_line(
            &mut out,
            &format!("DESCRIPTION:{}", escape_text(&description(action, process))),
        );
        push_line(&mut out, "BEGIN:VALARM");
        push_line(&mut out, "ACTION:DISPLAY");
        push_line(&mut out, &format!("TRIGGER:-PT{REMINDER_MINUTES}M"));
        push_line(&mut out, &format!("DESCRIPTION:{}", escape_text(&summary)));
        push_line(&mut out, "END:VALARM");
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// The same action in a later plan gets the same UID: process, kind, round and interviewer.
pub fn event_uid(action: &Action) -> String {
    let mut uid = format!("{}-{}", action.process, action.kind.slug());
    if let Some(round) = action.round {
        uid.push_str(&format!("-r{round}"));
    }
    if let Some(person) = action.interviewer {
        uid.push_str(&format!("-i{person}"));
    }
    uid.push_str("@afterview");
    uid
}

/// A file name for the download.
pub fn ics_file_name(now: DateTime<FixedOffset>) -> String {
    format!(
        "afterview-follow-ups-{}.ics",
        crate::core::dates::iso_date(now.date_naive())
    )
}

fn summary(action: &Action, process: Option<&Process>) -> String {
    let person = process
        .zip(action.recipient_id())
        .and_then(|(process, id)| process.person(id))
        .map(|person| person.name().trim())
        .filter(|name| !name.is_empty());
    let mut text = action.kind.label().to_string();
    if let Some(process) = process {
        text.push_str(&format!(" — {}", process.company));
    }
    if let Some(name) = person {
        text.push_str(&format!(" ({name})"));
    }
    text
}

fn description(action: &Action, process: Option<&Process>) -> String {
    let mut lines = vec![action.explanation()];
    if let Some(process) = process {
        lines.push(format!("Role: {}", process.role));
    }
    lines.push(format!("How: {}", action.channel.label()));
    lines.push(format!(
        "Window: {} to {}",
        action.earliest.format("%a %e %b %H:%M"),
        action.latest.format("%a %e %b %H:%M")
    ));
    lines.join("\n")
}

/// `20250304T090000Z`: UTC form, so no VTIMEZONE block is needed.
fn utc_stamp(moment: DateTime<FixedOffset>) -> String {
    moment
        .with_timezone(&Utc)
        .format("%Y%m%dT%H%M%SZ")
        .to_string()
}

/// TEXT value escaping (RFC 5545 section 3.3.11). Other control characters are dropped:
/// the format has no way to carry them.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded to at most 75 octets per physical line (continuations
/// start with a space, which counts), never inside a UTF-8 character, each ended by CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut budget = MAX_LINE_OCTETS;
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > budget {
            out.push_str("\r\n ");
            // The leading space takes one octet of the next line.
            budget = MAX_LINE_OCTETS - 1;
            used = 0;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}
