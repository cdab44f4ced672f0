//! Envelope, migrations, loading outcomes, key names and the two-tab merge.
// Native tests: the browser build runs tests/browser.rs instead.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use afterview::core::data::json::{self, Stored};
use afterview::core::data::model::{
    ActionKey, ActionKind, Channel, EventKind, InterviewerId, PersonId, Process, ProcessId,
    ProcessStatus,
};
use afterview::core::data::settings::{Tone, ZoneName, ZoneSetting};
use afterview::core::data::storage::{
    data_key, decode, decode_document, encode, is_quarantine_key, load, load_current, merge,
    quarantine_key, AppData, DecodeError, LoadOutcome, Tombstone, MIGRATIONS, SCHEMA_VERSION,
};
use afterview::core::planning::planner::plan;
use afterview::core::planning::zone::UserZone;
use common::at;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/storage/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("reading {path}: {error}"))
}

fn process(id: u64, company: &str, revision: u64, updated: &str) -> Process {
    let mut process = Process::new(ProcessId(id), company, "Analyst");
    process.revision = revision;
    process.updated_at = Some(at(updated));
    process
}

#[test]
fn migration_list_is_contiguous_and_ends_at_the_current_version() {
    for (index, step) in MIGRATIONS.iter().enumerate() {
        assert_eq!(step.from_version as usize, index + 1, "{}", step.summary);
    }
    assert_eq!(MIGRATIONS.len() as u32 + 1, SCHEMA_VERSION);
}

#[test]
fn version_1_fixture_migrates_to_version_2() {
    let decoded = decode_document(&fixture("v1.json")).expect("v1 fixture decodes");
    assert_eq!(decoded.from_version, 1);
    assert_eq!(decoded.envelope.schema_version, SCHEMA_VERSION);
    let data = decoded.envelope.data;

    // Settings survive and start at revision 1.
    assert_eq!(data.settings.name, "Dana Example");
    assert_eq!(data.settings.tone, Tone::Concise);
    assert_eq!(data.settings_revision, 1);
    assert!(data.tombstones.is_empty());

    // A process never edited gets revision 1 and the envelope's save time.
    let first = data.process(ProcessId(1)).expect("process 1");
    assert_eq!(first.revision, 1);
    assert_eq!(first.updated_at, Some(at("2025-03-10T18:30:00+01:00")));
    assert_eq!(first.rounds.len(), 1);
    assert_eq!(first.rounds[0].interviewers[0].name, "Sam Lee");
    assert_eq!(first.events.len(), 1);

    // A process that already had bookkeeping keeps it.
    let second = data.process(ProcessId(2)).expect("process 2");
    assert_eq!(second.revision, 3);
    assert_eq!(second.updated_at, Some(at("2025-03-08T12:00:00+01:00")));
    assert_eq!(second.status, ProcessStatus::Rejected);
}

#[test]
fn version_2_fixture_keeps_inquiry_snoozes_and_finds_the_recruiter() {
    let decoded = decode_document(&fixture("v2.json")).expect("v2 fixture decodes");
    assert_eq!(decoded.from_version, 2);
    let data = decoded.envelope.data;
    let process = data.process(ProcessId(1)).expect("process 1");
    assert!(process.contacts.is_empty());
    assert_eq!(
        process.point_of_contact, None,
        "nothing is chosen for the user"
    );
    // The talent acquisition partner is recorded as an interviewer, unchanged, and is
    // the point of contact by default.
    assert_eq!(
        process.rounds[0].interviewers[1].title,
        "Talent acquisition partner"
    );
    assert_eq!(process.effective_point_of_contact(), Some(PersonId(3)));

    let marks: Vec<ActionKey> = process
        .events
        .iter()
        .filter_map(|event| match &event.kind {
            EventKind::Snoozed { action, .. } | EventKind::Dismissed { action } => Some(*action),
            _ => None,
        })
        .collect();
    // The inquiry's snooze no longer names the first interviewer; other keys are untouched.
    assert_eq!(marks[0].kind, ActionKind::StatusInquiry);
    assert_eq!(marks[0].interviewer, None);
    assert_eq!(marks[1].kind, ActionKind::LinkedinConnect);
    assert_eq!(marks[1].interviewer, Some(InterviewerId(2)));

    // Planned after the migration: the snooze still holds and the recruiter receives it,
    // by phone because she already spoke with the user by phone.
    let now = at("2025-03-11T09:00:00+01:00");
    let actions = plan(&data.processes, &data.settings, &now);
    let inquiry = actions
        .iter()
        .find(|action| action.kind == ActionKind::StatusInquiry)
        .expect("inquiry planned");
    assert_eq!(inquiry.due, at("2025-03-13T10:00:00+01:00"));
    assert_eq!(inquiry.recipient.map(|r| r.person), Some(PersonId(3)));
    assert_eq!(inquiry.channel, Channel::Phone);
    assert_eq!(
        inquiry.recipient.map(|r| r.reason(process)).as_deref(),
        Some("your recruiter, your point of contact")
    );
}

#[test]
fn loading_the_version_1_fixture_asks_for_a_write_back() {
    let text = fixture("v1.json");
    match load(Some(&text)) {
        LoadOutcome::Migrated { data, from_version } => {
            assert_eq!(from_version, 1);
            assert_eq!(data.processes.len(), 2);
            // Writing back and loading again is a plain load with the same data.
            let rewritten = encode(&data, at("2025-03-11T08:00:00Z"));
            assert_eq!(load(Some(&rewritten)), LoadOutcome::Loaded(data));
        }
        other => panic!("expected a migration, got {other:?}"),
    }
}

#[test]
fn encode_then_decode_is_identity() {
    let mut data = AppData::default();
    data.save_process(
        process(1, "Contoso", 0, "2025-01-01T00:00:00Z"),
        at("2025-02-01T10:00:00+02:00"),
    );
    data.delete_process(ProcessId(1), at("2025-02-02T10:00:00Z"));
    data.save_process(
        process(2, "Litware", 4, "2025-01-01T00:00:00Z"),
        at("2025-02-03T10:00:00Z"),
    );
    data.last_export_at = Some(at("2025-02-04T00:00:00Z"));
    let saved_at = at("2025-02-05T09:15:00-05:00");
    let envelope = decode(&encode(&data, saved_at)).expect("decodes");
    assert_eq!(envelope.data, data);
    assert_eq!(envelope.saved_at, saved_at);
    assert_eq!(envelope.schema_version, SCHEMA_VERSION);
}

#[test]
fn load_distinguishes_empty_unreadable_and_too_new() {
    assert_eq!(load(None), LoadOutcome::Empty);
    assert_eq!(load(Some("  \n")), LoadOutcome::Empty);

    match load(Some(
        "{\"format\":\"afterview\",\"schema_version\":2,\"saved_at\":",
    )) {
        LoadOutcome::Unreadable { raw, error } => {
            assert!(raw.ends_with("\"saved_at\":"), "raw text is kept verbatim");
            assert!(matches!(error, DecodeError::Malformed(_)));
        }
        other => panic!("expected unreadable, got {other:?}"),
    }
    assert!(matches!(
        load(Some("[1, 2, 3]")),
        LoadOutcome::Unreadable {
            error: DecodeError::NotAfterview,
            ..
        }
    ));
    assert!(matches!(
        load(Some("{\"format\":\"other-app\",\"schema_version\":1}")),
        LoadOutcome::Unreadable {
            error: DecodeError::NotAfterview,
            ..
        }
    ));

    let newer = r#"{"format":"afterview","schema_version":99,"saved_at":"2030-01-01T00:00:00Z",
        "data":{"processes":[{"id":7,"company":"Future Co","role":"Pilot","hologram":true}],
                "brand_new_field":{"x":1}}}"#;
    match load(Some(newer)) {
        LoadOutcome::TooNew { found, data } => {
            assert_eq!(found, 99);
            let data = data.expect("known fields are still readable");
            assert_eq!(data.processes[0].company, "Future Co");
        }
        other => panic!("expected too new, got {other:?}"),
    }
    match load(Some(
        r#"{"format":"afterview","schema_version":99,"data":"opaque"}"#,
    )) {
        LoadOutcome::TooNew {
            found: 99,
            data: None,
        } => {}
        other => panic!("expected too new without data, got {other:?}"),
    }
}

#[test]
fn key_names_are_namespaced_and_quarantine_keys_are_distinct() {
    assert_eq!(data_key(""), "afterview:data");
    assert_eq!(data_key("careers-page"), "afterview:careers-page:data");
    // Characters that could collide with the separator are dropped.
    assert_eq!(data_key("a:b c"), "afterview:abc:data");
    let first = quarantine_key("x", at("2025-05-01T10:00:00+02:00"));
    let second = quarantine_key("x", at("2025-05-01T10:00:00.001+02:00"));
    assert_eq!(first, "afterview:x:quarantine:20250501T080000.000Z");
    assert_ne!(first, second);
    assert!(is_quarantine_key("x", &first));
    assert!(!is_quarantine_key("y", &first));
    assert!(!is_quarantine_key("x", &data_key("x")));
}

#[test]
fn save_and_delete_keep_revisions_moving_forward() {
    let mut data = AppData::default();
    data.save_process(
        Process::new(ProcessId(1), "Contoso", "Analyst"),
        at("2025-01-01T00:00:00Z"),
    );
    assert_eq!(data.processes[0].revision, 1);
    let mut edited = data.processes[0].clone();
    edited.role = "Senior analyst".into();
    data.save_process(edited, at("2025-01-02T00:00:00Z"));
    assert_eq!(data.processes.len(), 1);
    assert_eq!(data.processes[0].revision, 2);
    assert!(data.delete_process(ProcessId(1), at("2025-01-03T00:00:00Z")));
    assert!(!data.delete_process(ProcessId(1), at("2025-01-03T00:00:00Z")));
    assert_eq!(
        data.tombstones,
        vec![Tombstone {
            id: ProcessId(1),
            revision: 3,
            deleted_at: at("2025-01-03T00:00:00Z")
        }]
    );
    // A deleted id is never handed out again.
    assert_eq!(data.next_process_id(), ProcessId(2));
}

#[test]
fn merge_keeps_an_edit_against_a_stale_write_from_another_tab() {
    let mut base = AppData::default();
    base.save_process(
        process(1, "Contoso", 0, "2025-01-01T00:00:00Z"),
        at("2025-01-01T00:00:00Z"),
    );
    base.save_process(
        process(2, "Litware", 0, "2025-01-01T00:00:00Z"),
        at("2025-01-01T00:00:00Z"),
    );

    // Tab A edits process 1; tab B, still holding the base, edits process 2.
    let mut tab_a = base.clone();
    let mut edited = tab_a.processes[0].clone();
    edited.status = ProcessStatus::Offer;
    tab_a.save_process(edited, at("2025-01-02T09:00:00Z"));
    let mut tab_b = base.clone();
    let mut other = tab_b.processes[1].clone();
    other.notes = "Call back Friday".into();
    tab_b.save_process(other, at("2025-01-02T09:05:00Z"));

    let merged = merge(&tab_b, &tab_a);
    assert_eq!(
        merged,
        merge(&tab_a, &tab_b),
        "order of the copies does not matter"
    );
    assert_eq!(
        merged.process(ProcessId(1)).map(|p| p.status),
        Some(ProcessStatus::Offer)
    );
    assert_eq!(
        merged.process(ProcessId(2)).map(|p| p.notes.as_str()),
        Some("Call back Friday")
    );
}

#[test]
fn merge_on_equal_revisions_prefers_the_later_edit_then_is_still_deterministic() {
    let mut earlier = AppData::default();
    earlier
        .processes
        .push(process(1, "Contoso", 2, "2025-01-02T09:00:00Z"));
    let mut later = AppData::default();
    later
        .processes
        .push(process(1, "Contoso Ltd", 2, "2025-01-02T10:00:00+00:00"));
    assert_eq!(merge(&earlier, &later).processes[0].company, "Contoso Ltd");
    assert_eq!(merge(&later, &earlier).processes[0].company, "Contoso Ltd");

    // Full tie: both orders agree on one of the two.
    let mut twin = AppData::default();
    twin.processes
        .push(process(1, "Contoso GmbH", 2, "2025-01-02T10:00:00Z"));
    assert_eq!(merge(&later, &twin), merge(&twin, &later));
}

#[test]
fn a_stale_tab_does_not_resurrect_a_deleted_process() {
    let mut base = AppData::default();
    base.save_process(
        process(1, "Contoso", 0, "2025-01-01T00:00:00Z"),
        at("2025-01-01T00:00:00Z"),
    );
    let stale = base.clone();
    let mut deleting = base.clone();
    deleting.delete_process(ProcessId(1), at("2025-01-05T00:00:00Z"));

    for merged in [merge(&stale, &deleting), merge(&deleting, &stale)] {
        assert!(merged.processes.is_empty());
        assert_eq!(merged.tombstones.len(), 1);
    }
}

#[test]
fn an_edit_made_after_the_deletion_was_seen_wins_over_the_tombstone() {
    let mut base = AppData::default();
    base.save_process(
        process(1, "Contoso", 0, "2025-01-01T00:00:00Z"),
        at("2025-01-01T00:00:00Z"),
    );
    let mut deleting = base.clone();
    deleting.delete_process(ProcessId(1), at("2025-01-05T00:00:00Z"));
    // The other tab edited twice: its revision passes the tombstone's.
    let mut editing = base.clone();
    for day in ["2025-01-03T00:00:00Z", "2025-01-04T00:00:00Z"] {
        let mut again = editing.processes[0].clone();
        again.notes.push('+');
        editing.save_process(again, at(day));
    }
    let merged = merge(&deleting, &editing);
    assert_eq!(merged, merge(&editing, &deleting));
    assert_eq!(merged.processes.len(), 1);
    assert!(merged.tombstones.is_empty());

    // Concurrent single edit vs delete at the same revision: the later change wins.
    let mut one_edit = base.clone();
    let mut changed = one_edit.processes[0].clone();
    changed.notes = "late edit".into();
    one_edit.save_process(changed, at("2025-01-06T00:00:00Z"));
    assert_eq!(merge(&deleting, &one_edit).processes.len(), 1);
    let mut early_edit = base.clone();
    let mut changed = early_edit.processes[0].clone();
    changed.notes = "early edit".into();
    early_edit.save_process(changed, at("2025-01-04T00:00:00Z"));
    assert!(merge(&deleting, &early_edit).processes.is_empty());
}

#[test]
fn merge_takes_the_settings_with_the_higher_revision() {
    let mut mine = AppData::default();
    let mut theirs = AppData::default();
    let mut named = mine.settings.clone();
    named.name = "Dana".into();
    mine.update_settings(named, at("2025-01-01T00:00:00Z"));
    let mut renamed = theirs.settings.clone();
    renamed.name = "Dana Example".into();
    theirs.update_settings(renamed.clone(), at("2025-01-01T00:00:00Z"));
    theirs.update_settings(renamed, at("2025-01-02T00:00:00Z"));
    theirs.last_export_at = Some(at("2025-01-02T00:00:00Z"));
    let merged = merge(&mine, &theirs);
    assert_eq!(merged.settings.name, "Dana Example");
    assert_eq!(merged.settings_revision, 2);
    assert_eq!(merged.last_export_at, theirs.last_export_at);
    assert_eq!(merged, merge(&theirs, &mine));
}

/// A stored document whose settings are `settings` (JSON), otherwise empty.
fn document_with_settings(settings: &str) -> String {
    format!(
        "{{\"format\":\"afterview\",\"schema_version\":{SCHEMA_VERSION},\"saved_at\":\"2025-03-01T00:00:00Z\",\"data\":{{\"settings\":{settings}}}}}"
    )
}

#[test]
fn settings_that_cannot_be_planned_with_are_refused_with_a_message() {
    use afterview::core::data::backup::{parse_backup, ImportError};
    let cases = [
        (
            r#"{"time_zone":{"type":"fixed","offset_minutes":1440}}"#,
            "1440 minutes from UTC",
        ),
        (
            r#"{"time_zone":{"type":"fixed","offset_minutes":100000}}"#,
            "100000 minutes from UTC",
        ),
        (
            r#"{"time_zone":{"type":"fixed","offset_minutes":-1081}}"#,
            "-1081 minutes from UTC",
        ),
        (
            r#"{"work_start":"18:00:00","work_end":"09:00:00"}"#,
            "starts at 18:00 and ends at 09:00",
        ),
        (r#"{"work_days":[]}"#, "no day of the week"),
    ];
    for (settings, words) in cases {
        let text = document_with_settings(settings);
        match load(Some(&text)) {
            LoadOutcome::Unreadable {
                raw,
                error: DecodeError::OutOfRange(problem),
            } => {
                assert_eq!(raw, text);
                assert!(problem.contains(words), "{problem}");
            }
            other => panic!("{settings}: expected a refusal, got {other:?}"),
        }
        match parse_backup(&text) {
            Err(ImportError::OutOfRange { problem }) => assert!(problem.contains(words)),
            other => panic!("{settings}: expected a refusal, got {other:?}"),
        }
    }
    // The edges are fine.
    for offset in [-1080, 0, 330, 1080] {
        let text = document_with_settings(&format!(
            r#"{{"time_zone":{{"type":"fixed","offset_minutes":{offset}}}}}"#
        ));
        assert!(
            matches!(load(Some(&text)), LoadOutcome::Loaded(_)),
            "{offset}"
        );
    }
}

#[test]
fn dates_outside_the_kept_years_are_refused() {
    let mut data = AppData::default();
    let mut process = Process::new(ProcessId(1), "Far Future", "r");
    process.updated_at = Some(at("9999-12-30T10:00:00Z"));
    data.processes.push(process);
    let text = encode(&data, at("2025-03-01T00:00:00Z"));
    match load(Some(&text)) {
        LoadOutcome::Unreadable {
            error: DecodeError::OutOfRange(problem),
            ..
        } => assert!(
            problem.contains("the Far Future process has a date in the year 9999"),
            "{problem}"
        ),
        other => panic!("expected a refusal, got {other:?}"),
    }
    let mut ok = AppData::default();
    ok.processes.push(process_at_year(2200));
    assert!(matches!(
        load(Some(&encode(&ok, at("2025-03-01T00:00:00Z")))),
        LoadOutcome::Loaded(_)
    ));
}

fn process_at_year(year: i32) -> Process {
    let mut process = Process::new(ProcessId(1), "Edge", "r");
    process.updated_at = Some(at(&format!("{year}-06-01T10:00:00Z")));
    process
}

#[test]
fn a_quarantine_copy_never_lands_on_a_taken_key() {
    use afterview::core::data::storage::unused_quarantine_key;
    let when = at("2026-11-19T18:30:00+01:00");
    let base = quarantine_key("", when);
    assert_eq!(base, "afterview:quarantine:20261119T173000.000Z");
    assert_eq!(unused_quarantine_key("", when, |_| false), base);
    let taken = [base.clone(), format!("{base}-2")];
    let key = unused_quarantine_key("", when, |key| taken.iter().any(|t| t == key));
    assert_eq!(key, format!("{base}-3"));
    assert!(is_quarantine_key("", &key));
}

#[test]
fn version_3_fixture_migrates_round_notes_to_version_4() {
    let decoded = decode_document(&fixture("v3.json")).expect("v3 fixture decodes");
    assert_eq!(decoded.from_version, 3);
    assert_eq!(decoded.envelope.schema_version, SCHEMA_VERSION);
    let data = decoded.envelope.data;
    assert_eq!(data.settings_revision, 4);
    let process = data.process(ProcessId(1)).expect("process 1");
    assert_eq!(process.revision, 5);

    // A panel's note stays a private round note: nobody gets it.
    let panel = &process.rounds[0];
    assert_eq!(
        panel.notes,
        "I have run Kafka clusters in production for three years"
    );
    assert!(panel.interviewers.iter().all(|p| p.to_tell.is_empty()));

    // A one-person round's note was meant for that person: it becomes what to tell them.
    let technical = &process.rounds[1];
    assert_eq!(
        technical.interviewers[0].to_tell,
        "I forgot to mention my open-source loader"
    );
    assert_eq!(technical.notes, "I forgot to mention my open-source loader");

    // An empty note changes nothing; the new fields start empty.
    let hr = &process.rounds[2];
    assert!(hr.interviewers[0].to_tell.is_empty());
    assert!(hr.interviewers[0].detail.is_empty());
    assert!(process.why_fit.is_empty());

    // Writing back and loading again is a plain load.
    let rewritten = encode(&data, at("2026-03-12T19:00:00Z"));
    assert_eq!(load(Some(&rewritten)), LoadOutcome::Loaded(data));
}

#[test]
fn version_4_fixture_keeps_its_fixed_zone_and_offsets_in_version_5() {
    let text = fixture("v4.json");
    let decoded = decode_document(&text).expect("v4 fixture decodes");
    assert_eq!(decoded.from_version, 4);
    assert_eq!(decoded.envelope.schema_version, SCHEMA_VERSION);
    let data = decoded.envelope.data;

    // The fixed offset stays a fixed offset: the same zone, the same planning.
    assert_eq!(
        data.settings.time_zone,
        ZoneSetting::Fixed {
            offset_minutes: 120
        }
    );
    // Nothing is lost or changed: the migrated data equals the version 4 data read as it is.
    let raw = json::parse(&text).expect("json");
    let data_json = raw.get("data").cloned().expect("data");
    let as_written = AppData::from_json(&data_json).expect("v4 data");
    assert_eq!(data, as_written);
    // Each round keeps the offset it was entered with and has no zone name.
    let first = data.process(ProcessId(1)).expect("process 1");
    assert_eq!(
        first.rounds[0].start.to_rfc3339(),
        "2026-06-10T14:00:00+02:00"
    );
    let second = data.process(ProcessId(2)).expect("process 2");
    assert_eq!(
        second.rounds[0].start.to_rfc3339(),
        "2026-06-11T09:00:00-04:00"
    );
    assert!(data
        .processes
        .iter()
        .flat_map(|p| &p.rounds)
        .all(|round| round.zone.is_none()));

    // The thank-you notes are due at the same moments in the fixed zone as before.
    let zone = UserZone::from_setting(data.settings.time_zone);
    let now = at("2026-06-10T18:00:00+02:00").with_timezone(&zone);
    let actions = plan(&data.processes, &data.settings, &now);
    let thanks = actions
        .iter()
        .find(|a| a.kind == ActionKind::ThankYou && a.process == ProcessId(1))
        .expect("a thank-you note");
    assert_eq!(thanks.earliest.to_rfc3339(), "2026-06-10T17:15:00+02:00");

    // Written back, the document is version 5, with the zone spelled as before.
    let rewritten = encode(&data, at("2026-06-12T19:00:00+02:00"));
    assert!(rewritten.contains(r#""time_zone":{"type":"fixed","offset_minutes":120}"#));
    assert_eq!(load(Some(&rewritten)), LoadOutcome::Loaded(data));
}

#[test]
fn named_zones_round_trip_and_bad_names_are_refused() {
    let named =
        document_with_settings(r#"{"time_zone":{"type":"named","name":"America/Chicago"}}"#);
    let decoded = decode(&named).expect("a named zone loads");
    assert_eq!(
        decoded.data.settings.time_zone,
        ZoneSetting::Named {
            name: ZoneName::parse("America/Chicago").expect("name")
        }
    );
    let rewritten = encode(&decoded.data, at("2026-06-12T19:00:00+02:00"));
    assert!(rewritten.contains(r#""time_zone":{"type":"named","name":"America/Chicago"}"#));

    for bad in [r#""""#, r#""Europe/""#, r#""<script>""#, r#""a b""#] {
        let text = document_with_settings(&format!(
            r#"{{"time_zone":{{"type":"named","name":{bad}}}}}"#
        ));
        assert!(decode(&text).is_err(), "{bad} is refused");
    }
    let long = format!(r#""{}""#, "A/".repeat(40) + "B");
    let text = document_with_settings(&format!(
        r#"{{"time_zone":{{"type":"named","name":{long}}}}}"#
    ));
    assert!(decode(&text).is_err(), "an overlong name is refused");
}

#[test]
fn the_step_to_version_5_checks_the_zone_it_keeps() {
    let step = MIGRATIONS
        .iter()
        .find(|step| step.from_version == 4)
        .expect("the step to version 5");
    assert!(step.summary.contains("named"));
    let mut broken = json::parse(&fixture("v4.json")).expect("json");
    let settings = broken
        .get_mut("data")
        .and_then(|data| data.get_mut("settings"))
        .expect("settings");
    settings.insert(
        "time_zone",
        json::parse(r#"{"type": "fixed"}"#).expect("zone"),
    );
    let error = decode_document(&broken.to_string()).expect_err("refused");
    assert!(
        error.to_string().contains("upgrading from version 4"),
        "{error}"
    );
}

/// Start-up reads stored text with `load_current` and only fetches the general reader when it
/// declines: whatever it answers must be what `load` answers, and it must decline everything
/// else (older, newer, damaged, out-of-range).
#[test]
fn the_start_up_fast_path_agrees_with_load_or_declines() {
    let codec = |name: &str| {
        let path = format!("{}/tests/fixtures/codec/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("reading {path}: {error}"))
    };
    let mut data = AppData::default();
    data.processes
        .push(afterview::core::data::sample::sample_process(
            ProcessId(1),
            at("2026-03-04T10:00:00+01:00"),
        ));
    let current = encode(&data, at("2026-03-04T10:00:00+01:00"));
    assert!(current.contains("\"work_days\":["));
    let mut answered = 0;
    for text in [
        current.clone(),
        codec("full.json"),
        codec("full.pretty.json"),
        codec("default.json"),
        codec("fixed-zone.json"),
        String::new(),
        "   ".to_string(),
    ] {
        let fast = load_current(Some(&text)).expect("a current document or nothing is read fast");
        assert_eq!(fast, load(Some(&text)));
        answered += 1;
    }
    assert_eq!(load_current(None), Some(LoadOutcome::Empty));
    assert_eq!(answered, 7);

    let newer = current.replacen(
        &format!("\"schema_version\":{SCHEMA_VERSION}"),
        &format!("\"schema_version\":{}", SCHEMA_VERSION + 1),
        1,
    );
    assert_ne!(newer, current, "the version was found and raised");
    let out_of_range = current.replacen("\"work_days\":[", "\"work_days\":[99,", 1);
    for declined in [
        fixture("v1.json"),
        fixture("v2.json"),
        fixture("v3.json"),
        fixture("v4.json"),
        newer,
        current[..current.len() / 2].to_string(),
        "{not json".to_string(),
        out_of_range,
    ] {
        assert_eq!(
            load_current(Some(&declined)),
            None,
            "{}",
            &declined[..declined.len().min(80)]
        );
        assert!(!matches!(load(Some(&declined)), LoadOutcome::Empty));
    }
}
