//! Named time zones natively, with the rule table as resolver: planning across daylight-saving
//! changes, gaps and overlaps, the Settings zone field and a round's own zone.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use afterview::core::app::form::{blank_process, own_zone_placeholder, ProcessForm, RoundForm};
use afterview::core::app::settings_form::{
    parse_zone, unknown_zone_note, zone_offset_note, zone_text, SettingsEditor, SettingsField,
};
use afterview::core::data::model::{ActionKind, ProcessId};
use afterview::core::data::settings::{Settings, ZoneName, ZoneSetting};
use afterview::core::planning::action::Action;
use afterview::core::planning::calendar::resolve_local;
use afterview::core::planning::planner::plan;
use afterview::core::planning::zone::{round_time_label, NamedZone, UserZone};
use chrono::offset::MappedLocalTime;
use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone};
use common::{at, person, process_with_round};

fn name(text: &str) -> ZoneName {
    ZoneName::parse(text).expect("zone name")
}

fn named(text: &str) -> UserZone {
    UserZone::Named(NamedZone::resolve(name(text)).expect("a zone of the table"))
}

fn local(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("local time")
}

fn rfc(moment: DateTime<FixedOffset>) -> String {
    moment.to_rfc3339()
}

/// Plans one process (an hour-long round starting at `start`) at `now`, in `zone`.
fn plan_in(zone: UserZone, start: &str, now: &str) -> Vec<Action> {
    let process = process_with_round(
        1,
        "Brightline",
        "Analyst",
        start,
        vec![person(1, "Ana Ruiz", "Lead")],
    );
    let settings = Settings {
        time_zone: match zone.name() {
            Some(name) => ZoneSetting::Named { name },
            None => ZoneSetting::Device,
        },
        ..Settings::default()
    };
    plan(&[process], &settings, &at(now).with_timezone(&zone))
}

fn first(actions: &[Action], kind: ActionKind) -> &Action {
    actions
        .iter()
        .find(|a| a.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} in {actions:?}"))
}

#[test]
fn berlin_inquiry_opens_at_nine_in_summer_time_after_the_spring_change() {
    // Thursday 26 March 2026 at 10:00 in Berlin (+01:00); clocks go forward on Sunday 29 March.
    let actions = plan_in(
        named("Europe/Berlin"),
        "2026-03-26T10:00:00+01:00",
        "2026-03-26T18:00:00+01:00",
    );
    let thanks = first(&actions, ActionKind::ThankYou);
    assert_eq!(rfc(thanks.earliest), "2026-03-26T13:00:00+01:00");
    // Five business days later is Thursday 2 April, opening at 09:00 summer time.
    let inquiry = first(&actions, ActionKind::StatusInquiry);
    assert_eq!(rfc(inquiry.earliest), "2026-04-02T09:00:00+02:00");

    // A fixed +01:00 reads the same wall time an hour later in UTC terms.
    let fixed = plan_in(
        UserZone::Fixed(FixedOffset::east_opt(3600).expect("offset")),
        "2026-03-26T10:00:00+01:00",
        "2026-03-26T18:00:00+01:00",
    );
    let fixed_inquiry = first(&fixed, ActionKind::StatusInquiry);
    assert_eq!(rfc(fixed_inquiry.earliest), "2026-04-02T09:00:00+01:00");
    assert_eq!(
        (fixed_inquiry.earliest - inquiry.earliest).num_minutes(),
        60
    );
}

#[test]
fn new_york_inquiry_falls_back_to_standard_time() {
    // Wednesday 28 October 2026, 11:00 Eastern daylight time; clocks go back on 1 November.
    let actions = plan_in(
        named("America/New_York"),
        "2026-10-28T11:00:00-04:00",
        "2026-10-28T15:00:00-04:00",
    );
    let inquiry = first(&actions, ActionKind::StatusInquiry);
    assert_eq!(rfc(inquiry.earliest), "2026-11-04T09:00:00-05:00");
}

#[test]
fn sydney_leaves_summer_time_in_april() {
    // Southern hemisphere: daylight time ends on Sunday 5 April 2026.
    let actions = plan_in(
        named("Australia/Sydney"),
        "2026-04-01T10:00:00+11:00",
        "2026-04-01T15:00:00+11:00",
    );
    let inquiry = first(&actions, ActionKind::StatusInquiry);
    assert_eq!(rfc(inquiry.earliest), "2026-04-08T09:00:00+10:00");
    let thanks = first(&actions, ActionKind::ThankYou);
    assert_eq!(rfc(thanks.earliest), "2026-04-01T13:00:00+11:00");
}

#[test]
fn a_named_zone_plans_like_the_device_zone_when_they_agree() {
    // Natively the device zone follows the TZ the tests run under, so compare a named zone
    // with the same zone read through the table twice: once by name, once as the device.
    afterview::core::planning::zone::set_device_zone(Some(name("Europe/Berlin")));
    let device = UserZone::from_setting(ZoneSetting::Device);
    afterview::core::planning::zone::set_device_zone(None);
    assert_eq!(device, named("Europe/Berlin"));
    let by_name = plan_in(
        named("Europe/Berlin"),
        "2026-03-26T10:00:00+01:00",
        "2026-03-26T18:00:00+01:00",
    );
    let by_device = plan_in(
        device,
        "2026-03-26T10:00:00+01:00",
        "2026-03-26T18:00:00+01:00",
    );
    let dues = |actions: &[Action]| actions.iter().map(|a| rfc(a.due)).collect::<Vec<_>>();
    assert_eq!(dues(&by_name), dues(&by_device));
    assert!(!by_name.is_empty());
}

#[test]
fn gaps_and_overlaps_in_a_named_zone() {
    let berlin = named("Europe/Berlin");
    // 02:30 on 29 March 2026 does not exist in Berlin.
    assert!(matches!(
        berlin.from_local_datetime(&local("2026-03-29 02:30")),
        MappedLocalTime::None
    ));
    // The planner moves a time in the gap to the first valid time after it.
    let moved = resolve_local(&berlin, local("2026-03-29 02:30"), false);
    assert_eq!(
        moved.fixed_offset().to_rfc3339(),
        "2026-03-29T03:00:00+02:00"
    );
    // 02:30 on 25 October 2026 happens twice: first at +02:00, then at +01:00.
    match berlin.from_local_datetime(&local("2026-10-25 02:30")) {
        MappedLocalTime::Ambiguous(first, second) => {
            assert_eq!(
                first.fixed_offset().to_rfc3339(),
                "2026-10-25T02:30:00+02:00"
            );
            assert_eq!(
                second.fixed_offset().to_rfc3339(),
                "2026-10-25T02:30:00+01:00"
            );
        }
        other => panic!("expected two readings, got {other:?}"),
    }
    // Ordinary times have one reading, in the right offset for their season.
    let summer = berlin
        .from_local_datetime(&local("2026-07-01 12:00"))
        .single();
    assert_eq!(
        summer.map(|m| m.fixed_offset().to_rfc3339()).as_deref(),
        Some("2026-07-01T12:00:00+02:00")
    );
    let new_york = named("America/New_York");
    assert!(matches!(
        new_york.from_local_datetime(&local("2026-03-08 02:15")),
        MappedLocalTime::None
    ));
    assert!(matches!(
        new_york.from_local_datetime(&local("2026-11-01 01:30")),
        MappedLocalTime::Ambiguous(_, _)
    ));
    let sydney = named("Australia/Sydney");
    assert!(matches!(
        sydney.from_local_datetime(&local("2026-10-04 02:30")),
        MappedLocalTime::None
    ));
    assert!(matches!(
        sydney.from_local_datetime(&local("2026-04-05 02:30")),
        MappedLocalTime::Ambiguous(_, _)
    ));
}

fn round_form(date: &str, start: &str, end: &str, zone: &str) -> ProcessForm {
    ProcessForm {
        company: "Brightline".into(),
        role: "Analyst".into(),
        rounds: vec![RoundForm {
            date: date.into(),
            start: start.into(),
            end: end.into(),
            zone: zone.into(),
            ..RoundForm::default()
        }],
        ..ProcessForm::default()
    }
}

#[test]
fn a_round_in_its_own_zone_reads_its_times_there_and_keeps_the_name() {
    let user = named("Europe/Berlin");
    let form = round_form("2026-03-31", "10:00", "11:00", "america/new_york");
    let process = form
        .to_process(&blank_process(ProcessId(3)), &user)
        .expect("valid");
    let round = &process.rounds[0];
    assert_eq!(round.start.to_rfc3339(), "2026-03-31T10:00:00-04:00");
    assert_eq!(round.end.to_rfc3339(), "2026-03-31T11:00:00-04:00");
    assert_eq!(
        round.zone,
        Some(name("America/New_York")),
        "the table's spelling"
    );

    // Edited again, the form shows the zone and the times as typed.
    let again = ProcessForm::from_process(&process);
    assert_eq!(again.rounds[0].zone, "America/New_York");
    assert_eq!(again.rounds[0].start, "10:00");

    // Empty: the user's zone, no name kept.
    let own = round_form("2026-03-31", "10:00", "11:00", "")
        .to_process(&blank_process(ProcessId(3)), &user)
        .expect("valid");
    assert_eq!(
        own.rounds[0].start.to_rfc3339(),
        "2026-03-31T10:00:00+02:00"
    );
    assert_eq!(own.rounds[0].zone, None);

    // The empty field says what it stands for.
    assert_eq!(
        own_zone_placeholder(ZoneSetting::Named {
            name: name("Europe/Berlin")
        }),
        "Your zone: Europe/Berlin"
    );
    assert_eq!(
        own_zone_placeholder(ZoneSetting::Fixed {
            offset_minutes: 120
        }),
        "Your zone: UTC+02:00 (fixed)"
    );

    // Unknown: a message on the zone field, nothing saved.
    let errors = round_form("2026-03-31", "10:00", "11:00", "Atlantis/Capital")
        .to_process(&blank_process(ProcessId(3)), &user)
        .expect_err("refused");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "rounds.0.zone");
    assert!(
        errors[0].message.contains("Atlantis/Capital"),
        "{}",
        errors[0].message
    );
}

#[test]
fn the_thank_you_of_a_round_abroad_is_due_in_the_users_zone() {
    // Interview in New York 10:00-11:00 (15:00-16:00 UTC); the user plans in Berlin.
    let user = named("Europe/Berlin");
    let process = round_form("2026-06-02", "10:00", "11:00", "America/New_York")
        .to_process(&blank_process(ProcessId(1)), &user)
        .expect("valid");
    let settings = Settings {
        time_zone: ZoneSetting::Named {
            name: name("Europe/Berlin"),
        },
        ..Settings::default()
    };
    let mut process = process;
    process.rounds[0]
        .interviewers
        .push(person(1, "Ana Ruiz", "Lead"));
    let now = at("2026-06-02T19:00:00+02:00").with_timezone(&user);
    let actions = plan(&[process], &settings, &now);
    let thanks = first(&actions, ActionKind::ThankYou);
    // It ends at 11:00 in New York (15:00 UTC, 17:00 in Berlin); the window opens two hours later.
    assert_eq!(rfc(thanks.earliest), "2026-06-02T19:00:00+02:00");
}

#[test]
fn the_settings_zone_field_reads_every_kind_of_zone() {
    assert_eq!(parse_zone("device"), Ok(ZoneSetting::Device));
    assert_eq!(
        parse_zone("Device zone (Europe/Paris)"),
        Ok(ZoneSetting::Device)
    );
    assert_eq!(
        parse_zone("  europe/berlin "),
        Ok(ZoneSetting::Named {
            name: name("Europe/Berlin")
        })
    );
    assert_eq!(
        parse_zone("UTC+05:30 (fixed)"),
        Ok(ZoneSetting::Fixed {
            offset_minutes: 330
        })
    );
    assert_eq!(
        parse_zone("UTC-03:00"),
        Ok(ZoneSetting::Fixed {
            offset_minutes: -180
        })
    );
    // The minutes older forms wrote still read.
    assert_eq!(
        parse_zone("120"),
        Ok(ZoneSetting::Fixed {
            offset_minutes: 120
        })
    );
    assert_eq!(
        parse_zone("UTC"),
        Ok(ZoneSetting::Named { name: name("UTC") })
    );
    for bad in ["", "Mars/Olympus", "Europe/Pariss", "<b>", "UTC+15:00"] {
        let message = parse_zone(bad).expect_err(bad);
        assert!(!message.is_empty());
    }
    assert!(parse_zone("Europe/Pariss")
        .expect_err("unknown")
        .contains("Europe/Pariss"));

    // Each setting's text reads back as the same setting.
    for setting in [
        ZoneSetting::Device,
        ZoneSetting::Named {
            name: name("America/Chicago"),
        },
        ZoneSetting::Fixed {
            offset_minutes: -570,
        },
    ] {
        assert_eq!(parse_zone(&zone_text(setting)), Ok(setting), "{setting:?}");
    }
    assert_eq!(
        zone_offset_note("Europe/Berlin", local("2026-07-01 12:00")).as_deref(),
        Some("Now UTC+02:00")
    );
    assert_eq!(
        zone_offset_note("Australia/Sydney", local("2026-07-01 12:00")).as_deref(),
        Some("Now UTC+10:00")
    );
    assert_eq!(
        zone_offset_note("Nowhere/Land", local("2026-07-01 12:00")),
        None
    );
}

#[test]
fn a_saved_zone_this_browser_does_not_know_is_named_in_a_warning() {
    let unknown = ZoneSetting::Named {
        name: name("America/Nuuk"),
    };
    let note = unknown_zone_note(unknown).expect("a warning");
    assert!(
        note.contains("America/Nuuk") && note.contains("device zone"),
        "{note}"
    );
    assert_eq!(UserZone::from_setting(unknown), UserZone::device());
    for known in [
        ZoneSetting::Device,
        ZoneSetting::Named {
            name: name("Europe/Lisbon"),
        },
        ZoneSetting::Fixed { offset_minutes: 0 },
    ] {
        assert_eq!(unknown_zone_note(known), None, "{known:?}");
    }
}

#[test]
fn an_unknown_zone_is_not_saved_and_says_why() {
    let settings = Settings::default();
    let mut editor = SettingsEditor::new(&settings);
    editor.draft.zone = "Europe/Atlantis".into();
    editor.touch(SettingsField::Zone);
    assert_eq!(editor.to_save, None, "nothing to save");
    let message = editor.error(SettingsField::Zone).expect("a message");
    assert!(message.contains("Europe/Atlantis"), "{message}");

    editor.draft.zone = "America/Denver".into();
    editor.refresh();
    assert_eq!(editor.error(SettingsField::Zone), None);
    assert_eq!(
        editor.to_save.map(|s| s.time_zone),
        Some(ZoneSetting::Named {
            name: name("America/Denver")
        })
    );
}

/// Runs the command-line planner on a backup whose settings use `zone`.
fn plan_cli(zone: &str) -> std::process::Output {
    use std::io::Write;
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/storage/v4.json"
    );
    let mut document: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("json");
    // Named zones exist from version 5 on.
    document["schema_version"] = 5.into();
    document["data"]["settings"]["time_zone"] = serde_json::from_str(zone).expect("zone json");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_afterview-plan"))
        .args(["--now", "2026-06-10T18:00:00+02:00"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the planner runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(document.to_string().as_bytes())
        .expect("write");
    child.wait_with_output().expect("output")
}

#[test]
fn the_command_line_plans_in_a_named_zone_of_its_table() {
    let output = plan_cli(r#"{"type":"named","name":"America/New_York"}"#);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let plan: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json plan");
    // 18:00 in Paris summer time is 12:00 in New York summer time.
    assert_eq!(plan["now"], "2026-06-10T12:00:00-04:00");
    let due = plan["actions"][0]["due"].as_str().expect("a due time");
    assert!(due.ends_with("-04:00"), "{due}");

    let unknown = plan_cli(r#"{"type":"named","name":"Asia/Jakarta"}"#);
    assert_eq!(unknown.status.code(), Some(2));
    let message = String::from_utf8_lossy(&unknown.stderr);
    assert!(message.contains("Asia/Jakarta"), "{message}");
    assert!(
        message.contains("Europe/Berlin"),
        "the message lists the table: {message}"
    );
}

#[test]
fn a_round_abroad_names_its_zone_and_the_users_own_times_on_its_page() {
    let start = DateTime::parse_from_rfc3339("2026-11-19T14:00:00+00:00").expect("time");
    let end = DateTime::parse_from_rfc3339("2026-11-19T15:00:00+00:00").expect("time");
    let london = Some(name("Europe/London"));
    assert_eq!(
        round_time_label(start, end, london, named("America/New_York")),
        "Thu 19 Nov, 14:00–15:00 Europe/London time (09:00–10:00 your time)"
    );
    // At home it reads as local, and so does a zone that shares the offset that day.
    assert_eq!(
        round_time_label(start, end, london, named("Europe/London")),
        "Thu 19 Nov, 14:00–15:00"
    );
    assert_eq!(
        round_time_label(
            start,
            end,
            None,
            UserZone::Fixed(FixedOffset::east_opt(0).expect("utc"))
        ),
        "Thu 19 Nov, 14:00–15:00"
    );
    // Across midnight the user's day is named too.
    let late = DateTime::parse_from_rfc3339("2026-11-19T09:00:00+09:00").expect("time");
    let late_end = DateTime::parse_from_rfc3339("2026-11-19T10:00:00+09:00").expect("time");
    assert_eq!(
        round_time_label(
            late,
            late_end,
            Some(name("Asia/Tokyo")),
            named("America/New_York")
        ),
        "Thu 19 Nov, 09:00–10:00 Asia/Tokyo time (Wed 18 Nov, 19:00–20:00 your time)"
    );
    // An offset typed without a zone name is shown as that offset.
    let fixed = DateTime::parse_from_rfc3339("2026-11-19T14:00:00+05:30").expect("time");
    let fixed_end = DateTime::parse_from_rfc3339("2026-11-19T15:00:00+05:30").expect("time");
    assert_eq!(
        round_time_label(fixed, fixed_end, None, named("Europe/Berlin")),
        "Thu 19 Nov, 14:00–15:00 UTC+05:30 time (09:30–10:30 your time)"
    );
}
