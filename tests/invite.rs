//! Importing calendar invitations: fixtures in the shapes Google Calendar, Outlook and Apple
//! Calendar send, updates and cancellations, daylight-saving changes and hostile files.

use afterview::core::app::form::blank_process;
use afterview::core::data::invite::guess::Confidence;
use afterview::core::data::invite::zones::RuleTable;
use afterview::core::data::invite::{
    read_invitation, read_invitation_bytes, InvitationPrefill, InviteContext, InviteError, Outcome,
    Source, MAX_INTERVIEWERS,
};
use afterview::core::data::json::Stored;
use afterview::core::data::model::{Process, ProcessId, RoundFormat, RoundKind};
use afterview::core::planning::zone::UserZone;
use chrono::{FixedOffset, NaiveDate};

const GOOGLE: &str = include_str!("fixtures/invite/google.ics");
const GOOGLE_UPDATE: &str = include_str!("fixtures/invite/google_update.ics");
const GOOGLE_CANCEL: &str = include_str!("fixtures/invite/google_cancel.ics");
const OUTLOOK: &str = include_str!("fixtures/invite/outlook.ics");
const APPLE: &str = include_str!("fixtures/invite/apple.ics");

const USER: &str = "sam.rivera@mailbox.example";

fn user_zone(hours: i32) -> UserZone {
    UserZone::Fixed(FixedOffset::east_opt(hours * 3600).expect("offset"))
}

fn context(existing: &[Process]) -> InviteContext<'_> {
    InviteContext {
        user_email: USER,
        user_zone: user_zone(1),
        today: NaiveDate::from_ymd_opt(2026, 3, 20).expect("date"),
        existing,
        zones: &RuleTable,
    }
}

fn read(text: &str) -> InvitationPrefill {
    read_invitation(text, &context(&[])).expect("readable invitation")
}

fn names(prefill: &InvitationPrefill) -> Vec<(String, String)> {
    prefill.form.rounds[0]
        .interviewers
        .iter()
        .map(|p| (p.name.clone(), p.email.clone()))
        .collect()
}

fn pair(name: &str, email: &str) -> (String, String) {
    (name.to_string(), email.to_string())
}

#[test]
fn google_invitation_fills_every_field() {
    let prefill = read(GOOGLE);
    assert_eq!(prefill.source, Source::Calendar);
    assert_eq!(prefill.outcome, Outcome::New);
    assert_eq!(prefill.form.company, "Northwind Labs");
    assert_eq!(prefill.company.confidence, Confidence::Likely);
    assert_eq!(prefill.form.role, "Product Designer");
    let round = &prefill.form.rounds[0];
    // 14:30 in Berlin on 31 March is summer time (+02:00). The round keeps the invitation's
    // zone, so the form shows the time as the invitation wrote it.
    assert_eq!(
        prefill.rounds[0].start.map(|s| s.to_rfc3339()).as_deref(),
        Some("2026-03-31T14:30:00+02:00")
    );
    assert_eq!(prefill.rounds[0].zone, "Europe/Berlin");
    assert_eq!(
        (
            round.date.as_str(),
            round.start.as_str(),
            round.end.as_str()
        ),
        ("2026-03-31", "14:30", "15:30")
    );
    assert_eq!(round.zone, "Europe/Berlin");
    assert_eq!(round.format, RoundFormat::Video);
    assert_eq!(
        prefill.rounds[0].link,
        "https://meet.google.com/xkq-wmbd-fpr"
    );
    assert_eq!(
        names(&prefill),
        [
            pair("Lena Vogt", "lena.vogt@northwind-labs.com"),
            pair("Jonas Weber", "jonas.weber@northwind-labs.com")
        ],
        "the organizer once, the user left out"
    );
    assert_eq!(
        round.uid.as_deref(),
        Some("5k2q9v7h3m1n0p4r6t8wx0yz1a@google.com")
    );
    assert!(prefill.form.notes.contains("meet.google.com"));
    assert!(
        !prefill.missing.iter().any(|m| m.contains("time zone")),
        "{:?}",
        prefill.missing
    );
    assert_eq!(
        prefill.filled_fields(),
        [
            "company",
            "role",
            "date",
            "start",
            "end",
            "zone",
            "format",
            "interviewers",
            "emails",
            "uid"
        ]
    );
}

#[test]
fn outlook_invitation_with_windows_zone() {
    let prefill = read(OUTLOOK);
    // 27 October is after the autumn change (25 October): Berlin is back on +01:00.
    assert_eq!(
        prefill.rounds[0].start.map(|s| s.to_rfc3339()).as_deref(),
        Some("2026-10-27T10:00:00+01:00")
    );
    assert_eq!(prefill.rounds[0].zone, "Europe/Berlin");
    let round = &prefill.form.rounds[0];
    assert_eq!(
        (round.start.as_str(), round.end.as_str()),
        ("10:00", "11:00")
    );
    assert_eq!(round.format, RoundFormat::Video, "Teams link");
    assert!(prefill.rounds[0]
        .link
        .starts_with("https://teams.microsoft.com/l/meetup-join/"));
    assert_eq!(
        prefill.rounds[0].phone, "",
        "meeting ids are not phone numbers"
    );
    assert_eq!(
        names(&prefill),
        [
            pair("Maria Okafor", "maria.okafor@fabrikam-energy.com"),
            pair("Tom Becker", "tom.becker@fabrikam-energy.com")
        ],
        "the meeting room is no interviewer"
    );
    assert_eq!(prefill.form.company, "Fabrikam Energy");
    assert_eq!(prefill.form.role, "Data Analyst");
    assert!(prefill.form.rounds[0]
        .uid
        .as_deref()
        .is_some_and(|u| u.starts_with("040000008200E000")));
}

#[test]
fn apple_invitation_with_duration_and_address() {
    let prefill = read(APPLE);
    // 2 November: New York has left summer time (1 November): -05:00.
    assert_eq!(
        prefill.rounds[0].start.map(|s| s.to_rfc3339()).as_deref(),
        Some("2026-11-02T09:30:00-05:00")
    );
    assert_eq!(
        prefill.rounds[0].end.map(|s| s.to_rfc3339()).as_deref(),
        Some("2026-11-02T11:45:00-05:00"),
        "DURATION:PT2H15M"
    );
    let round = &prefill.form.rounds[0];
    assert_eq!(
        (
            round.date.as_str(),
            round.start.as_str(),
            round.end.as_str()
        ),
        ("2026-11-02", "09:30", "11:45")
    );
    assert_eq!(round.zone, "America/New_York");
    assert_eq!(round.format, RoundFormat::InPerson);
    assert_eq!(round.kind, RoundKind::Final);
    assert_eq!(
        names(&prefill),
        [
            pair("Priya Nair", "priya@contoso-health.com"),
            pair("Marcus O'Neil", "marcus.oneil@contoso-health.com"),
            pair("Hana Kim", "hana.kim@contoso-health.com")
        ]
    );
    assert_eq!(prefill.form.company, "Contoso Health");
    assert_eq!(prefill.form.role, "Senior Data Engineer");
    assert!(prefill.form.notes.contains("200 Park Avenue South"));
}

fn saved(text: &str) -> Process {
    let prefill = read(text);
    prefill
        .form
        .to_process(&blank_process(ProcessId(7)), &user_zone(1))
        .expect("the pre-filled form is valid")
}

#[test]
fn an_update_with_the_same_uid_moves_the_round() {
    let existing = vec![saved(GOOGLE)];
    let round_id = existing[0].rounds[0].id;
    let prefill = read_invitation(GOOGLE_UPDATE, &context(&existing)).expect("update");
    match &prefill.outcome {
        Outcome::Update {
            process,
            changes,
            added,
        } => {
            assert_eq!(*process, ProcessId(7));
            assert_eq!(*added, 0);
            assert_eq!(changes.len(), 1);
            assert_eq!(changes[0].round, round_id);
            assert!(
                changes[0]
                    .summary
                    .contains("moved from Tue 31 Mar 2026 14:30 to Wed 1 Apr 2026 10:00"),
                "{}",
                changes[0].summary
            );
        }
        other => panic!("expected an update, got {other:?}"),
    }
    assert_eq!(prefill.form.rounds.len(), 1, "no second round");
    let round = &prefill.form.rounds[0];
    assert_eq!(round.id, round_id.0);
    assert_eq!(
        (round.date.as_str(), round.start.as_str()),
        ("2026-04-01", "10:00")
    );
    assert_eq!(round.zone, "Europe/Berlin");
    assert_eq!(round.interviewers.len(), 3, "the added interviewer joins");
    assert_eq!(round.interviewers[2].name, "Aiko Tan");
    let updated = prefill
        .form
        .to_process(&existing[0], &user_zone(1))
        .expect("valid");
    assert_eq!(
        updated.rounds[0].start.to_rfc3339(),
        "2026-04-01T10:00:00+02:00"
    );
    assert_eq!(
        updated.rounds[0].zone.map(|zone| zone.as_str()),
        Some("Europe/Berlin")
    );
    assert_eq!(
        updated.rounds[0].interviewers[0].id,
        existing[0].rounds[0].interviewers[0].id
    );
}

#[test]
fn a_cancellation_offers_to_remove_the_round() {
    let existing = vec![saved(GOOGLE)];
    let prefill = read_invitation(GOOGLE_CANCEL, &context(&existing)).expect("cancellation");
    match &prefill.outcome {
        Outcome::Cancelled {
            process,
            round,
            label,
        } => {
            assert_eq!(*process, ProcessId(7));
            assert_eq!(*round, existing[0].rounds[0].id);
            assert!(
                label.starts_with("Northwind Labs, Tue 31 Mar 2026"),
                "{label}"
            );
        }
        other => panic!("expected a cancellation, got {other:?}"),
    }
    assert!(prefill.form.rounds.is_empty());
    assert!(prefill.found[0].contains("cancelled"));
    assert_eq!(
        read_invitation(GOOGLE_CANCEL, &context(&[])),
        Err(InviteError::CancelledUnknown)
    );
}

fn calendar(events: &str) -> String {
    format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n{events}END:VCALENDAR\r\n")
}

fn event(lines: &str) -> String {
    format!(
        "BEGIN:VEVENT\r\nUID:e{}\r\n{lines}END:VEVENT\r\n",
        lines.len()
    )
}

#[test]
fn floating_utc_and_iana_zones() {
    let floating = read(&calendar(&event(
        "DTSTART:20260305T100000\r\nDTEND:20260305T110000\r\nSUMMARY:Chat\r\n",
    )));
    assert_eq!(floating.form.rounds[0].start, "10:00");
    assert_eq!(floating.rounds[0].zone, "yours");
    assert!(floating
        .missing
        .iter()
        .any(|m| m.contains("No time zone given")));

    let utc = read(&calendar(&event(
        "DTSTART:20260305T100000Z\r\nDTEND:20260305T104500Z\r\n",
    )));
    assert_eq!(
        (
            utc.form.rounds[0].start.as_str(),
            utc.form.rounds[0].end.as_str()
        ),
        ("11:00", "11:45")
    );

    // An IANA TZID without a VTIMEZONE block goes to the resolver.
    let tokyo = read(&calendar(&event(
        "DTSTART;TZID=Asia/Tokyo:20260305T180000\r\nDURATION:PT1H\r\n",
    )));
    assert_eq!(
        tokyo.rounds[0].start.map(|s| s.to_rfc3339()).as_deref(),
        Some("2026-03-05T18:00:00+09:00")
    );
    assert_eq!(tokyo.form.rounds[0].start, "18:00");
    assert_eq!(tokyo.form.rounds[0].zone, "Asia/Tokyo");

    let sydney = read(&calendar(&event(
        "DTSTART;TZID=\"Australia/Sydney\":20260115T090000\r\nDURATION:PT30M\r\n",
    )));
    assert_eq!(
        sydney.rounds[0].start.map(|s| s.to_rfc3339()).as_deref(),
        Some("2026-01-15T09:00:00+11:00")
    );

    let unknown = read(&calendar(&event(
        "DTSTART;TZID=Mars/Olympus:20260305T100000\r\n",
    )));
    assert!(unknown
        .missing
        .iter()
        .any(|m| m.contains("No time zone given")));
    assert!(unknown.missing.iter().any(|m| m.contains("No end time")));
}

#[test]
fn times_across_daylight_saving_changes() {
    // New York on the Sunday the clocks go forward: 01:30 is EST, 03:30 is EDT.
    let ny = |time: &str| {
        let prefill = read(&calendar(&event(&format!(
            "DTSTART;TZID=America/New_York:20260308T{time}\r\n"
        ))));
        prefill.rounds[0].start.map(|s| s.to_rfc3339())
    };
    assert_eq!(ny("013000").as_deref(), Some("2026-03-08T01:30:00-05:00"));
    assert_eq!(ny("033000").as_deref(), Some("2026-03-08T03:30:00-04:00"));
    // 02:30 does not exist that night: read as 03:30 and said so.
    let gap = read(&calendar(&event(
        "DTSTART;TZID=America/New_York:20260308T023000\r\n",
    )));
    assert_eq!(
        gap.rounds[0].start.map(|s| s.to_rfc3339()).as_deref(),
        Some("2026-03-08T03:30:00-04:00")
    );
    assert!(gap.missing.iter().any(|m| m.contains("clock change")));
    // London in autumn: 01:30 happens twice; the first (BST) is taken.
    let london = read(&calendar(&event(
        "DTSTART;TZID=Europe/London:20261025T013000\r\n",
    )));
    assert_eq!(
        london.rounds[0].start.map(|s| s.to_rfc3339()).as_deref(),
        Some("2026-10-25T01:30:00+01:00")
    );
}

#[test]
fn all_day_several_events_and_sequences() {
    let all_day = read(&calendar(&event(
        "DTSTART;VALUE=DATE:20260305\r\nSUMMARY:Onsite day\r\n",
    )));
    assert_eq!(all_day.form.rounds[0].date, "2026-03-05");
    assert_eq!(all_day.form.rounds[0].start, "");
    assert!(all_day.missing.iter().any(|m| m.contains("whole day")));

    let two = read(&calendar(&format!(
        "{}{}",
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260305T090000Z\r\nDTEND:20260305T100000Z\r\nSUMMARY:Technical interview\r\nEND:VEVENT\r\n",
        "BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20260305T110000Z\r\nDTEND:20260305T120000Z\r\nSUMMARY:Interview with the team (panel)\r\nEND:VEVENT\r\n"
    )));
    assert_eq!(two.form.rounds.len(), 2);
    assert_eq!(two.form.rounds[0].kind, RoundKind::Technical);
    assert_eq!(two.form.rounds[1].kind, RoundKind::Panel);

    // The same UID twice: the higher SEQUENCE wins whatever the order.
    let newer = read(&calendar(&format!(
        "{}{}",
        "BEGIN:VEVENT\r\nUID:x\r\nSEQUENCE:3\r\nDTSTART:20260306T090000Z\r\nEND:VEVENT\r\n",
        "BEGIN:VEVENT\r\nUID:x\r\nSEQUENCE:1\r\nDTSTART:20260305T090000Z\r\nEND:VEVENT\r\n"
    )));
    assert_eq!(newer.form.rounds.len(), 1);
    assert_eq!(newer.form.rounds[0].date, "2026-03-06");
}

#[test]
fn format_from_location() {
    let format = |location: &str| {
        read(&calendar(&event(&format!(
            "DTSTART:20260305T090000Z\r\nLOCATION:{location}\r\n"
        ))))
        .form
        .rounds[0]
            .format
    };
    assert_eq!(
        format("https://acme.zoom.us/j/123456789"),
        RoundFormat::Video
    );
    assert_eq!(format("tel:+4930123456789"), RoundFormat::Phone);
    assert_eq!(format("+44 20 7946 0958"), RoundFormat::Phone);
    assert_eq!(
        format("Acme\\, 12 Harbour Street\\, Bristol"),
        RoundFormat::InPerson
    );
}

#[test]
fn hostile_and_broken_files_are_refused_or_read_safely() {
    let ctx = context(&[]);
    let huge = "X".repeat(1_000_001);
    assert!(matches!(
        read_invitation(&huge, &ctx),
        Err(InviteError::TooLarge { .. })
    ));
    assert!(matches!(
        read_invitation_bytes(huge.as_bytes(), &ctx),
        Err(InviteError::TooLarge { .. })
    ));
    assert_eq!(
        read_invitation_bytes(&[0x89, b'P', b'N', b'G', 0, 0, 0xff, 0xfe], &ctx),
        Err(InviteError::NotText)
    );
    assert_eq!(read_invitation("   \n", &ctx), Err(InviteError::Empty));

    let far = read_invitation(&calendar(&event("DTSTART:99991231T100000Z\r\n")), &ctx);
    match far {
        Err(InviteError::NoUsableEvent(reason)) => assert!(reason.contains("9999"), "{reason}"),
        other => panic!("year 9999 must be refused, got {other:?}"),
    }
    assert!(far_message_is_plain());

    let script = read(&calendar(&event(
        "DTSTART:20260305T090000Z\r\nSUMMARY:<script>alert(1)</script> Engineer at Evil\u{7}\u{202E}Corp\r\n",
    )));
    assert!(
        script.rounds[0].title.contains("<script>"),
        "kept as plain text, never markup"
    );
    assert!(
        !script.rounds[0].title.contains('\u{7}') && !script.rounds[0].title.contains('\u{202E}')
    );

    let mut crowd = String::from("DTSTART:20260305T090000Z\r\n");
    for n in 0..10_000 {
        crowd.push_str(&format!(
            "ATTENDEE;CN=Person {n}:mailto:p{n}@crowd.example\r\n"
        ));
    }
    let crowd = read(&calendar(&event(&crowd)));
    assert_eq!(crowd.form.rounds[0].interviewers.len(), MAX_INTERVIEWERS);
    assert!(crowd.missing.iter().any(|m| m.contains("10000 people")));

    let cut = read(&GOOGLE[..GOOGLE.find("END:VEVENT").expect("fixture")]);
    assert!(cut.missing.iter().any(|m| m.contains("cut off")));
    assert_eq!(cut.form.rounds[0].start, "14:30");

    assert!(matches!(
        read_invitation("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", &ctx),
        Err(InviteError::NoUsableEvent(_))
    ));
}

fn far_message_is_plain() -> bool {
    let message = InviteError::NoUsableEvent(
        "the date is in the year 9999, which cannot be an interview.".into(),
    )
    .to_string();
    message.starts_with("No interview could be read")
}

#[test]
fn a_prefilled_form_saves_only_when_valid() {
    for fixture in [GOOGLE, OUTLOOK, APPLE] {
        let process = saved(fixture);
        assert_eq!(process.rounds.len(), 1);
        assert!(process.rounds[0].uid.is_some());
        assert!(!process.rounds[0].interviewers.is_empty());
    }
}

#[test]
fn the_round_uid_is_stored_and_older_data_without_it_still_loads() {
    let process = saved(GOOGLE);
    let text = process.to_text();
    assert!(text.contains("\"uid\":\"5k2q9v7h3m1n0p4r6t8wx0yz1a@google.com\""));
    let back = Process::from_text(&text).expect("readable");
    assert_eq!(back, process);
    let mut older = process.clone();
    older.rounds[0].uid = None;
    let text = older.to_text();
    assert!(!text.contains("uid"), "no uid key when there is none");
    let back = Process::from_text(&text).expect("readable");
    assert_eq!(back.rounds[0].uid, None);
}

#[test]
fn fields_each_fixture_fills() {
    let all = [
        "company",
        "role",
        "date",
        "start",
        "end",
        "zone",
        "format",
        "interviewers",
        "emails",
        "uid",
    ];
    for (name, fixture) in [("google", GOOGLE), ("outlook", OUTLOOK), ("apple", APPLE)] {
        let prefill = read(fixture);
        println!(
            "{name}: {:?}; missing: {:?}",
            prefill.filled_fields(),
            prefill.missing
        );
        assert_eq!(prefill.filled_fields(), all, "{name}");
        assert!(prefill.missing.is_empty(), "{name}: {:?}", prefill.missing);
        assert!(
            !prefill.needs_confirmation(),
            "{name}: company and role agree with the domain"
        );
    }
}
