//! App state and its reducer: every user action is a [`Msg`] applied here to a new state.
//!
//! Data flows one way: storage -> state -> planner -> view; user actions -> reducer -> state
//! -> storage (the app saves whenever `data_version` changes).

use std::collections::HashMap;
use std::rc::Rc;

use chrono::{DateTime, FixedOffset};
use yew::Reducible;

use crate::core::edit;
use crate::core::model::{ActionKey, Channel, EventKind, Process, ProcessId, RoundId};
use crate::core::sample::sample_process;
use crate::core::settings::Settings;
use crate::core::storage::AppData;

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
    /// The clock, refreshed every half minute (and faked by tests).
    pub now: DateTime<FixedOffset>,
    pub view: View,
    pub draft: Option<DraftTarget>,
    pub edited_drafts: HashMap<DraftTarget, EditedDraft>,
    /// The last deleted process, until undone or replaced.
    pub deleted: Option<Process>,
    /// Text for the polite live region and the visible toast.
    pub announcement: Option<String>,
    pub storage: StorageStatus,
    /// Unreadable text found in storage and set aside under this key (shown with a download).
    pub quarantined: Option<(String, String)>,
}

/// A user action or an outside event.
#[derive(Debug)]
pub enum Msg {
    Tick(DateTime<FixedOffset>),
    Navigate(View),
    /// Add or replace a process (from the form).
    SaveProcess(Process),
    DeleteProcess(ProcessId),
    UndoDelete,
    LogEvent {
        process: ProcessId,
        kind: EventKind,
        at: DateTime<FixedOffset>,
        round: Option<RoundId>,
        note: String,
    },
    RemoveEvent {
        process: ProcessId,
        event: crate::core::model::EventId,
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
    UpdateSettings(Settings),
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
    ClearAnnouncement,
    /// Replace all data (an import the user confirmed, or a merge with another tab's save).
    ReplaceData {
        data: AppData,
        announce: Option<String>,
    },
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
            now,
            view: View::Today,
            draft: None,
            edited_drafts: HashMap::new(),
            deleted: None,
            announcement: None,
            storage,
            quarantined: None,
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
    /// no longer exists.
    fn leave_vanished_process(&mut self) {
        if let View::Process(id) | View::EditProcess(id) = self.view {
            if self.data.process(id).is_none() {
                self.view = View::Interviews;
            }
        }
    }

    fn announce(&mut self, text: impl Into<String>) {
        self.announcement = Some(text.into());
    }
}

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut state = (*self).clone();
        match msg {
            Msg::Tick(now) => {
                if now == state.now {
                    return self;
                }
                state.now = now;
            }
            Msg::Navigate(view) => {
                if view == state.view {
                    return self;
                }
                state.view = view;
                state.draft = None;
            }
            Msg::SaveProcess(process) => {
                let id = process.id;
                let is_new = state.data.process(id).is_none();
                let name = process.company.clone();
                state.data.save_process(process, state.now);
                state.data_version += 1;
                state.view = View::Process(id);
                state.announce(if is_new {
                    format!("Added {name}.")
                } else {
                    format!("Saved {name}.")
                });
            }
            Msg::DeleteProcess(id) => {
                let Some(process) = state.data.process(id).cloned() else {
                    return self;
                };
                state.data.delete_process(id, state.now);
                state.data_version += 1;
                state.announce(format!("Deleted {}.", process.company));
                state.deleted = Some(process);
                state.view = View::Interviews;
                state.draft = None;
            }
            Msg::UndoDelete => {
                let Some(process) = state.deleted.take() else {
                    return self;
                };
                let name = process.company.clone();
                let id = process.id;
                state.data.save_process(process, state.now);
                state.data_version += 1;
                state.view = View::Process(id);
                state.announce(format!("Restored {name}."));
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
                    return self;
                }
                state.announce("Logged.");
            }
            Msg::RemoveEvent { process, event } => {
                if !state.edit_process(process, |p| {
                    edit::remove_event(p, event);
                }) {
                    return self;
                }
                state.announce("Removed from the timeline.");
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
                    return self;
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
                    return self;
                }
                state.announce(format!(
                    "Snoozed until {}.",
                    until.format("%a %-d %b %H:%M")
                ));
            }
            Msg::Dismiss { process, key } => {
                let now = state.now;
                if !state.edit_process(process, |p| {
                    edit::dismiss(p, key, now);
                }) {
                    return self;
                }
                state.announce(format!("Dismissed: {}.", key.kind.label()));
            }
            Msg::UpdateSettings(settings) => {
                if settings == state.data.settings {
                    return self;
                }
                state.data.update_settings(settings, state.now);
                state.data_version += 1;
                state.announce("Settings saved.");
            }
            Msg::FinishOnboarding { name, with_sample } => {
                let mut settings = state.data.settings.clone();
                settings.name = name.trim().to_string();
                settings.onboarded = true;
                state.data.update_settings(settings, state.now);
                if with_sample && !state.data.processes.iter().any(|p| p.sample) {
                    let id = state.data.next_process_id();
                    state
                        .data
                        .save_process(sample_process(id, state.now), state.now);
                }
                state.data_version += 1;
                state.announce("Welcome to Afterview.");
            }
            Msg::AddSample => {
                if state.data.processes.iter().any(|p| p.sample) {
                    return self;
                }
                let id = state.data.next_process_id();
                state
                    .data
                    .save_process(sample_process(id, state.now), state.now);
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
                    return self;
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
            Msg::ClearAnnouncement => {
                if state.announcement.is_none() {
                    return self;
                }
                state.announcement = None;
                state.deleted = None;
            }
            Msg::ReplaceData { data, announce } => {
                if data == state.data {
                    return self;
                }
                state.data = data;
                state.data_version += 1;
                state.leave_vanished_process();
                if let Some(text) = announce {
                    state.announce(text);
                }
            }
            Msg::MergeIncoming(theirs) => {
                let merged = crate::core::storage::merge(&state.data, &theirs);
                if merged == state.data {
                    return self;
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
                    return self;
                }
                state.storage = status;
            }
        }
        Rc::new(state)
    }
}
