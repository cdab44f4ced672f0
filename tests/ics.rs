//! The calendar export, checked structurally against RFC 5545.
// Native tests: the browser build runs tests/browser.rs instead.
#![cfg(not(target_arch = "wasm32"))]

mod common;

#[path = "fixtures/storage/support.rs"]
mod support;

use afterview::core::data::ics::{actions_to_ics, escape_text, event_uid};
use afterview::core::data::model::{
    ActionKind, Interviewer, InterviewerId, Process, ProcessId, Round, RoundId,
};
use common::at;
use support::action;

/// Undoes folding, as a calendar does when it reads the file (the test's oracle).
fn unfold(text: &str) -> String {
    text.replace("\r\n ", "").replace("\r\n\t", "")
}

fn processes() -> Vec<Process> {
    let mut first = Process::new(ProcessId(1), "Smith, Jones; Partners \\ Co", "Analyst");
    first.rounds.push(Round {
        uid: None,
        zone: None,
        id: RoundId(1),
        kind: Default::default(),
        format: Default::default(),
        start: at("2025-03-04T10:00:00+01:00"),
        end: at("2025-03-04T11:00:00+01:00"),
        interviewers: vec![Interviewer {
            id: InterviewerId(2),
            name: "Zoë Ångström-Łukasiewicz".into(),
            ..Interviewer::default()
        }],
        notes: String::new(),
    });
    // Long multi-byte text forces folding inside runs of two- and three-byte characters.
    let second = Process::new(
        ProcessId(2),
        "日本語の会社名".repeat(12),
        "Ünïcödé rôle €€€ ".repeat(8),
    );
    vec![first, second]
}

fn export() -> String {
    let actions = vec![
        action(
            1,
            ActionKind::ThankYou,
            Some(1),
            Some(2),
            "2025-03-04T16:00:00+01:00",
            1,
        ),
        action(
            1,
            ActionKind::StatusInquiry,
            None,
            None,
            "2025-03-14T10:00:00+01:00",
            0,
        ),
        action(
            2,
            ActionKind::LinkedinConnect,
            None,
            None,
            "2025-03-05T09:00:00-05:00",
            3,
        ),
    ];
    actions_to_ics(&actions, &processes(), at("2025-03-04T12:00:00+01:00"))
}

#[test]
fn every_line_is_crlf_terminated_and_at_most_75_octets() {
    let text = export();
    assert!(text.ends_with("\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "no bare LF");
    assert!(!text.replace("\r\n", "").contains('\r'), "no bare CR");
    let mut folded = 0;
    for line in text.split("\r\n").filter(|line| !line.is_empty()) {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        if line.starts_with(' ') {
            folded += 1;
        }
    }
    assert!(folded > 3, "the long names were folded");
}

#[test]
fn unfolding_restores_the_escaped_text() {
    let text = unfold(&export());
    let company = "日本語の会社名".repeat(12);
    assert!(text.contains(&format!("SUMMARY:LinkedIn connection — {company}\r\n")));
    assert!(text.contains("SUMMARY:Thank-you note — Smith\\, Jones\\; Partners \\\\ Co (Zoë Ångström-Łukasiewicz)\r\n"));
    assert!(text.contains(&format!("Role: {}", "Ünïcödé rôle €€€ ".repeat(8))));
    // Newlines inside the description are escaped, not raw.
    let description = text
        .split("\r\n")
        .find(|line| line.starts_with("DESCRIPTION:They asked for this"))
        .expect("a description");
    assert!(
        description.contains("\\nHow: Email\\nWindow: "),
        "{description}"
    );
}

#[test]
fn the_calendar_has_its_header_and_one_event_per_action() {
    let text = unfold(&export());
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines[0], "BEGIN:VCALENDAR");
    assert!(lines.contains(&"VERSION:2.0"));
    assert!(lines.iter().any(|line| line.starts_with("PRODID:")));
    assert_eq!(lines.iter().filter(|l| **l == "BEGIN:VEVENT").count(), 3);
    assert_eq!(lines.iter().filter(|l| **l == "END:VEVENT").count(), 3);
    assert_eq!(lines.iter().filter(|l| **l == "BEGIN:VALARM").count(), 3);
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.starts_with("DTSTAMP:20250304T110000Z"))
            .count(),
        3
    );
    assert_eq!(lines[lines.len() - 2], "END:VCALENDAR");

    // Due and end in UTC: the window's end when later, else due + 30 minutes.
    assert!(text.contains("DTSTART:20250304T150000Z\r\nDTEND:20250305T150000Z"));
    assert!(text.contains("DTSTART:20250314T090000Z\r\nDTEND:20250314T093000Z"));
    assert!(text.contains("DTSTART:20250305T140000Z\r\nDTEND:20250308T140000Z"));
}

#[test]
fn uids_are_stable_and_distinct() {
    let first = export();
    let later = {
        let actions = vec![action(
            1,
            ActionKind::ThankYou,
            Some(1),
            Some(2),
            "2025-03-05T09:00:00+01:00",
            1,
        )];
        actions_to_ics(&actions, &processes(), at("2025-03-05T08:00:00+01:00"))
    };
    let uid = "UID:1-thank-you-r1-i2@afterview";
    assert!(first.contains(uid));
    assert!(later.contains(uid), "a replanned action keeps its UID");
    let uids: Vec<&str> = first
        .split("\r\n")
        .filter(|l| l.starts_with("UID:"))
        .collect();
    let mut unique = uids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), uids.len());
    assert_eq!(
        event_uid(&action(
            3,
            ActionKind::MoveOn,
            None,
            None,
            "2025-01-01T00:00:00Z",
            0
        )),
        "3-move-on@afterview"
    );
    // A later export carries a higher SEQUENCE so calendars take the new copy.
    let sequence = |text: &str| -> i64 {
        text.split("\r\n")
            .find_map(|l| l.strip_prefix("SEQUENCE:"))
            .and_then(|n| n.parse().ok())
            .expect("a sequence")
    };
    assert!(sequence(&later) > sequence(&first));
}

#[test]
fn escaping_covers_backslash_semicolon_comma_and_newlines() {
    assert_eq!(
        escape_text("a\\b;c,d\ne\r\nf\rg"),
        "a\\\\b\\;c\\,d\\ne\\nf\\ng"
    );
    assert_eq!(escape_text("tab\there\u{7}"), "tab here");
}

#[test]
fn an_empty_plan_is_still_a_valid_calendar() {
    let text = actions_to_ics(&[], &[], at("2025-03-04T12:00:00Z"));
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(!text.contains("VEVENT"));
}
