//! Bounded fuzzing of the invitation reader: arbitrary bytes, calendar-shaped noise and
//! mutations of the real fixtures never panic and finish quickly; near-limit hostile texts
//! finish in bounded time.
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use afterview::core::data::invite::zones::RuleTable;
use afterview::core::data::invite::{
    read_invitation, read_invitation_bytes, InviteContext, MAX_BYTES,
};
use afterview::core::planning::zone::UserZone;
use chrono::{FixedOffset, NaiveDate};
use proptest::prelude::*;

const FIXTURES: [&str; 5] = [
    include_str!("fixtures/invite/google.ics"),
    include_str!("fixtures/invite/google_update.ics"),
    include_str!("fixtures/invite/google_cancel.ics"),
    include_str!("fixtures/invite/outlook.ics"),
    include_str!("fixtures/invite/apple.ics"),
];

/// Debug builds on a shared machine are slow; a real invitation reads in milliseconds.
const SMALL_INPUT_BUDGET: Duration = Duration::from_secs(2);

fn context() -> InviteContext<'static> {
    InviteContext {
        user_email: "sam.rivera@mailbox.example",
        user_zone: UserZone::Fixed(FixedOffset::east_opt(3600).expect("offset")),
        today: NaiveDate::from_ymd_opt(2026, 3, 20).expect("date"),
        existing: &[],
        zones: &RuleTable,
    }
}

/// Reads the bytes and checks that it took less than `budget`; a panic fails the test.
fn read_within(bytes: &[u8], budget: Duration) {
    let started = Instant::now();
    let result = read_invitation_bytes(bytes, &context());
    let took = started.elapsed();
    assert!(took < budget, "took {took:?} for {} bytes", bytes.len());
    if let Ok(prefill) = result {
        // Whatever was read, the form never holds more rows than the limits allow.
        assert!(prefill.form.rounds.len() <= afterview::core::data::invite::MAX_EVENTS);
        for round in &prefill.form.rounds {
            assert!(round.interviewers.len() <= afterview::core::data::invite::MAX_INTERVIEWERS);
        }
    }
}

/// Lines calendars write, for noise that gets past the first checks.
fn calendar_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("BEGIN:VCALENDAR".to_string()),
        Just("END:VCALENDAR".to_string()),
        Just("BEGIN:VEVENT".to_string()),
        Just("END:VEVENT".to_string()),
        Just("BEGIN:VTIMEZONE".to_string()),
        Just("END:VTIMEZONE".to_string()),
        Just("BEGIN:DAYLIGHT".to_string()),
        Just("END:DAYLIGHT".to_string()),
        Just("METHOD:CANCEL".to_string()),
        "[0-9TZ]{0,20}".prop_map(|v| format!("DTSTART:{v}")),
        "[0-9TZ]{0,20}".prop_map(|v| format!("DTEND;TZID=Europe/Berlin:{v}")),
        "[0-9TZ]{0,20}".prop_map(|v| format!("DTSTART;TZID=W. Europe Standard Time:{v}")),
        "[-+PTWDHMS0-9]{0,12}".prop_map(|v| format!("DURATION:{v}")),
        "[-+0-9]{0,8}".prop_map(|v| format!("TZOFFSETFROM:{v}")),
        "[-+0-9]{0,8}".prop_map(|v| format!("TZOFFSETTO:{v}")),
        "[A-Z=;,0-9-]{0,40}".prop_map(|v| format!("RRULE:{v}")),
        "TZID:[A-Za-z/ .]{0,20}",
        "UID:[a-z0-9]{0,4}",
        "SEQUENCE:[-0-9]{0,12}",
        ".{0,60}".prop_map(|v| format!("SUMMARY:{v}")),
        ".{0,60}".prop_map(|v| format!("LOCATION:{v}")),
        ".{0,80}".prop_map(|v| format!("DESCRIPTION:{v}")),
        "[^\"]{0,20}".prop_map(|v| format!("ATTENDEE;CN=\"{v}\":mailto:{v}@x.example")),
        ".{0,30}".prop_map(|v| format!("ORGANIZER;CN={v}")),
        ".{0,40}".prop_map(|v| format!(" {v}")),
        ".{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        read_within(&bytes, SMALL_INPUT_BUDGET);
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,2000}") {
        read_within(text.as_bytes(), SMALL_INPUT_BUDGET);
    }

    #[test]
    fn calendar_noise_never_panics(lines in proptest::collection::vec(calendar_line(), 0..120)) {
        let text = format!("BEGIN:VCALENDAR\r\n{}", lines.join("\r\n"));
        read_within(text.as_bytes(), SMALL_INPUT_BUDGET);
    }

    #[test]
    fn mutated_fixtures_never_panic(
        which in 0..FIXTURES.len(),
        edits in proptest::collection::vec((0usize..5, any::<prop::sample::Index>(), any::<prop::sample::Index>(), proptest::collection::vec(any::<u8>(), 0..16)), 1..8),
    ) {
        let mut bytes = FIXTURES[which].as_bytes().to_vec();
        for (kind, at, other, insert) in edits {
            if bytes.is_empty() {
                break;
            }
            let at = at.index(bytes.len());
            let other = other.index(bytes.len());
            let (low, high) = (at.min(other), at.max(other));
            match kind {
                // Delete a range, insert bytes, duplicate a range, flip a byte, cut the file.
                0 => { bytes.drain(low..high); }
                1 => { bytes.splice(at..at, insert); }
                2 => { let copy = bytes[low..high].to_vec(); bytes.splice(high..high, copy); }
                3 => { bytes[at] ^= insert.first().copied().unwrap_or(0x20); }
                _ => { bytes.truncate(at); }
            }
        }
        read_within(&bytes, SMALL_INPUT_BUDGET);
    }
}

/// Texts just under the size limit, built to hit every rule many times.
#[test]
fn near_limit_hostile_texts_finish_in_bounded_time() {
    let fill = |unit: &str| {
        let mut text = String::with_capacity(MAX_BYTES);
        // Room for the few lines put before the filling.
        while text.len() + unit.len() < MAX_BYTES - 200 {
            text.push_str(unit);
        }
        text
    };
    let vevents = format!(
        "BEGIN:VCALENDAR\r\n{}",
        fill("BEGIN:VEVENT\r\nDTSTART;TZID=Europe/Berlin:20260305T100000\r\nATTENDEE;CN=A B:mailto:a@b.example\r\nEND:VEVENT\r\n")
    );
    let attendees = format!(
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260305T100000Z\r\n{}",
        fill("ATTENDEE;CN=Person:mailto:p@crowd.example\r\n")
    );
    let folded = format!(
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDESCRIPTION:{}",
        fill("\r\n x")
    );
    let zones = format!(
        "BEGIN:VCALENDAR\r\n{}",
        fill("BEGIN:VTIMEZONE\r\nTZID:Z\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n")
    );
    let texts = [
        vevents,
        attendees,
        folded,
        zones,
        fill("@"),
        fill("a@b.example "),
        fill("with "),
        fill("You'll meet Ann Lee and "),
        fill("Bo Li will call you "),
        fill("1 March "),
        fill("at 10 "),
        fill("https://zoom.us/j/1 "),
        fill("+49 30 1234 5678 "),
        fill("Best,\n"),
        fill("x"),
    ];
    for text in &texts {
        let started = Instant::now();
        let result = read_invitation(text, &context());
        let took = started.elapsed();
        println!(
            "{:>8} bytes starting {:?}: {took:?}, ok = {}",
            text.len(),
            &text[..20.min(text.len())],
            result.is_ok()
        );
        assert!(
            took < Duration::from_secs(10),
            "{took:?} for a text starting {:?}",
            &text[..20]
        );
    }
}
