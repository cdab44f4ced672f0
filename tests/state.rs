//! The app's reducer, natively: every message the interface can send, and what the user sees
//! change (data, view, announcement, undo).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use afterview::core::app::edit_merge::Prefer;
use afterview::core::app::log_form::{LogField, LogForm, Loggable};
use afterview::core::app::settings_form::{SettingsEditor, SettingsField};
use afterview::core::app::state::{
    AppState, DraftTarget, EditedDraft, Msg, StorageStatus, Undo, View,
};
use afterview::core::data::backup::ImportMode;
use afterview::core::data::model::{
    ActionKey, ActionKind, Channel, Contact, ContactRole, EventKind, InterviewerId, PersonId,
    Process, ProcessId, ProcessStatus, RoundId,
};
use afterview::core::data::settings::Theme;
use afterview::core::data::storage::AppData;
use chrono::FixedOffset;
use common::{at, date, person, process_with_round};

const NOW: &str = "2026-11-20T10:00:00+01:00";

fn state_with(processes: Vec<Process>) -> AppState {
    let mut data = AppData::default();
    for process in processes {
        data.save_process(process, at("2026-11-19T09:00:00+01:00"));
    }
    AppState::new(data, at(NOW), StorageStatus::Saving)
}

fn acme() -> Process {
    process_with_round(
        1,
        "Acme & Sons",
        "Data analyst",
        "2026-11-18T14:00:00+01:00",
        vec![
            person(1, "Dr. Amara Okonkwo", "Head of data"),
            person(2, "Marcus Webb", "Talent acquisition partner"),
        ],
    )
}

fn thank_you(person: u64) -> ActionKey {
    ActionKey {
        kind: ActionKind::ThankYou,
        round: Some(RoundId(100)),
        interviewer: Some(InterviewerId(person)),
    }
}

/// Every message, named with the test that covers it: adding a message without a test here
/// stops this file from compiling.
#[allow(dead_code)]
fn covered_by(msg: &Msg) -> &'static str {
    match msg {
        Msg::Tick(_) => "tick_moves_the_clock_only_when_it_changes",
        Msg::Navigate(_) => "navigating_closes_the_draft_and_forgets_a_conflict",
        Msg::SaveProcess { .. } => "a_new_process_gets_its_id_from_the_reducer",
        Msg::DeleteProcess(_) => "delete_then_undo_restores_the_process",
        Msg::Undo => "delete_then_undo_restores_the_process",
        Msg::LogEvent { .. } => "a_logged_note_reaches_the_timeline",
        Msg::RemoveEvent { .. } => "removing_a_timeline_entry_can_be_undone",
        Msg::MarkDone { .. } => "marking_done_logs_the_message_and_closes_its_draft",
        Msg::Snooze { .. } => "snooze_is_logged_with_its_time",
        Msg::Dismiss { .. } => "dismissing_can_be_undone",
        Msg::UpdateSettings(_) => "theme_change_is_saved_and_announced",
        Msg::AutosaveSettings(_) => "settings_autosave_is_quiet_and_bumps_the_data",
        Msg::KeepSettingsDraft(_) => "settings_text_needing_a_fix_is_kept_across_pages",
        Msg::FinishOnboarding { .. } => "onboarding_saves_the_name_and_adds_the_example",
        Msg::AddSample => "the_example_is_added_once_and_removed",
        Msg::RemoveSample => "the_example_is_added_once_and_removed",
        Msg::OpenDraft(_) => "draft_panel_keeps_edits_until_reset",
        Msg::CloseDraft => "draft_panel_keeps_edits_until_reset",
        Msg::EditDraft(..) => "draft_panel_keeps_edits_until_reset",
        Msg::ResetDraft(_) => "draft_panel_keeps_edits_until_reset",
        Msg::Announce(_) => "announcement_clears_with_its_undo",
        Msg::ClearAnnouncement => "announcement_clears_with_its_undo",
        Msg::ImportBackup { .. } => "importing_a_backup_goes_through_the_reducer",
        Msg::ImportProcesses(_) => "imported_rows_get_fresh_ids",
        Msg::MergeIncoming(_) => "another_tab_deleting_the_process_keeps_the_open_form",
        Msg::Exported(_) => "export_resets_the_backup_reminder",
        Msg::StorageChanged(_) => "storage_status_changes_are_kept",
        Msg::PutOffBackupReminder => "the_backup_reminder_is_put_off_for_the_visit_only",
    }
}

#[test]
fn tick_moves_the_clock_only_when_it_changes() {
    let mut state = state_with(vec![]);
    assert!(!state.reduce(Msg::Tick(at(NOW))));
    assert!(state.reduce(Msg::Tick(at("2026-11-20T10:01:00+01:00"))));
    assert_eq!(state.now, at("2026-11-20T10:01:00+01:00"));
}

/// The app's context tells its consumers about a new state by this count alone.
#[test]
fn every_change_and_only_a_change_is_counted() {
    let mut state = state_with(vec![acme()]);
    let before = state.changes;
    assert!(!state.reduce(Msg::Tick(at(NOW))));
    assert!(!state.reduce(Msg::Navigate(View::Today)));
    assert_eq!(state.changes, before, "nothing changed, nothing counted");
    assert!(state.reduce(Msg::Navigate(View::Settings)));
    assert!(state.reduce(Msg::Announce("Saved.".into())));
    assert!(state.reduce(Msg::Tick(at("2026-11-20T10:01:00+01:00"))));
    assert_eq!(state.changes, before + 3);
}

#[test]
fn navigating_closes_the_draft_and_forgets_a_conflict() {
    let mut state = state_with(vec![acme()]);
    state.reduce(Msg::OpenDraft(DraftTarget {
        process: ProcessId(1),
        key: thank_you(1),
    }));
    assert!(state.draft.is_some());
    assert!(state.reduce(Msg::Navigate(View::Interviews)));
    assert_eq!(state.view, View::Interviews);
    assert!(state.draft.is_none());
    assert!(
        !state.reduce(Msg::Navigate(View::Interviews)),
        "same view: no change"
    );
}

#[test]
fn a_new_process_gets_its_id_from_the_reducer() {
    let mut state = state_with(vec![acme()]);
    let mut typed = Process::new(ProcessId(0), "Vireo Analytics", "Analytics engineer");
    typed.notes = "Met them at a meetup.".into();
    assert!(state.reduce(Msg::SaveProcess {
        base: None,
        edited: Box::new(typed),
        resolve: None,
    }));
    let added = state
        .data
        .processes
        .iter()
        .find(|p| p.company == "Vireo Analytics")
        .expect("saved");
    assert_ne!(added.id, ProcessId(0));
    assert_ne!(added.id, ProcessId(1));
    assert_eq!(state.view, View::Process(added.id));
    assert_eq!(
        state.announcement.as_deref(),
        Some("Added Vireo Analytics.")
    );
    assert_eq!(state.data_version, 1);
}

/// Tabs A and B open the edit form on the same interview; A saves new notes; B then saves a
/// new role from its older copy. Both edits are kept.
#[test]
fn two_tabs_editing_different_fields_keep_both_edits() {
    let mut state = state_with(vec![acme()]);
    let opened = state.data.process(ProcessId(1)).cloned().expect("exists");

    let mut tab_a = opened.clone();
    tab_a.notes = "They use dbt and Looker; the team is six people.".into();
    state.reduce(Msg::SaveProcess {
        base: Some(Box::new(opened.clone())),
        edited: Box::new(tab_a),
        resolve: None,
    });

    let mut tab_b = opened.clone();
    tab_b.role = "Senior data analyst".into();
    tab_b.rounds[0].interviewers[1].email = "marcus.webb@acme.example".into();
    state.reduce(Msg::SaveProcess {
        base: Some(Box::new(opened)),
        edited: Box::new(tab_b),
        resolve: None,
    });

    let saved = state.data.process(ProcessId(1)).expect("exists");
    assert_eq!(saved.role, "Senior data analyst");
    assert_eq!(
        saved.notes,
        "They use dbt and Looker; the team is six people."
    );
    assert_eq!(
        saved.rounds[0].interviewers[1].email,
        "marcus.webb@acme.example"
    );
    assert!(state.save_conflict.is_none());
}

#[test]
fn two_tabs_changing_the_same_field_show_both_values_and_save_the_choice() {
    let mut state = state_with(vec![acme()]);
    let opened = state.data.process(ProcessId(1)).cloned().expect("exists");

    let mut tab_a = opened.clone();
    tab_a.notes = "Notes from tab A".into();
    state.reduce(Msg::SaveProcess {
        base: Some(Box::new(opened.clone())),
        edited: Box::new(tab_a),
        resolve: None,
    });
    let mut tab_b = opened.clone();
    tab_b.notes = "Notes from tab B".into();
    tab_b.role = "Lead analyst".into();
    state.reduce(Msg::Navigate(View::EditProcess(ProcessId(1))));
    let version = state.data_version;
    state.reduce(Msg::SaveProcess {
        base: Some(Box::new(opened.clone())),
        edited: Box::new(tab_b.clone()),
        resolve: None,
    });
    // Nothing written yet; both values shown.
    assert_eq!(state.data_version, version);
    let conflict = state.save_conflict.clone().expect("a conflict");
    assert_eq!(conflict.conflicts.len(), 1);
    assert_eq!(conflict.conflicts[0].field, "Notes");
    assert_eq!(conflict.conflicts[0].theirs, "Notes from tab A");
    assert_eq!(conflict.conflicts[0].mine, "Notes from tab B");
    assert_eq!(
        state.view,
        View::EditProcess(ProcessId(1)),
        "the form stays open"
    );

    // Choosing theirs keeps A's notes and still saves B's role.
    let mut theirs = state.clone();
    theirs.reduce(Msg::SaveProcess {
        base: Some(Box::new(opened.clone())),
        edited: Box::new(tab_b.clone()),
        resolve: Some(Prefer::Theirs),
    });
    let saved = theirs.data.process(ProcessId(1)).expect("exists");
    assert_eq!(saved.notes, "Notes from tab A");
    assert_eq!(saved.role, "Lead analyst");
    assert!(theirs.save_conflict.is_none());

    state.reduce(Msg::SaveProcess {
        base: Some(Box::new(opened)),
        edited: Box::new(tab_b),
        resolve: Some(Prefer::Mine),
    });
    let saved = state.data.process(ProcessId(1)).expect("exists");
    assert_eq!(saved.notes, "Notes from tab B");
    assert_eq!(saved.role, "Lead analyst");
}

#[test]
fn a_conflict_names_the_person_whose_field_it_is() {
    let mut state = state_with(vec![acme()]);
    let opened = state.data.process(ProcessId(1)).cloned().expect("exists");
    let mut tab_a = opened.clone();
    tab_a.rounds[0].interviewers[0].discussed = "the churn model".into();
    state.reduce(Msg::SaveProcess {
        base: Some(Box::new(opened.clone())),
        edited: Box::new(tab_a),
        resolve: None,
    });
    let mut tab_b = opened.clone();
    tab_b.rounds[0].interviewers[0].discussed = "their move to dbt".into();
    state.reduce(Msg::SaveProcess {
        base: Some(Box::new(opened)),
        edited: Box::new(tab_b),
        resolve: None,
    });
    let conflict = state.save_conflict.expect("a conflict");
    assert_eq!(
        conflict.conflicts[0].field,
        "round of 2026-11-18, Dr. Amara Okonkwo: what you talked about"
    );
}

#[test]
fn another_tab_deleting_the_process_keeps_the_open_form() {
    let mut state = state_with(vec![acme()]);
    state.reduce(Msg::Navigate(View::EditProcess(ProcessId(1))));
    let opened = state.data.process(ProcessId(1)).cloned().expect("exists");

    let mut other_tab = state.data.clone();
    other_tab.delete_process(ProcessId(1), at("2026-11-20T10:05:00+01:00"));
    assert!(state.reduce(Msg::MergeIncoming(other_tab)));
    assert!(state.data.process(ProcessId(1)).is_none());
    assert_eq!(
        state.view,
        View::EditProcess(ProcessId(1)),
        "the form stays open"
    );

    // Saving keeps what was typed, as a new interview under a new id.
    let mut typed = opened.clone();
    typed.notes = "Typed while the other tab deleted it".into();
    state.reduce(Msg::SaveProcess {
        base: Some(Box::new(opened)),
        edited: Box::new(typed),
        resolve: None,
    });
    let kept = state
        .data
        .processes
        .iter()
        .find(|p| p.notes == "Typed while the other tab deleted it")
        .expect("kept");
    assert_ne!(kept.id, ProcessId(1));
    assert!(state
        .announcement
        .as_deref()
        .is_some_and(|a| a.contains("deleted in another tab")));
}

#[test]
fn another_tab_deleting_the_shown_process_leaves_its_page() {
    let mut state = state_with(vec![acme()]);
    state.reduce(Msg::Navigate(View::Process(ProcessId(1))));
    let mut other_tab = state.data.clone();
    other_tab.delete_process(ProcessId(1), at("2026-11-20T10:05:00+01:00"));
    state.reduce(Msg::MergeIncoming(other_tab));
    assert_eq!(state.view, View::Interviews);
}

#[test]
fn delete_then_undo_restores_the_process() {
    let mut state = state_with(vec![acme()]);
    assert!(state.reduce(Msg::DeleteProcess(ProcessId(1))));
    assert!(state.data.process(ProcessId(1)).is_none());
    assert!(matches!(state.undo, Some(Undo::Delete(_))));
    assert!(state.reduce(Msg::Undo));
    assert_eq!(
        state.data.process(ProcessId(1)).map(|p| p.company.as_str()),
        Some("Acme & Sons")
    );
    assert_eq!(state.view, View::Process(ProcessId(1)));
    assert!(!state.reduce(Msg::Undo), "nothing left to undo");
    assert!(
        !state.reduce(Msg::DeleteProcess(ProcessId(9))),
        "unknown id"
    );
}

#[test]
fn a_logged_note_reaches_the_timeline() {
    let mut state = state_with(vec![acme()]);
    let form = LogForm {
        kind: Loggable::UpdateRequested,
        note: "I passed the AWS data engineering certificate.".into(),
        ..LogForm::new(state.now)
    };
    let entry = form
        .submit(&FixedOffset::east_opt(3600).expect("offset"))
        .expect("valid");
    assert!(state.reduce(Msg::LogEvent {
        process: ProcessId(1),
        kind: entry.kind,
        at: entry.at,
        round: Some(RoundId(100)),
        note: entry.note,
    }));
    let process = state.data.process(ProcessId(1)).expect("exists");
    let event = process.events.last().expect("logged");
    assert_eq!(event.note, "I passed the AWS data engineering certificate.");
    assert_eq!(event.kind, EventKind::UpdateRequested { by: None });
    assert_eq!(state.announcement.as_deref(), Some("Logged."));
}

#[test]
fn the_log_form_starts_with_nobody_named_and_rejects_impossible_dates() {
    let zone = FixedOffset::east_opt(3600).expect("offset");
    let form = LogForm {
        kind: Loggable::Reply,
        ..LogForm::new(at(NOW))
    };
    assert_eq!(form.person, None);
    assert_eq!(
        form.submit(&zone).expect("valid").kind,
        EventKind::ReplyReceived { from: None }
    );

    // The browser reports 31/02 as "bad input" with an empty value.
    let impossible = LogForm {
        kind: Loggable::DecisionDate,
        date: String::new(),
        date_bad_input: true,
        ..LogForm::new(at(NOW))
    };
    let errors = impossible.submit(&zone).expect_err("refused");
    assert_eq!(errors[0].0, LogField::Date);
    assert!(errors[0].1.contains("does not exist"), "{}", errors[0].1);

    let missing = LogForm {
        kind: Loggable::DecisionDate,
        ..LogForm::new(at(NOW))
    };
    let errors = missing.submit(&zone).expect_err("refused");
    assert_eq!(errors[0].1, "Enter the date they gave you.");

    let named = LogForm {
        kind: Loggable::DecisionDate,
        date: "2026-12-01".into(),
        person: Some(PersonId(2)),
        ..LogForm::new(at(NOW))
    };
    assert_eq!(
        named.submit(&zone).expect("valid").kind,
        EventKind::DecisionDateGiven {
            date: date("2026-12-01"),
            from: Some(PersonId(2)),
        }
    );
    // A person chosen for another kind is not carried into a kind without a sender.
    let elsewhere = LogForm {
        kind: Loggable::CompetingOffer,
        person: Some(PersonId(2)),
        ..LogForm::new(at(NOW))
    };
    assert_eq!(
        elsewhere.submit(&zone).expect("valid").kind,
        EventKind::CompetingOffer { deadline: None }
    );
}

#[test]
fn the_log_form_offers_interviewers_and_contacts_once_each() {
    let mut process = acme();
    // The same interviewer met again in a second round is listed once.
    let mut second = process.rounds[0].clone();
    second.id = RoundId(200);
    second.interviewers.truncate(1);
    process.rounds.push(second);
    process.contacts.push(Contact {
        id: PersonId(7),
        role: ContactRole::Recruiter,
        name: "Inès Duarte".into(),
        title: "Talent partner".into(),
        ..Contact::default()
    });
    let names: Vec<String> = Loggable::Reply
        .people(&process)
        .into_iter()
        .map(|(_, name)| name)
        .collect();
    assert_eq!(
        names,
        [
            "Dr. Amara Okonkwo (Head of data)",
            "Marcus Webb (Talent acquisition partner)",
            "Inès Duarte (Talent partner)"
        ]
    );
    // A request can come from a contact too: the answer goes to whoever asked.
    assert_eq!(Loggable::Documents.people(&process).len(), 3);
}

#[test]
fn the_log_form_clears_its_text_after_a_log_but_keeps_the_kind() {
    let form = LogForm {
        kind: Loggable::Documents,
        what: "two references".into(),
        note: "By Friday".into(),
        ..LogForm::new(at(NOW))
    };
    let cleared = form.cleared();
    assert_eq!(cleared.kind, Loggable::Documents);
    assert!(cleared.what.is_empty() && cleared.note.is_empty());
}

#[test]
fn removing_a_timeline_entry_can_be_undone() {
    let mut state = state_with(vec![acme()]);
    state.reduce(Msg::LogEvent {
        process: ProcessId(1),
        kind: EventKind::Rejection { from: None },
        at: at(NOW),
        round: None,
        note: "Kind words from Marcus".into(),
    });
    let event = state.data.process(ProcessId(1)).expect("exists").events[0].clone();
    assert_eq!(
        state.data.process(ProcessId(1)).map(|p| p.status),
        Some(ProcessStatus::Rejected)
    );
    assert!(state.reduce(Msg::RemoveEvent {
        process: ProcessId(1),
        event: event.id,
    }));
    assert_eq!(
        state.data.process(ProcessId(1)).map(|p| p.status),
        Some(ProcessStatus::Active)
    );
    assert!(state.reduce(Msg::Undo));
    let process = state.data.process(ProcessId(1)).expect("exists");
    assert_eq!(process.events, vec![event]);
    assert_eq!(process.status, ProcessStatus::Rejected);
}

#[test]
fn marking_done_logs_the_message_and_closes_its_draft() {
    let mut state = state_with(vec![acme()]);
    let target = DraftTarget {
        process: ProcessId(1),
        key: thank_you(1),
    };
    state.reduce(Msg::OpenDraft(target));
    state.reduce(Msg::EditDraft(
        target,
        EditedDraft {
            subject: "Thank you".into(),
            body: "Dear Dr Okonkwo,".into(),
        },
    ));
    assert!(state.reduce(Msg::MarkDone {
        process: ProcessId(1),
        key: thank_you(1),
        channel: Channel::Email,
        at: at(NOW),
    }));
    assert!(state.draft.is_none());
    assert!(state.edited_drafts.is_empty());
    let event = &state.data.process(ProcessId(1)).expect("exists").events[0];
    assert_eq!(
        event.kind,
        EventKind::MessageSent {
            message: ActionKind::ThankYou,
            channel: Channel::Email,
            to: Some(InterviewerId(1)),
        }
    );
}

#[test]
fn snooze_is_logged_with_its_time() {
    let mut state = state_with(vec![acme()]);
    let until = at("2026-11-20T15:00:00+01:00");
    assert!(state.reduce(Msg::Snooze {
        process: ProcessId(1),
        key: thank_you(2),
        until,
    }));
    let event = &state.data.process(ProcessId(1)).expect("exists").events[0];
    assert_eq!(
        event.kind,
        EventKind::Snoozed {
            action: thank_you(2),
            until
        }
    );
    assert!(!state.reduce(Msg::Snooze {
        process: ProcessId(7),
        key: thank_you(2),
        until,
    }));
}

#[test]
fn dismissing_can_be_undone() {
    let mut state = state_with(vec![acme()]);
    assert!(state.reduce(Msg::Dismiss {
        process: ProcessId(1),
        key: thank_you(2),
    }));
    assert_eq!(
        state
            .data
            .process(ProcessId(1))
            .expect("exists")
            .events
            .len(),
        1
    );
    assert!(matches!(state.undo, Some(Undo::Dismiss { .. })));
    assert!(state.reduce(Msg::Undo));
    assert!(state
        .data
        .process(ProcessId(1))
        .expect("exists")
        .events
        .is_empty());
    assert_eq!(state.announcement.as_deref(), Some("Back in the plan."));
}

#[test]
fn theme_change_is_saved_and_announced() {
    let mut state = state_with(vec![]);
    let mut settings = state.data.settings.clone();
    settings.theme = Theme::Dark;
    assert!(state.reduce(Msg::UpdateSettings(settings.clone())));
    assert_eq!(state.data.settings.theme, Theme::Dark);
    assert_eq!(state.announcement.as_deref(), Some("Settings saved."));
    assert!(!state.reduce(Msg::UpdateSettings(settings)));
}

#[test]
fn settings_autosave_is_quiet_and_bumps_the_data() {
    let mut state = state_with(vec![]);
    let mut editor = SettingsEditor::new(&state.data.settings);
    editor.draft.name = "Inês Carvalho".into();
    editor.refresh();
    let to_save = editor.to_save.clone().expect("a valid change is waiting");
    assert!(state.reduce(Msg::AutosaveSettings(to_save)));
    assert_eq!(state.data.settings.name, "Inês Carvalho");
    assert_eq!(state.data_version, 1);
    assert!(state.announcement.is_none());
}

#[test]
fn settings_text_needing_a_fix_is_kept_across_pages() {
    let mut state = state_with(vec![]);
    let mut editor = SettingsEditor::new(&state.data.settings);
    editor.draft.name = "Inês Carvalho".into();
    editor.draft.email = "ines at example".into();
    editor.touch(SettingsField::Email);
    // The valid name is saved; the email waits with its message.
    let to_save = editor.to_save.clone().expect("the name");
    assert_eq!(to_save.name, "Inês Carvalho");
    assert_eq!(to_save.email, "");
    assert_eq!(editor.errors.len(), 1);
    state.reduce(Msg::AutosaveSettings(to_save));
    editor.saved(&state.data.settings);

    // Leaving the page keeps the text; coming back shows it with its message.
    assert!(state.reduce(Msg::KeepSettingsDraft(editor.unsaved_draft())));
    let kept = state.settings_draft.clone().expect("kept");
    let reopened = SettingsEditor::reopen(&state.data.settings, kept);
    assert_eq!(reopened.draft.email, "ines at example");
    assert_eq!(reopened.draft.name, "Inês Carvalho");
    assert!(reopened.error(SettingsField::Email).is_some());
    assert!(state.reduce(Msg::KeepSettingsDraft(None)));
    assert!(state.settings_draft.is_none());
}

#[test]
fn onboarding_saves_the_name_and_adds_the_example() {
    let mut state = state_with(vec![]);
    assert!(state.reduce(Msg::FinishOnboarding {
        name: "  Zoë Ångström ".into(),
        with_sample: true,
    }));
    assert_eq!(state.data.settings.name, "Zoë Ångström");
    assert!(state.data.settings.onboarded);
    assert_eq!(state.data.processes.iter().filter(|p| p.sample).count(), 1);
}

#[test]
fn the_example_is_added_once_and_removed() {
    let mut state = state_with(vec![acme()]);
    assert!(state.reduce(Msg::AddSample));
    assert!(!state.reduce(Msg::AddSample));
    let sample = state
        .data
        .processes
        .iter()
        .find(|p| p.sample)
        .map(|p| p.id)
        .expect("added");
    assert_ne!(sample, ProcessId(1));
    state.reduce(Msg::Navigate(View::Process(sample)));
    assert!(state.reduce(Msg::RemoveSample));
    assert!(state.data.processes.iter().all(|p| !p.sample));
    assert_eq!(state.view, View::Interviews);
    assert!(!state.reduce(Msg::RemoveSample));
}

#[test]
fn draft_panel_keeps_edits_until_reset() {
    let mut state = state_with(vec![acme()]);
    let target = DraftTarget {
        process: ProcessId(1),
        key: thank_you(2),
    };
    let edited = EditedDraft {
        subject: "Thanks".into(),
        body: "Dear Marcus,".into(),
    };
    state.reduce(Msg::OpenDraft(target));
    state.reduce(Msg::EditDraft(target, edited.clone()));
    // A second edit replaces the first; another action's draft is kept apart.
    let edited = EditedDraft {
        subject: "Thank you".into(),
        ..edited
    };
    state.reduce(Msg::EditDraft(target, edited.clone()));
    let other = DraftTarget {
        process: ProcessId(1),
        key: thank_you(3),
    };
    let other_edit = EditedDraft {
        subject: "Thanks, Lee".into(),
        body: "Dear Lee,".into(),
    };
    state.reduce(Msg::EditDraft(other, other_edit.clone()));
    state.reduce(Msg::CloseDraft);
    assert!(state.draft.is_none());
    assert_eq!(state.edited_drafts.get(&target), Some(&edited));
    assert_eq!(state.edited_drafts.get(&other), Some(&other_edit));
    state.reduce(Msg::ResetDraft(other));
    state.reduce(Msg::ResetDraft(target));
    assert!(state.edited_drafts.is_empty());
}

#[test]
fn announcement_clears_with_its_undo() {
    let mut state = state_with(vec![acme()]);
    state.reduce(Msg::DeleteProcess(ProcessId(1)));
    assert!(state.undo.is_some());
    assert!(state.reduce(Msg::ClearAnnouncement));
    assert!(state.announcement.is_none() && state.undo.is_none());
    assert!(!state.reduce(Msg::ClearAnnouncement));
    assert!(state.reduce(Msg::Announce("Copied.".into())));
    assert_eq!(state.announcement.as_deref(), Some("Copied."));
}

#[test]
fn importing_a_backup_goes_through_the_reducer() {
    let mut state = state_with(vec![acme()]);
    let mut incoming = AppData::default();
    incoming.save_process(
        Process::new(ProcessId(5), "Contoso", "Analyst"),
        at("2026-11-10T09:00:00+01:00"),
    );
    assert!(state.reduce(Msg::ImportBackup {
        incoming: Box::new(incoming.clone()),
        mode: ImportMode::Merge,
    }));
    assert_eq!(state.data.processes.len(), 2);
    assert_eq!(
        state.announcement.as_deref(),
        Some("Backup imported: 1 added, 0 updated, 0 removed.")
    );

    state.reduce(Msg::Navigate(View::Process(ProcessId(1))));
    assert!(state.reduce(Msg::ImportBackup {
        incoming: Box::new(incoming),
        mode: ImportMode::Replace,
    }));
    assert_eq!(state.data.processes.len(), 1);
    assert_eq!(state.data.processes[0].company, "Contoso");
    assert_eq!(state.view, View::Interviews, "the shown process is gone");
}

#[test]
fn imported_rows_get_fresh_ids() {
    let mut state = state_with(vec![acme()]);
    let rows = vec![
        Process::new(ProcessId(1), "Fabrikam", "BI developer"),
        Process::new(ProcessId(1), "Northwind", "Data engineer"),
    ];
    assert!(state.reduce(Msg::ImportProcesses(rows)));
    let mut ids: Vec<u64> = state.data.processes.iter().map(|p| p.id.0).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 3, "no row overwrote another");
    assert_eq!(
        state.announcement.as_deref(),
        Some("Added 2 interviews from the spreadsheet.")
    );
    assert!(!state.reduce(Msg::ImportProcesses(Vec::new())));
}

#[test]
fn export_resets_the_backup_reminder() {
    let mut state = state_with(vec![]);
    assert!(state.reduce(Msg::Exported(at(NOW))));
    assert_eq!(state.data.last_export_at, Some(at(NOW)));
    assert_eq!(state.data_version, 1);
}

#[test]
fn storage_status_changes_are_kept() {
    let mut state = state_with(vec![]);
    assert!(state.reduce(Msg::StorageChanged(StorageStatus::Full)));
    assert_eq!(state.storage, StorageStatus::Full);
    assert!(!state.reduce(Msg::StorageChanged(StorageStatus::Full)));
    state.reduce(Msg::StorageChanged(StorageStatus::ReadOnly { found: 9 }));
    assert!(!state.can_write());
}

#[test]
fn the_backup_reminder_is_put_off_for_the_visit_only() {
    let mut state = AppState::new(
        AppData::default(),
        at("2026-11-19T10:00:00+01:00"),
        StorageStatus::Saving,
    );
    assert!(!state.backup_reminder_later);
    assert!(state.reduce(Msg::PutOffBackupReminder), "the banner goes");
    assert!(state.backup_reminder_later);
    assert!(
        !state.reduce(Msg::PutOffBackupReminder),
        "nothing more to change"
    );
    assert_eq!(
        state.data_version, 0,
        "nothing stored changes: the next visit shows it again"
    );
}
