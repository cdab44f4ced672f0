//! The stored format, byte for byte: representative data written today must give exactly the
//! golden files under `tests/fixtures/codec/` (written by earlier builds), and read back equal.
// Native tests: the browser build runs tests/browser.rs instead.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/synthetic.rs"]
mod synthetic;

use afterview::core::data::model::{
    ActionKey, ActionKind, Channel, Contact, ContactRole, Event, EventId, EventKind, IndustryPace,
    Interviewer, InterviewerId, PersonId, Process, ProcessId, ProcessStatus, Round, RoundFormat,
    RoundId, RoundKind,
};
use afterview::core::data::settings::{Settings, Theme, Tone, ZoneName, ZoneSetting};
use afterview::core::data::storage::{decode, encode, encode_pretty, AppData, Tombstone};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Weekday};

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("test time")
}

fn day(text: &str) -> NaiveDate {
    text.parse().expect("test day")
}

fn golden(name: &str) -> String {
    let path = format!("{}/tests/fixtures/codec/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("reading {path}: {error}"))
}

/// Text that needs every kind of escaping: quotes, backslashes, line breaks, tabs, other
/// control characters, accents, non-Latin scripts and characters outside the BMP.
const AWKWARD: &str =
    "Zoë \"Zee\" O'Brien \\ Ünïcødé\nsecond line\ttab\r\u{1}\u{1f}\u{7f} ✓ 日本 😀 </script>";

fn every_event_kind() -> Vec<Event> {
    let key = ActionKey {
        kind: ActionKind::ThankYou,
        round: Some(RoundId(1)),
        interviewer: Some(InterviewerId(2)),
    };
    let bare_key = ActionKey {
        kind: ActionKind::StatusInquiry,
        round: None,
        interviewer: None,
    };
    let kinds = [
        EventKind::MessageSent {
            message: ActionKind::ThankYou,
            channel: Channel::Linkedin,
            to: Some(InterviewerId(2)),
        },
        EventKind::MessageSent {
            message: ActionKind::StatusInquiry,
            channel: Channel::Email,
            to: None,
        },
        EventKind::MessageSent {
            message: ActionKind::OfferReply,
            channel: Channel::InPerson,
            to: None,
        },
        EventKind::ReplyReceived {
            from: Some(PersonId(5)),
        },
        EventKind::ReplyReceived { from: None },
        EventKind::DecisionDateGiven {
            date: day("2026-03-20"),
            from: Some(PersonId(5)),
        },
        EventKind::DecisionDateGiven {
            date: day("2026-03-21"),
            from: None,
        },
        EventKind::DocumentsRequested {
            what: AWKWARD.into(),
            deadline: Some(day("2026-03-12")),
            by: Some(InterviewerId(2)),
        },
        EventKind::DocumentsRequested {
            what: String::new(),
            deadline: None,
            by: None,
        },
        EventKind::UpdateRequested {
            by: Some(InterviewerId(2)),
        },
        EventKind::UpdateRequested { by: None },
        EventKind::Offer {
            deadline: Some(day("2026-04-01")),
            from: Some(PersonId(5)),
        },
        EventKind::Offer {
            deadline: None,
            from: None,
        },
        EventKind::CompetingOffer {
            deadline: Some(day("2026-04-02")),
        },
        EventKind::CompetingOffer { deadline: None },
        EventKind::Rejection {
            from: Some(PersonId(5)),
        },
        EventKind::Rejection { from: None },
        EventKind::Withdrawn,
        EventKind::MovedOn,
        EventKind::Snoozed {
            action: key,
            until: at("2026-03-06T09:00:00-05:00"),
        },
        EventKind::Snoozed {
            action: bare_key,
            until: at("2026-03-06T09:00:00.250Z"),
        },
        EventKind::Dismissed { action: key },
        EventKind::Dismissed { action: bare_key },
    ];
    kinds
        .into_iter()
        .enumerate()
        .map(|(index, kind)| {
            let index = index as u64;
            Event {
                id: EventId(10 + index),
                at: at("2026-03-04T10:00:00+01:00") + chrono::Duration::minutes(index as i64),
                round: (index % 2 == 0).then_some(RoundId(1)),
                kind,
                note: if index % 3 == 0 {
                    format!("note {index}: {AWKWARD}")
                } else {
                    String::new()
                },
            }
        })
        .collect()
}

/// One process with every optional field set, one with none, the example process.
fn processes() -> Vec<Process> {
    let full_interviewer = Interviewer {
        id: InterviewerId(2),
        name: AWKWARD.into(),
        title: "Head of Engineering".into(),
        email: "zoe@example.com".into(),
        linkedin: "linkedin.com/in/zoe".into(),
        discussed: "Rust, \"ownership\"\nand tests".into(),
        detail: "Café near the office".into(),
        to_tell: "I forgot: I speak Portuguese".into(),
        invited_call: true,
        spoke_by_phone: true,
    };
    let plain_interviewer = Interviewer {
        id: InterviewerId(3),
        name: "Sam".into(),
        ..Interviewer::default()
    };
    let full_round = Round {
        id: RoundId(1),
        kind: RoundKind::PhoneScreen,
        format: RoundFormat::InPerson,
        start: at("2026-03-03T14:00:00+01:00"),
        end: at("2026-03-03T15:30:00+01:00"),
        interviewers: vec![full_interviewer, plain_interviewer],
        notes: "Private: \u{e9}t\u{e9} \\ n".into(),
        uid: Some("abc-123@calendar.example".into()),
        zone: Some(ZoneName::parse("America/Argentina/Buenos_Aires").expect("zone")),
    };
    let plain_round = Round {
        id: RoundId(4),
        kind: RoundKind::Other,
        format: RoundFormat::Video,
        start: at("2026-03-10T09:00:00Z"),
        end: at("2026-03-10T10:00:00+00:00"),
        interviewers: Vec::new(),
        notes: String::new(),
        uid: None,
        zone: None,
    };
    let other_kinds = [
        RoundKind::Technical,
        RoundKind::Hr,
        RoundKind::Panel,
        RoundKind::Final,
    ];
    let more_rounds = other_kinds
        .into_iter()
        .enumerate()
        .map(|(index, kind)| Round {
            id: RoundId(20 + index as u64),
            kind,
            format: RoundFormat::Phone,
            start: at("2026-03-11T09:00:00.123456789-09:30"),
            end: at("2026-03-11T10:00:00.5+05:45"),
            interviewers: Vec::new(),
            notes: String::new(),
            uid: None,
            zone: None,
        });
    let contacts = [
        ContactRole::Recruiter,
        ContactRole::Hr,
        ContactRole::Coordinator,
        ContactRole::HiringManager,
        ContactRole::Other,
    ]
    .into_iter()
    .enumerate()
    .map(|(index, role)| Contact {
        id: PersonId(5 + index as u64),
        role,
        name: format!("Contact {index} – Ngô"),
        title: "Talent partner".into(),
        email: "c@example.com".into(),
        phone: "+351 21 000 0000".into(),
        linkedin: String::new(),
        invited_call: index == 1,
        spoke_by_phone: index == 2,
    })
    .collect();
    let full = Process {
        id: ProcessId(1),
        company: "Ácme \"Global\" GmbH".into(),
        role: "Senior engineer\\lead".into(),
        pace: IndustryPace::Traditional,
        status: ProcessStatus::Offer,
        rounds: std::iter::once(full_round)
            .chain(std::iter::once(plain_round))
            .chain(more_rounds)
            .collect(),
        contacts,
        point_of_contact: Some(PersonId(6)),
        events: every_event_kind(),
        job_url: "https://jobs.example.com/123?a=1&b=2".into(),
        applied_on: Some(day("2026-02-20")),
        notes: AWKWARD.into(),
        why_fit: "Shipped a \"zero-downtime\" migration".into(),
        revision: 7,
        updated_at: Some(at("2026-03-05T08:15:00+01:00")),
        sample: false,
    };
    let bare = Process::new(ProcessId(2), "", "");
    let statuses = [
        ProcessStatus::Active,
        ProcessStatus::Rejected,
        ProcessStatus::Withdrawn,
        ProcessStatus::MovedOn,
    ];
    let mut example = Process::new(ProcessId(9_007_199_254_740_991), "Example Co", "Analyst");
    example.sample = true;
    example.revision = 1;
    let mut list = vec![full, bare, example];
    list.extend(statuses.into_iter().enumerate().map(|(index, status)| {
        let mut process = Process::new(ProcessId(100 + index as u64), "Status", "Role");
        process.status = status;
        process
    }));
    list
}

fn settings(time_zone: ZoneSetting) -> Settings {
    Settings {
        name: AWKWARD.into(),
        signature: "Product designer · Lisbon\n+351 \"mobile\"".into(),
        email: "me@example.org".into(),
        phone: "+1 555".into(),
        linkedin: "linkedin.com/in/me".into(),
        time_zone,
        work_start: NaiveTime::from_hms_opt(8, 30, 0).expect("time"),
        work_end: NaiveTime::from_hms_opt(17, 45, 15).expect("time"),
        work_days: vec![Weekday::Mon, Weekday::Wed, Weekday::Sat, Weekday::Sun],
        holidays: vec![day("2026-12-25"), day("2027-01-01")],
        tone: Tone::Concise,
        theme: Theme::Dark,
        onboarded: true,
    }
}

/// Everything set: a named zone, tombstones, both optional timestamps.
fn full_data() -> AppData {
    AppData {
        settings: settings(ZoneSetting::Named {
            name: ZoneName::parse("Europe/Lisbon").expect("zone"),
        }),
        processes: processes(),
        settings_revision: 3,
        settings_updated_at: Some(at("2026-03-01T12:00:00-03:00")),
        tombstones: vec![
            Tombstone {
                id: ProcessId(50),
                revision: 4,
                deleted_at: at("2026-03-02T12:00:00Z"),
            },
            Tombstone {
                id: ProcessId(51),
                revision: 1,
                deleted_at: at("2026-03-02T12:00:00.001+14:00"),
            },
        ],
        last_export_at: Some(at("2026-03-04T18:00:00+01:00")),
    }
}

/// Each zone kind with the other settings left as they come, and nothing optional set.
fn small_data() -> Vec<(&'static str, AppData)> {
    vec![
        ("default.json", AppData::default()),
        (
            "fixed-zone.json",
            AppData {
                settings: Settings {
                    time_zone: ZoneSetting::Fixed {
                        offset_minutes: -570,
                    },
                    ..settings(ZoneSetting::Device)
                },
                ..AppData::default()
            },
        ),
        (
            "device-zone.json",
            AppData {
                settings: Settings {
                    tone: Tone::Warm,
                    theme: Theme::Light,
                    ..settings(ZoneSetting::Device)
                },
                ..AppData::default()
            },
        ),
        (
            "auto-theme.json",
            AppData {
                settings: Settings {
                    theme: Theme::Auto,
                    time_zone: ZoneSetting::Fixed { offset_minutes: 0 },
                    ..Settings::default()
                },
                ..AppData::default()
            },
        ),
    ]
}

fn saved_at() -> DateTime<FixedOffset> {
    at("2026-03-06T18:00:00+01:00")
}

#[test]
fn the_full_document_is_written_as_before_and_reads_back_equal() {
    let data = full_data();
    let compact = encode(&data, saved_at());
    assert_eq!(compact, golden("full.json").trim_end());
    let pretty = encode_pretty(&data, saved_at());
    assert_eq!(pretty, golden("full.pretty.json").trim_end());
    for text in [&compact, &pretty] {
        let envelope = decode(text).expect("readable");
        assert_eq!(envelope.data, data);
        assert_eq!(envelope.saved_at, saved_at());
        assert_eq!(envelope.saved_at.offset(), saved_at().offset());
    }
}

#[test]
fn small_documents_are_written_as_before_and_read_back_equal() {
    for (name, data) in small_data() {
        let compact = encode(&data, saved_at());
        assert_eq!(compact, golden(name).trim_end(), "{name}");
        let pretty = encode_pretty(&data, saved_at());
        let pretty_name = name.replace(".json", ".pretty.json");
        assert_eq!(pretty, golden(&pretty_name).trim_end(), "{pretty_name}");
        assert_eq!(decode(&compact).expect(name).data, data, "{name}");
        assert_eq!(decode(&pretty).expect(name).data, data, "{name}");
    }
}

/// A heavy user's data (as the synthetic backup example prints it) reads and writes back
/// to the same bytes.
#[test]
fn a_thousand_synthetic_processes_round_trip_byte_for_byte() {
    let now = saved_at();
    let data = AppData {
        settings: Settings {
            name: "Alex Morgan".into(),
            onboarded: true,
            ..Settings::default()
        },
        processes: synthetic::synthetic_processes(1000, now),
        ..AppData::default()
    };
    let text = encode(&data, now);
    let read = decode(&text).expect("readable");
    assert_eq!(read.data, data);
    assert_eq!(encode(&read.data, read.saved_at), text);
    let pretty = encode_pretty(&data, now);
    let read = decode(&pretty).expect("readable");
    assert_eq!(encode_pretty(&read.data, read.saved_at), pretty);
}

/// What older builds and hand edits leave: fields in another order, unknown fields (of every
/// kind, nested too), `null` for what is optional, a field written twice, whitespace.
#[test]
fn tolerant_reading_is_kept() {
    let text = r#" {
      "data": {
        "future": {"nested": [1, {"deep": null}], "flag": true},
        "processes": [{
          "role": "Analyst", "id": 3, "company": "Acme",
          "events": [
            {"note": "x", "channel": null, "message": "thank-you", "type": "message-sent",
             "at": "2026-03-04T10:00:00Z", "id": 1, "extra": [true, false, 1.5e3, "s"]},
            {"id": 2, "at": "2026-03-04 11:00:00+01:00", "type": "documents-requested",
             "what": null, "deadline": null, "by": null}
          ],
          "rounds": [{"id": 1, "start": "2026-03-03T14:00:00+01:00",
                      "end": "2026-03-03T15:00:00+01:00", "uid": null, "zone": null,
                      "interviewers": [{"name": "Sam"}, {}]}],
          "updated_at": null, "applied_on": null, "point_of_contact": null,
          "revision": 1, "revision": 4
        }],
        "settings": {"name": "Kim", "time_zone": {"offset_minutes": -60, "type": "fixed"}},
        "settings_updated_at": null, "last_export_at": null
      },
      "saved_at": "2026-03-06T18:00:00+01:00",
      "schema_version": 5,
      "unknown": "ignored"
    } "#;
    let data = decode(text).expect("readable").data;
    let process = &data.processes[0];
    assert_eq!(
        (process.id, process.company.as_str()),
        (ProcessId(3), "Acme")
    );
    assert_eq!(
        process.revision, 4,
        "a field written twice counts as its last value"
    );
    assert_eq!(process.status, ProcessStatus::Active);
    assert_eq!(process.updated_at, None);
    assert_eq!(
        process.events[0].kind,
        EventKind::MessageSent {
            message: ActionKind::ThankYou,
            channel: Channel::Email,
            to: None
        }
    );
    assert_eq!(
        process.events[1].kind,
        EventKind::DocumentsRequested {
            what: String::new(),
            deadline: None,
            by: None
        }
    );
    assert_eq!(process.events[1].at, at("2026-03-04T11:00:00+01:00"));
    let round = &process.rounds[0];
    assert_eq!(
        (round.kind, round.format),
        (RoundKind::Other, RoundFormat::Video)
    );
    assert_eq!(round.interviewers[0].name, "Sam");
    assert_eq!(round.interviewers[1], Interviewer::default());
    assert_eq!(data.settings.name, "Kim");
    assert_eq!(
        data.settings.time_zone,
        ZoneSetting::Fixed {
            offset_minutes: -60
        }
    );
    assert_eq!(data.settings.work_days, Settings::default().work_days);
    assert_eq!(data.settings_revision, 0);
}

/// A damaged record is refused with what is wrong, the field, and the place in the text.
#[test]
fn damaged_records_are_refused_with_the_field_and_place_named() {
    let document = |process: &str| {
        format!(
            "{{\"format\":\"afterview\",\"schema_version\":5,\"saved_at\":\"2026-03-06T18:00:00Z\",\n\"data\":{{\"processes\":[{process}]}}}}"
        )
    };
    let error = |process: &str| decode(&document(process)).unwrap_err().to_string();
    let message = error(r#"{"id":1,"company":"A"}"#);
    assert!(
        message.contains("missing field `role`, in data.processes[0] at line 2"),
        "{message}"
    );
    let message = error(r#"{"id":1,"company":"A","role":"B","revision":"2"}"#);
    assert!(
        message.contains("invalid type: a string, expected a whole number from 0, in data.processes[0].revision at line 2, column 66"),
        "{message}"
    );
    let message = error(
        r#"{"id":1,"company":"A","role":"B","events":[{"id":1,"at":"2026-03-04T10:00:00Z","type":"party"}]}"#,
    );
    assert!(message.contains("unknown variant `party`"), "{message}");
    assert!(
        message.contains("in data.processes[0].events[0].type"),
        "{message}"
    );
    let message = error(r#"{"id":1,"company":"A","role":"B","status":"paused"}"#);
    assert!(
        message.contains("unknown variant `paused`, expected one of `active`, `offer`, `rejected`, `withdrawn`, `moved-on`"),
        "{message}"
    );
    let message = error(r#"{"id":-1,"company":"A","role":"B"}"#);
    assert!(message.contains("invalid value: -1"), "{message}");
    let message = error(r#"{"id":1,"company":null,"role":"B"}"#);
    assert!(
        message.contains("invalid type: null, expected a string"),
        "{message}"
    );
}

/// The zone setting reads only the fields of its kind, as it always has.
#[test]
fn zone_settings_read_the_fields_of_their_kind() {
    let zone = |json: &str| {
        let text = format!(
            r#"{{"format":"afterview","schema_version":5,"saved_at":"2026-03-06T18:00:00Z","data":{{"settings":{{"time_zone":{json}}}}}}}"#
        );
        decode(&text).map(|envelope| envelope.data.settings.time_zone)
    };
    assert_eq!(
        zone(r#"{"type":"device","offset_minutes":"left over","name":7}"#),
        Ok(ZoneSetting::Device)
    );
    assert_eq!(
        zone(r#"{"name":" Europe/Paris ","type":"named"}"#),
        Ok(ZoneSetting::Named {
            name: ZoneName::parse("Europe/Paris").expect("zone")
        })
    );
    let refused = |json: &str| zone(json).unwrap_err().to_string();
    let message = refused(r#"{"type":"named","name":"Not a zone!"}"#);
    assert!(message.contains("is not a time zone name"), "{message}");
    assert!(
        message.contains("data.settings.time_zone.name"),
        "{message}"
    );
    let message = refused(r#"{"type":"fixed","offset_minutes":9999999999}"#);
    assert!(message.contains("time_zone.offset_minutes"), "{message}");
    assert!(refused(r#"{"type":"fixed"}"#).contains("missing field `offset_minutes`"));
    assert!(refused(r#"{"type":"moon"}"#).contains("unknown variant `moon`"));
    assert!(refused(r#"{"offset_minutes":60}"#).contains("missing field `type`"));
}
