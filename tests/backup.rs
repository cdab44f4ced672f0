//! Backup export and import: round trip, hostile and broken files, preview and apply.
// Native tests: the browser build runs tests/browser.rs instead.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use afterview::core::data::backup::{
    apply, backup_reminder_due, export_backup, parse_backup, preview, ImportError, ImportMode,
    MAX_DOCUMENT_BYTES, MAX_LINE_CHARS,
};
use afterview::core::data::model::{
    Event, EventId, EventKind, Interviewer, InterviewerId, Process, ProcessId, Round, RoundFormat,
    RoundId, RoundKind,
};
use afterview::core::data::storage::{encode, merge, AppData, SCHEMA_VERSION};
use common::at;
use proptest::prelude::*;

fn sample_data() -> AppData {
    let mut data = AppData::default();
    let mut settings = data.settings.clone();
    settings.name = "Dana Example".into();
    settings.signature = "Data analyst\nLisbon".into();
    data.update_settings(settings, at("2025-01-01T08:00:00Z"));

    let mut process = Process::new(ProcessId(1), "Northwind, Inc.", "Data analyst");
    process.notes = "Line one\n\tindented; with \"quotes\"".into();
    process.rounds.push(Round {
        uid: None,
        zone: None,
        id: RoundId(1),
        kind: RoundKind::Panel,
        format: RoundFormat::InPerson,
        start: at("2025-03-04T10:00:00+01:00"),
        end: at("2025-03-04T11:30:00+01:00"),
        interviewers: vec![Interviewer {
            id: InterviewerId(2),
            name: "Zoë Ångström".into(),
            discussed: "data pipeline".into(),
            ..Interviewer::default()
        }],
        notes: String::new(),
    });
    process.events.push(Event {
        id: EventId(3),
        at: at("2025-03-05T09:00:00+01:00"),
        round: Some(RoundId(1)),
        kind: EventKind::DocumentsRequested {
            what: "references".into(),
            deadline: None,
            by: Some(InterviewerId(2)),
        },
        note: String::new(),
    });
    data.save_process(process, at("2025-03-05T10:00:00+01:00"));
    data.save_process(
        Process::new(ProcessId(2), "Fabrikam", "BI developer"),
        at("2025-03-06T10:00:00+01:00"),
    );
    data
}

fn envelope_with_company(company: &str) -> String {
    let mut data = AppData::default();
    data.processes
        .push(Process::new(ProcessId(1), company, "Role"));
    encode(&data, at("2025-01-01T00:00:00Z"))
}

#[test]
fn export_then_parse_gives_identical_data() {
    let mut data = sample_data();
    let text = export_backup(&mut data, at("2025-04-01T12:00:00+02:00"));
    assert!(
        text.contains("\n  \"schema_version\""),
        "backup is indented"
    );
    assert_eq!(data.last_export_at, Some(at("2025-04-01T12:00:00+02:00")));
    assert_eq!(parse_backup(&text), Ok(data));
}

#[test]
fn broken_documents_give_typed_errors() {
    assert_eq!(parse_backup(""), Err(ImportError::Empty));
    assert_eq!(parse_backup("\u{feff}  "), Err(ImportError::Empty));
    assert!(matches!(
        parse_backup("hello"),
        Err(ImportError::NotJson { line: 1, .. })
    ));
    assert!(matches!(
        parse_backup("{\"a\": 1,,}"),
        Err(ImportError::NotJson { .. })
    ));
    assert_eq!(parse_backup("{\"a\": 1}"), Err(ImportError::NotAfterview));
    assert_eq!(parse_backup("[]"), Err(ImportError::NotAfterview));
    assert_eq!(
        parse_backup("{\"format\":\"afterview\",\"schema_version\":40}"),
        Err(ImportError::TooNew {
            found: 40,
            supported: SCHEMA_VERSION
        })
    );

    let mut data = sample_data();
    let full = export_backup(&mut data, at("2025-04-01T12:00:00Z"));
    let truncated = &full[..full.len() / 2];
    assert_eq!(parse_backup(truncated), Err(ImportError::Truncated));

    // Wrong types: an id as text, a date that is not one, NaN spelled out.
    for (from, to) in [
        ("\"id\": 1", "\"id\": \"one\""),
        (
            "\"start\": \"2025-03-04T10:00:00+01:00\"",
            "\"start\": \"yesterday\"",
        ),
        ("\"revision\": 1", "\"revision\": -1"),
        ("\"revision\": 1", "\"revision\": 1e400"),
        ("\"revision\": 1", "\"revision\": NaN"),
        ("\"processes\": [", "\"processes\": 5, \"spare\": ["),
    ] {
        assert!(full.contains(from), "fixture contains {from}");
        let damaged = full.replacen(from, to, 1);
        match parse_backup(&damaged) {
            Err(ImportError::Invalid { .. } | ImportError::NotJson { .. }) => {}
            other => panic!("{to}: expected a typed error, got {other:?}"),
        }
    }
}

#[test]
fn every_error_message_tells_the_user_what_to_do() {
    let errors = [
        ImportError::Empty,
        ImportError::TooLarge {
            bytes: 10_000_000,
            limit: MAX_DOCUMENT_BYTES,
        },
        ImportError::Truncated,
        ImportError::NotJson { line: 3, column: 9 },
        ImportError::NotAfterview,
        ImportError::TooNew {
            found: 3,
            supported: 2,
        },
        ImportError::Invalid { detail: "x".into() },
        ImportError::TooMany {
            what: "processes",
            found: 9,
            limit: 2,
        },
        ImportError::TooLong {
            field: "role".into(),
            chars: 9,
            limit: 2,
        },
        ImportError::DuplicateId { id: ProcessId(4) },
    ];
    for error in errors {
        let message = error.to_string();
        assert!(message.ends_with('.'), "{message}");
        assert!(message.len() > 40, "{message}");
    }
}

#[test]
fn a_ten_megabyte_document_is_refused_before_parsing() {
    let huge = envelope_with_company(&"A".repeat(10 * 1024 * 1024));
    assert!(matches!(
        parse_backup(&huge),
        Err(ImportError::TooLarge {
            limit: MAX_DOCUMENT_BYTES,
            ..
        })
    ));
}

#[test]
fn a_one_megabyte_name_is_rejected_with_the_field_named() {
    let text = envelope_with_company(&"N".repeat(1024 * 1024));
    match parse_backup(&text) {
        Err(ImportError::TooLong {
            field,
            chars,
            limit,
        }) => {
            assert_eq!(chars, 1024 * 1024);
            assert_eq!(limit, MAX_LINE_CHARS);
            assert!(field.contains("company"), "{field}");
        }
        other => panic!("expected TooLong, got {other:?}"),
    }
}

#[test]
fn hostile_strings_come_back_as_clean_text() {
    let hostile = "<script>alert(1)</script>\u{0}\u{7}Acme\u{1b}[31m\r\nCorp\u{202e}gpj.exe\tX";
    let data = parse_backup(&envelope_with_company(hostile)).expect("cleaned, not refused");
    // Markup stays literal text (the UI escapes it); control characters and the
    // direction override are gone; a one-line field turns breaks into spaces.
    assert_eq!(
        data.processes[0].company,
        "<script>alert(1)</script>Acme[31m Corpgpj.exe X"
    );

    let mut notes = AppData::default();
    let mut process = Process::new(ProcessId(1), "Acme", "Role");
    process.notes = "keep\nlines\tand tabs\u{8}\u{7f}".into();
    notes.processes.push(process);
    let parsed = parse_backup(&encode(&notes, at("2025-01-01T00:00:00Z"))).expect("parses");
    assert_eq!(parsed.processes[0].notes, "keep\nlines\tand tabs");
}

#[test]
fn duplicate_ids_and_too_many_processes_are_refused() {
    let mut data = AppData::default();
    data.processes.push(Process::new(ProcessId(5), "A", "x"));
    data.processes.push(Process::new(ProcessId(5), "B", "y"));
    assert_eq!(
        parse_backup(&encode(&data, at("2025-01-01T00:00:00Z"))),
        Err(ImportError::DuplicateId { id: ProcessId(5) })
    );

    let mut crowd = AppData::default();
    for id in 0..2_001 {
        crowd.processes.push(Process::new(ProcessId(id), "C", "r"));
    }
    assert!(matches!(
        parse_backup(&encode(&crowd, at("2025-01-01T00:00:00Z"))),
        Err(ImportError::TooMany {
            what: "processes",
            found: 2_001,
            ..
        })
    ));
}

#[test]
fn merge_import_adds_and_updates_but_never_deletes() {
    let current = sample_data();
    let now = at("2025-05-01T00:00:00Z");
    let mut incoming = current.clone();
    // Process 1 edited later in the backup's lineage; process 2 absent; process 9 new.
    let mut newer = incoming.processes[0].clone();
    newer.notes = "from the backup".into();
    incoming.save_process(newer, at("2025-04-01T00:00:00Z"));
    incoming.processes.retain(|p| p.id != ProcessId(2));
    incoming
        .processes
        .push(Process::new(ProcessId(9), "Tailspin", "Analyst"));

    let summary = preview(&current, &incoming, ImportMode::Merge, now);
    assert_eq!(summary.added, vec![ProcessId(9)]);
    assert_eq!(summary.updated, vec![ProcessId(1)]);
    assert_eq!(summary.unchanged, vec![ProcessId(2)]);
    assert!(summary.removed.is_empty());
    assert!(!summary.settings_changed);

    let result = apply(&current, &incoming, ImportMode::Merge, now);
    assert_eq!(result.processes.len(), 3);
    assert_eq!(
        result.process(ProcessId(1)).map(|p| p.notes.as_str()),
        Some("from the backup")
    );
}

#[test]
fn merge_import_keeps_local_edits_newer_than_the_backup() {
    let backup = sample_data();
    let mut current = backup.clone();
    let mut edited = current.processes[1].clone();
    edited.role = "Lead BI developer".into();
    current.save_process(edited, at("2025-06-01T00:00:00Z"));
    let summary = preview(
        &current,
        &backup,
        ImportMode::Merge,
        at("2025-06-02T00:00:00Z"),
    );
    assert_eq!(summary.unchanged, vec![ProcessId(1), ProcessId(2)]);
    let result = apply(
        &current,
        &backup,
        ImportMode::Merge,
        at("2025-06-02T00:00:00Z"),
    );
    assert_eq!(result, current);
}

#[test]
fn merge_import_from_another_device_does_not_overwrite_a_different_company() {
    let current = sample_data();
    let mut foreign = AppData::default();
    foreign
        .processes
        .push(Process::new(ProcessId(1), "Adventure Works", "Designer"));
    let result = apply(
        &current,
        &foreign,
        ImportMode::Merge,
        at("2025-06-02T00:00:00Z"),
    );
    assert_eq!(result.processes.len(), 3);
    assert_eq!(
        result.process(ProcessId(1)).map(|p| p.company.as_str()),
        Some("Northwind, Inc.")
    );
    assert_eq!(
        result.process(ProcessId(3)).map(|p| p.company.as_str()),
        Some("Adventure Works")
    );
}

#[test]
fn merge_import_restores_a_process_deleted_here() {
    let backup = sample_data();
    let mut current = backup.clone();
    current.delete_process(ProcessId(2), at("2025-06-01T00:00:00Z"));
    let now = at("2025-06-02T00:00:00Z");
    assert_eq!(
        preview(&current, &backup, ImportMode::Merge, now).added,
        vec![ProcessId(2)]
    );
    let restored = apply(&current, &backup, ImportMode::Merge, now);
    assert!(restored.tombstones.is_empty());
    // The restore outranks the deletion still held by any other open tab.
    assert_eq!(merge(&restored, &current).processes.len(), 2);
}

#[test]
fn replace_import_makes_the_data_the_files_and_survives_a_stale_tab() {
    let current = sample_data();
    let now = at("2025-06-02T00:00:00Z");
    let mut incoming = AppData::default();
    let mut renamed = current.processes[0].clone();
    renamed.role = "Analytics engineer".into();
    renamed.revision = 0; // an old backup: lower revision than this copy
    incoming.processes.push(renamed);
    incoming
        .processes
        .push(Process::new(ProcessId(7), "Wingtip", "Analyst"));

    let summary = preview(&current, &incoming, ImportMode::Replace, now);
    assert_eq!(summary.added, vec![ProcessId(7)]);
    assert_eq!(summary.updated, vec![ProcessId(1)]);
    assert_eq!(summary.removed, vec![ProcessId(2)]);
    assert!(summary.settings_changed);

    let replaced = apply(&current, &incoming, ImportMode::Replace, now);
    let ids: Vec<_> = replaced.processes.iter().map(|p| p.id).collect();
    assert_eq!(ids, vec![ProcessId(1), ProcessId(7)]);
    // A tab still holding the old data merges without undoing the replacement.
    let after_stale_write = merge(&current, &replaced);
    assert_eq!(after_stale_write.processes, replaced.processes);
    assert_eq!(after_stale_write.settings, incoming.settings);
}

#[test]
fn backup_reminder_waits_thirty_days_and_needs_data() {
    let now = at("2025-06-30T12:00:00Z");
    assert!(!backup_reminder_due(&AppData::default(), now));
    let mut data = sample_data();
    for process in &mut data.processes {
        process.updated_at = Some(at("2025-05-20T12:00:00Z"));
    }
    assert!(
        backup_reminder_due(&data, now),
        "recorded 41 days ago, never exported"
    );
    let mut fresh = data.clone();
    for process in &mut fresh.processes {
        process.updated_at = Some(at("2025-06-29T12:00:00Z"));
        for round in &mut process.rounds {
            round.start = at("2025-06-28T12:00:00Z");
        }
    }
    assert!(
        !backup_reminder_due(&fresh, now),
        "recorded yesterday: no nagging yet"
    );
    let mut example_only = data.clone();
    for process in &mut example_only.processes {
        process.sample = true;
    }
    assert!(
        !backup_reminder_due(&example_only, now),
        "the example interview needs no backup"
    );
    data.last_export_at = Some(at("2025-06-01T12:00:01Z"));
    assert!(!backup_reminder_due(&data, now));
    data.last_export_at = Some(at("2025-05-31T12:00:00Z"));
    assert!(backup_reminder_due(&data, now));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = parse_backup(&text);
    }

    #[test]
    fn mutated_backups_parse_or_fail_cleanly(
        cut in 0usize..4000,
        insert in "[\\PC\\u{0}-\\u{1f}]{0,12}",
        drop_len in 0usize..30,
    ) {
        let mut data = sample_data();
        let full = export_backup(&mut data, at("2025-04-01T12:00:00Z"));
        let mut position = cut.min(full.len());
        while !full.is_char_boundary(position) {
            position -= 1;
        }
        let mut end = (position + drop_len).min(full.len());
        while !full.is_char_boundary(end) {
            end -= 1;
        }
        let mutated = format!("{}{}{}", &full[..position], insert, &full[end..]);
        if let Ok(parsed) = parse_backup(&mutated) {
            // Whatever gets through is clean.
            for process in &parsed.processes {
                prop_assert!(!process.company.chars().any(char::is_control));
                prop_assert!(!process.notes.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
            }
        }
    }
}

#[test]
fn ids_outside_what_a_javascript_number_holds_are_refused() {
    use afterview::core::data::ids::MAX_ID;
    let saved = at("2025-01-01T00:00:00Z");
    for bad in [0, MAX_ID + 1, u64::MAX] {
        let mut data = sample_data();
        data.processes[1].id = ProcessId(bad);
        let error = parse_backup(&encode(&data, saved)).expect_err("out of range");
        assert_eq!(
            error,
            ImportError::IdOutOfRange {
                what: "process".into(),
                id: bad
            }
        );
        assert!(error
            .to_string()
            .contains("ids run from 1 to 9007199254740991"));

        let mut data = sample_data();
        data.processes[0].events[0].id = EventId(bad);
        assert!(matches!(
            parse_backup(&encode(&data, saved)),
            Err(ImportError::IdOutOfRange { .. })
        ));
        let mut data = sample_data();
        data.processes[0].rounds[0].interviewers[0].id = InterviewerId(bad);
        assert!(matches!(
            parse_backup(&encode(&data, saved)),
            Err(ImportError::IdOutOfRange { .. })
        ));
    }
    let mut data = sample_data();
    data.processes[1].id = ProcessId(MAX_ID);
    assert!(parse_backup(&encode(&data, saved)).is_ok());
}

#[test]
fn new_ids_never_collide_with_one_at_the_top_of_the_range() {
    use afterview::core::data::ids::MAX_ID;
    let mut data = sample_data();
    data.processes[1].id = ProcessId(MAX_ID);
    let data = parse_backup(&encode(&data, at("2025-01-01T00:00:00Z"))).expect("valid");
    let mut data = apply(
        &AppData::default(),
        &data,
        ImportMode::Merge,
        at("2025-04-01T00:00:00Z"),
    );
    let mut seen = std::collections::BTreeSet::new();
    for n in 0..5 {
        let id = data.next_process_id();
        assert!(id.0 >= 1 && id.0 <= MAX_ID, "{id}");
        assert!(data.process(id).is_none(), "{id} is taken");
        data.save_process(
            Process::new(id, format!("New {n}"), "r"),
            at("2025-04-01T00:00:00Z"),
        );
        assert!(seen.insert(id));
    }
    assert_eq!(data.processes.len(), 7);
    assert!(data.process(ProcessId(MAX_ID)).is_some());

    // Local ids follow the same rule.
    let mut process = data.processes[0].clone();
    process.events[0].id = EventId(MAX_ID);
    let fresh = process.next_local_id();
    assert!(fresh <= MAX_ID);
    assert!(process.round(RoundId(fresh)).is_none());
    assert!(process.events.iter().all(|event| event.id.0 != fresh));
    assert!(process.interviewer(InterviewerId(fresh)).is_none());

    // A merge that must renumber a clashing process stays in range too.
    let mut incoming = AppData::default();
    incoming
        .processes
        .push(Process::new(ProcessId(MAX_ID), "Elsewhere Ltd", "r"));
    let merged = apply(
        &data,
        &incoming,
        ImportMode::Merge,
        at("2025-04-02T00:00:00Z"),
    );
    assert_eq!(merged.processes.len(), 8);
    let ids: std::collections::BTreeSet<_> = merged.processes.iter().map(|p| p.id).collect();
    assert_eq!(ids.len(), 8);
    assert!(ids.iter().all(|id| id.0 <= MAX_ID));
}

#[test]
fn duplicate_round_interviewer_or_event_ids_in_one_process_are_refused() {
    let saved = at("2025-01-01T00:00:00Z");
    let mut data = sample_data();
    let mut second = data.processes[0].rounds[0].clone();
    second.interviewers.clear();
    data.processes[0].rounds.push(second);
    let error = parse_backup(&encode(&data, saved)).expect_err("two rounds with id 1");
    assert_eq!(
        error,
        ImportError::DuplicateLocalId {
            what: "rounds in the Northwind, Inc. process".into(),
            id: 1
        }
    );
    assert!(error
        .to_string()
        .starts_with("Two rounds in the Northwind, Inc. process share the id 1."));

    let mut data = sample_data();
    let event = data.processes[0].events[0].clone();
    data.processes[0].events.push(event);
    assert!(matches!(
        parse_backup(&encode(&data, saved)),
        Err(ImportError::DuplicateLocalId { id: 3, .. })
    ));

    let mut data = sample_data();
    let person = data.processes[0].rounds[0].interviewers[0].clone();
    data.processes[0].rounds[0]
        .interviewers
        .push(person.clone());
    assert!(matches!(
        parse_backup(&encode(&data, saved)),
        Err(ImportError::DuplicateLocalId { id: 2, .. })
    ));

    // The same person on two rounds keeps one id: that is allowed.
    let mut data = sample_data();
    let mut later = data.processes[0].rounds[0].clone();
    later.id = RoundId(9);
    later.interviewers = vec![person];
    data.processes[0].rounds.push(later);
    assert!(parse_backup(&encode(&data, saved)).is_ok());
}

#[test]
fn restoring_into_a_fresh_profile_keeps_the_backups_settings() {
    use afterview::core::data::backup::default_import_mode;
    // The original profile: onboarded with a name, then exported.
    let mut original = sample_data();
    let mut settings = original.settings.clone();
    settings.onboarded = true;
    original.update_settings(settings, at("2025-01-01T08:05:00Z"));
    let file = export_backup(&mut original, at("2025-03-10T10:00:00Z"));
    let incoming = parse_backup(&file).expect("valid");

    // A fresh browser: onboarding skipped, so only the flag changed, later than the backup.
    let mut fresh = AppData::default();
    assert_eq!(default_import_mode(&fresh), ImportMode::Replace);
    let mut skipped = fresh.settings.clone();
    skipped.onboarded = true;
    fresh.update_settings(skipped, at("2025-04-01T09:00:00Z"));
    assert!(!fresh.settings_edited());
    assert_eq!(default_import_mode(&fresh), ImportMode::Replace);

    for mode in [ImportMode::Merge, ImportMode::Replace] {
        let restored = apply(&fresh, &incoming, mode, at("2025-04-01T09:01:00Z"));
        assert_eq!(restored.settings.name, "Dana Example", "{mode:?}");
        assert_eq!(restored.settings.signature, "Data analyst\nLisbon");
        assert!(restored.settings.onboarded);
        assert_eq!(restored.processes.len(), 2);
        assert!(preview(&fresh, &incoming, mode, at("2025-04-01T09:01:00Z")).settings_changed);
    }
    // Two tabs behave the same way: untouched settings never win, whatever their revision.
    let merged = merge(&fresh, &incoming);
    assert_eq!(merged.settings.name, "Dana Example");
    assert_eq!(merge(&incoming, &fresh), merged);

    // With something of the user's own here, Merge is offered first.
    let mut with_sample = fresh.clone();
    let mut example = Process::new(ProcessId(1), "Example Co", "r");
    example.sample = true;
    with_sample.save_process(example, at("2025-04-01T09:00:00Z"));
    assert_eq!(default_import_mode(&with_sample), ImportMode::Replace);
    let mut with_process = fresh.clone();
    with_process.save_process(
        Process::new(ProcessId(1), "Acme", "r"),
        at("2025-04-01T09:00:00Z"),
    );
    assert_eq!(default_import_mode(&with_process), ImportMode::Merge);
    let mut named = fresh.clone();
    let mut settings = named.settings.clone();
    settings.name = "Dana New".into();
    named.update_settings(settings, at("2025-04-01T09:02:00Z"));
    assert_eq!(default_import_mode(&named), ImportMode::Merge);
    // A deliberate edit made here after the backup still wins a merge.
    let merged = apply(
        &named,
        &incoming,
        ImportMode::Merge,
        at("2025-04-01T09:03:00Z"),
    );
    assert_eq!(merged.settings.name, "Dana New");
}

/// Restoring with Replace into a browser holding the example interview under the same id: the
/// preview says the example goes and every interview of the file comes, as the result does.
#[test]
fn replace_preview_counts_a_different_interview_under_the_same_id_as_removed() {
    let mut current = AppData::default();
    current.save_process(
        Process::new(ProcessId(1), "Northwind Studio", "Example"),
        at("2026-12-04T09:00:00+01:00"),
    );
    let mut incoming = AppData::default();
    for (id, company) in [
        (1, "Brightwell Analytics"),
        (2, "Kestrel Health"),
        (3, "Nordlys Energi"),
    ] {
        incoming.save_process(
            Process::new(ProcessId(id), company, "Analyst"),
            at("2026-12-03T09:00:00+01:00"),
        );
    }
    let now = at("2026-12-04T10:00:00+01:00");
    let found = preview(&current, &incoming, ImportMode::Replace, now);
    assert_eq!(found.added.len(), 3);
    assert_eq!(found.removed, vec![ProcessId(1)]);
    assert!(found.updated.is_empty());
    let result = apply(&current, &incoming, ImportMode::Replace, now);
    assert!(result
        .processes
        .iter()
        .all(|p| p.company != "Northwind Studio"));
    assert_eq!(result.processes.len(), 3);
}

/// A damaged record in a backup file is named by its field and its line in the file, so it
/// can be found and corrected in an editor.
#[test]
fn a_damaged_record_is_reported_at_its_line_in_the_file() {
    let mut data = sample_data();
    let text = export_backup(&mut data, at("2025-04-01T12:00:00+02:00"));
    let (line, original) = text
        .lines()
        .enumerate()
        .find(|(_, line)| line.trim_start().starts_with("\"revision\""))
        .expect("a process revision in the file");
    // `"revision": 3` becomes `"revision": "x", "ignored": 3`: still JSON, no longer a number.
    let broken = text.replacen(
        original,
        &original.replacen(": ", ": \"x\", \"ignored\": ", 1),
        1,
    );
    let Err(ImportError::Invalid { detail }) = parse_backup(&broken) else {
        panic!("expected a damaged entry");
    };
    assert!(detail.contains("in data.processes[0].revision"), "{detail}");
    assert!(
        detail.contains(&format!("at line {}, column ", line + 1)),
        "{detail}"
    );
}
