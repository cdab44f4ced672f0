//! App state and its reducer: every user action is a [`Msg`] applied here to a new state.
//!
//! Data flows one way: storage -> state -> planner -> view; user actions -> reducer -> state
//! -> storage (the app saves whenever `data_version` changes).

use crate::core::app::edit;
use crate::core::app::edit_merge::{merge_record, Conflict, Prefer};
use crate::core::app::settings_form::SettingsForm;
use crate::core::data::backup::{self, ImportMode};
use crate::core::data::model::{
    ActionKey, Channel, Event, EventId, EventKind, Process, ProcessId, RoundId,
};
use crate::core::data::sample::sample_process;
use crate::core::data::settings::Settings;
use crate::core::data::storage::AppData;
use crate::core::dates;
use chrono::{DateTime, FixedOffset};

/// Which screen is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum View {
    Today,
    Interviews,
    Process(ProcessId),
    NewProcess,
    EditProcess(ProcessId),
    /// Reading a calendar invitation or an email into a pre-filled interview form.
    ImportInvitation,
    Settings,
}

/// The action whose draft panel is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DraftTarget {
    pub process: ProcessId,
    pub key: ActionKey,
}

/// What the user typed into a draft, kept while the app is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditedDraft {
    pub subject: String,
    pub body: String,
}

/// Whether and how the data reaches localStorage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageStatus {
    /// Saved normally.
    Saving,
    /// Storage cannot be used at all (blocked, sandboxed): data lives for this visit only.
    InMemory { why: String },
    /// The stored data was written by a newer version: shown, never written.
    ReadOnly { found: u32 },
    /// The last save hit the storage quota: changes are kept in memory only.
    Full,
}

/// Everything the interface shows.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub data: AppData,
    /// Bumped by every change to `data`; the app saves when it changes.
    pub data_version: u64,
    /// Bumped by every change the reducer makes, to any field: the app's context compares this
    /// instead of the whole state (all the processes) at every render.
    pub changes: u64,
    /// The clock, refreshed every half minute (and faked by tests).
    pub now: DateTime<FixedOffset>,
    pub view: View,
    pub draft: Option<DraftTarget>,
    pub edited_drafts: EditedDrafts,
    /// The last change that can be undone, offered beside its announcement until it fades.
    pub undo: Option<Undo>,
    /// Fields another tab changed while the edit form was open, which the user changed too.
    pub save_conflict: Option<SaveConflict>,
    /// Settings text that still needs a fix, kept when the user left the Settings page.
    pub settings_draft: Option<SettingsForm>,
    /// Text for the polite live region and the visible toast.
    pub announcement: Option<String>,
    pub storage: StorageStatus,
    /// Unreadable text found in storage and set aside under this key (shown with a download).
    pub quarantined: Option<(String, String)>,
    /// The backup reminder was put off for this visit (it comes back on the next).
    pub backup_reminder_later: bool,
}

/// Drafts the person edited, by the action each is for. A handful at most, so a short list
/// (a hash map's code would be part of the first download, where the state is cloned).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EditedDrafts(Vec<(DraftTarget, EditedDraft)>);

impl EditedDrafts {
    pub fn get(&self, target: &DraftTarget) -> Option<&EditedDraft> {
        self.0
            .iter()
            .find(|(kept, _)| kept == target)
            .map(|(_, edited)| edited)
    }

    /// Keeps `edited` for `target`, in place of any earlier edit.
    pub fn insert(&mut self, target: DraftTarget, edited: EditedDraft) {
        match self.0.iter_mut().find(|(kept, _)| *kept == target) {
            Some((_, kept)) => *kept = edited,
            None => self.0.push((target, edited)),
        }
    }

    pub fn remove(&mut self, target: &DraftTarget) {
        self.0.retain(|(kept, _)| kept != target);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A change the user can take back from the announcement that reports it.
#[derive(Clone, Debug, PartialEq)]
pub enum Undo {
    /// A deleted process, restored whole.
    Delete(Box<Process>),
    /// A dismissed action: the dismissal is removed from the log.
    Dismiss { process: ProcessId, event: EventId },
    /// An event removed from the timeline, put back.
    RemoveEvent {
        process: ProcessId,
        event: Box<Event>,
    },
}

/// A save that met edits made meanwhile in another tab to the same fields.
#[derive(Clone, Debug, PartialEq)]
pub struct SaveConflict {
    pub process: ProcessId,
    pub conflicts: Vec<Conflict>,
}

/// A user action or an outside event.
#[derive(Debug)]
pub enum Msg {
    Tick(DateTime<FixedOffset>),
    Navigate(View),
    /// Saves the edit form. `base` is the process as it was when the form opened (`None` for
    /// a new one, which gets its id here). Only the fields the user changed are written over
    /// what is stored now; a field another tab changed too stops the save with a
    /// [`SaveConflict`] unless `resolve` says which side wins (the user chose after seeing
    /// both values).
    SaveProcess {
        base: Option<Box<Process>>,
        edited: Box<Process>,
        resolve: Option<Prefer>,
    },
    DeleteProcess(ProcessId),
    /// Takes back the change in [`AppState::undo`].
    Undo,
    LogEvent {
        process: ProcessId,
        kind: EventKind,
        at: DateTime<FixedOffset>,
        round: Option<RoundId>,
        note: String,
    },
    RemoveEvent {
        process: ProcessId,
        event: crate::core::data::model::EventId,
    },
    MarkDone {
        process: ProcessId,
        key: ActionKey,
        channel: Channel,
        at: DateTime<FixedOffset>,
    },
    Snooze {
        process: ProcessId,
        key: ActionKey,
        until: DateTime<FixedOffset>,
    },
    Dismiss {
        process: ProcessId,
        key: ActionKey,
    },
    /// Settings changed by one deliberate control (the theme button): saved and announced.
    UpdateSettings(Settings),
    /// The Settings form's valid changes, saved as they are made (no announcement: the form
    /// says it is saved).
    AutosaveSettings(Settings),
    /// Keeps (or forgets) Settings text that still needs a fix when the user leaves the page.
    KeepSettingsDraft(Option<SettingsForm>),
    /// First-run: save the name, optionally add the sample interview.
    FinishOnboarding {
        name: String,
        with_sample: bool,
    },
    AddSample,
    RemoveSample,
    OpenDraft(DraftTarget),
    CloseDraft,
    EditDraft(DraftTarget, EditedDraft),
    ResetDraft(DraftTarget),
    Announce(String),
    /// "Later" on the backup reminder: hidden until the next visit.
    PutOffBackupReminder,
    ClearAnnouncement,
    /// A validated backup the user confirmed, combined with the data as it is now.
    ImportBackup {
        incoming: Box<AppData>,
        mode: ImportMode,
    },
    /// Processes read from another tracker's spreadsheet; each gets a new id here.
    ImportProcesses(Vec<Process>),
    /// Another tab saved: merge its data record by record.
    MergeIncoming(AppData),
    /// The user exported a backup now.
    Exported(DateTime<FixedOffset>),
    StorageChanged(StorageStatus),
}

impl AppState {
    pub fn new(data: AppData, now: DateTime<FixedOffset>, storage: StorageStatus) -> Self {
        AppState {
            data,
            data_version: 0,
            changes: 0,
            now,
            view: View::Today,
            draft: None,
            edited_drafts: EditedDrafts::default(),
            undo: None,
            save_conflict: None,
            settings_draft: None,
            announcement: None,
            storage,
            quarantined: None,
            backup_reminder_later: false,
        }
    }

    pub fn process(&self, id: ProcessId) -> Option<&Process> {
        self.data.process(id)
    }

    /// Whether the data may be written (not for a newer schema's data).
    pub fn can_write(&self) -> bool {
        !matches!(self.storage, StorageStatus::ReadOnly { .. })
    }

    /// Applies `change` to one process, saving it with a new revision.
    fn edit_process(&mut self, id: ProcessId, change: impl FnOnce(&mut Process)) -> bool {
        let Some(mut process) = self.data.process(id).cloned() else {
            return false;
        };
        change(&mut process);
        self.data.save_process(process, self.now);
        self.data_version += 1;
        true
    }

    /// After data came from elsewhere (import, another tab), leave the page of a process that
    /// no longer exists. An open edit form stays: it says the interview is gone and offers to
    /// keep what was typed.
    fn leave_vanished_process(&mut self) {
        if let View::Process(id) = self.view {
            if self.data.process(id).is_none() {
                self.view = View::Interviews;
            }
        }
    }

    fn announce(&mut self, text: impl Into<String>) {
        self.announcement = Some(text.into());
    }

    /// Adds the example interview unless it is already there; says whether it added it.
    fn add_sample(&mut self) -> bool {
        if self.data.processes.iter().any(|p| p.sample) {
            return false;
        }
        let id = self.data.next_process_id();
        self.data
            .save_process(sample_process(id, self.now), self.now);
        true
    }

    fn save_process(
        &mut self,
        base: Option<Process>,
        mut edited: Process,
        resolve: Option<Prefer>,
    ) {
        let now = self.now;
        let current = base.as_ref().and_then(|b| self.data.process(b.id)).cloned();
        let (process, sentence) = match (base, current) {
            (None, _) => {
                edited.id = self.data.next_process_id();
                let sentence = format!("Added {}.", edited.company);
                (edited, sentence)
            }
            (Some(_), None) => {
                // Deleted in another tab while the form was open: what was typed is kept as a
                // new interview rather than lost or resurrected under the deleted id.
                edited.id = self.data.next_process_id();
                let sentence = format!(
                    "{} had been deleted in another tab; what you typed is saved as a new interview.",
                    edited.company
                );
                (edited, sentence)
            }
            (Some(base), Some(current)) => {
                let merged = merge_record(&base, &edited, &current, resolve.unwrap_or_default());
                if !merged.conflicts.is_empty() && resolve.is_none() {
                    let count = merged.conflicts.len();
                    self.save_conflict = Some(SaveConflict {
                        process: current.id,
                        conflicts: merged.conflicts,
                    });
                    self.announce(if count == 1 {
                        "Not saved yet: another tab changed a field you changed too. Choose which to keep.".to_string()
                    } else {
                        format!("Not saved yet: another tab changed {count} fields you changed too. Choose which to keep.")
                    });
                    return;
                }
                let sentence = format!("Saved {}.", merged.value.company);
                (merged.value, sentence)
            }
        };
        let id = process.id;
        self.data.save_process(process, now);
        self.data_version += 1;
        self.save_conflict = None;
        self.view = View::Process(id);
        self.announce(sentence);
    }

    fn apply_undo(&mut self, undo: Undo) {
        match undo {
            Undo::Delete(process) => {
                let name = process.company.clone();
                let id = process.id;
                self.data.save_process(*process, self.now);
                self.data_version += 1;
                self.view = View::Process(id);
                self.announce(format!("Restored {name}."));
            }
            Undo::Dismiss { process, event } => {
                if self.edit_process(process, |p| {
                    edit::remove_event(p, event);
                }) {
                    self.announce("Back in the plan.");
                }
            }
            Undo::RemoveEvent { process, event } => {
                if self.edit_process(process, |p| {
                    if !p.events.iter().any(|e| e.id == event.id) {
                        p.events.push(*event);
                        p.status = edit::status_from_events(p);
                    }
                }) {
                    self.announce("Put back on the timeline.");
                }
            }
        }
    }
}

impl AppState {
    /// Applies one message. Returns whether anything changed (the view re-renders only then);
    /// each change is counted in `changes`.
    pub fn reduce(&mut self, msg: Msg) -> bool {
        let changed = self.apply(msg);
        if changed {
            self.changes = self.changes.wrapping_add(1);
        }
        changed
    }

    fn apply(&mut self, msg: Msg) -> bool {
        let state = self;
        match msg {
            Msg::Tick(now) => {
                if now == state.now {
                    return false;
                }
                state.now = now;
            }
            Msg::Navigate(view) => {
                if view == state.view {
                    return false;
                }
                state.view = view;
                state.draft = None;
                state.save_conflict = None;
            }
            Msg::SaveProcess {
                base,
                edited,
                resolve,
            } => state.save_process(base.map(|b| *b), *edited, resolve),
            Msg::DeleteProcess(id) => {
                let Some(process) = state.data.process(id).cloned() else {
                    return false;
                };
                state.data.delete_process(id, state.now);
                state.data_version += 1;
                state.announce(format!("Deleted {}.", process.company));
                state.undo = Some(Undo::Delete(Box::new(process)));
                state.view = View::Interviews;
                state.draft = None;
            }
            Msg::Undo => {
                let Some(undo) = state.undo.take() else {
                    return false;
                };
                state.apply_undo(undo);
            }
            Msg::LogEvent {
                process,
                kind,
                at,
                round,
                note,
            } => {
                if !state.edit_process(process, |p| {
                    edit::log_event(p, kind, at, round, note);
                }) {
                    return false;
                }
                state.announce("Logged.");
            }
            Msg::RemoveEvent { process, event } => {
                let Some(removed) = state
                    .data
                    .process(process)
                    .and_then(|p| p.events.iter().find(|e| e.id == event))
                    .cloned()
                else {
                    return false;
                };
                state.edit_process(process, |p| {
                    edit::remove_event(p, event);
                });
                state.announce("Removed from the timeline.");
                state.undo = Some(Undo::RemoveEvent {
                    process,
                    event: Box::new(removed),
                });
            }
            Msg::MarkDone {
                process,
                key,
                channel,
                at,
            } => {
                if !state.edit_process(process, |p| {
                    edit::mark_done(p, key, channel, at);
                }) {
                    return false;
                }
                let target = DraftTarget { process, key };
                state.edited_drafts.remove(&target);
                if state.draft == Some(target) {
                    state.draft = None;
                }
                state.announce(format!("Marked done: {}.", key.kind.label()));
            }
            Msg::Snooze {
                process,
                key,
                until,
            } => {
                let now = state.now;
                if !state.edit_process(process, |p| {
                    edit::snooze(p, key, until, now);
                }) {
                    return false;
                }
                state.announce(format!(
                    "Snoozed until {} {}.",
                    dates::day_month(until.date_naive()),
                    dates::clock(until.time())
                ));
            }
            Msg::Dismiss { process, key } => {
                let now = state.now;
                let mut dismissal = None;
                if !state.edit_process(process, |p| {
                    dismissal = Some(edit::dismiss(p, key, now));
                }) {
                    return false;
                }
                state.announce(format!("Dismissed: {}.", key.kind.label()));
                state.undo = dismissal.map(|event| Undo::Dismiss { process, event });
            }
            Msg::UpdateSettings(settings) => {
                if settings == state.data.settings {
                    return false;
                }
                state.data.update_settings(settings, state.now);
                state.data_version += 1;
                state.announce("Settings saved.");
            }
            Msg::AutosaveSettings(settings) => {
                if settings == state.data.settings {
                    return false;
                }
                state.data.update_settings(settings, state.now);
                state.data_version += 1;
            }
            Msg::KeepSettingsDraft(draft) => {
                if draft == state.settings_draft {
                    return false;
                }
                if draft.is_some() {
                    state.announce(
                        "Some settings still need a fix; what you typed is kept for when you return to Settings.",
                    );
                }
                state.settings_draft = draft;
            }
            Msg::FinishOnboarding { name, with_sample } => {
                let mut settings = state.data.settings.clone();
                settings.name = name.trim().to_string();
                settings.onboarded = true;
                state.data.update_settings(settings, state.now);
                if with_sample {
                    state.add_sample();
                }
                state.data_version += 1;
                state.announce("Welcome to Afterview.");
            }
            Msg::AddSample => {
                if !state.add_sample() {
                    return false;
                }
                state.data_version += 1;
                state.announce("Added the example interview.");
            }
            Msg::RemoveSample => {
                let samples: Vec<ProcessId> = state
                    .data
                    .processes
                    .iter()
                    .filter(|p| p.sample)
                    .map(|p| p.id)
                    .collect();
                if samples.is_empty() {
                    return false;
                }
                for id in samples {
                    state.data.delete_process(id, state.now);
                }
                state.data_version += 1;
                if matches!(state.view, View::Process(_) | View::EditProcess(_)) {
                    state.view = View::Interviews;
                }
                state.draft = None;
                state.announce("Removed the example interview.");
            }
            Msg::OpenDraft(target) => state.draft = Some(target),
            Msg::CloseDraft => state.draft = None,
            Msg::EditDraft(target, edited) => {
                state.edited_drafts.insert(target, edited);
            }
            Msg::ResetDraft(target) => {
                state.edited_drafts.remove(&target);
            }
            Msg::Announce(text) => state.announce(text),
            Msg::PutOffBackupReminder => {
                if state.backup_reminder_later {
                    return false;
                }
                state.backup_reminder_later = true;
            }
            Msg::ClearAnnouncement => {
                if state.announcement.is_none() {
                    return false;
                }
                state.announcement = None;
                state.undo = None;
            }
            Msg::ImportBackup { incoming, mode } => {
                let now = state.now;
                let data = backup::apply(&state.data, &incoming, mode, now);
                let found = backup::compare(&state.data, &data);
                if data == state.data {
                    state.announce("The backup held nothing new for this browser.");
                    return true;
                }
                state.data = data;
                state.data_version += 1;
                state.leave_vanished_process();
                state.announce(format!(
                    "Backup imported: {} added, {} updated, {} removed.",
                    found.added.len(),
                    found.updated.len(),
                    found.removed.len()
                ));
            }
            Msg::ImportProcesses(processes) => {
                if processes.is_empty() {
                    return false;
                }
                let count = processes.len();
                for mut process in processes {
                    process.id = state.data.next_process_id();
                    state.data.save_process(process, state.now);
                }
                state.data_version += 1;
                state.announce(if count == 1 {
                    "Added 1 interview from the spreadsheet.".to_string()
                } else {
                    format!("Added {count} interviews from the spreadsheet.")
                });
            }
            Msg::MergeIncoming(theirs) => {
                let merged = crate::core::data::storage::merge(&state.data, &theirs);
                if merged == state.data {
                    return false;
                }
                state.data = merged;
                state.data_version += 1;
                state.leave_vanished_process();
            }
            Msg::Exported(at) => {
                state.data.last_export_at = Some(at);
                state.data_version += 1;
            }
            Msg::StorageChanged(status) => {
                if status == state.storage {
                    return false;
                }
                state.storage = status;
            }
        }
        true
    }
}
