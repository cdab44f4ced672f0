//! Merging two copies of the data (two open tabs), record by record.
//!
//! Each process, tombstone and the settings carry a revision that every change bumps. The
//! higher revision wins; on equal revisions the later timestamp wins; on a full tie a deletion
//! beats an edit and, last, the larger serialised form wins, so the result never depends on
//! which copy is "mine".

use std::cmp::Ordering;
use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};

use super::{AppData, Tombstone};
use crate::core::data::json::Stored;
use crate::core::data::model::{Process, ProcessId};

/// The newer of two versions of one record.
enum Version<'a> {
    Live(&'a Process),
    Deleted(&'a Tombstone),
}

impl Version<'_> {
    fn revision(&self) -> u64 {
        match self {
            Version::Live(process) => process.revision,
            Version::Deleted(tombstone) => tombstone.revision,
        }
    }

    fn changed_at(&self) -> Option<DateTime<FixedOffset>> {
        match self {
            Version::Live(process) => process.updated_at,
            Version::Deleted(tombstone) => Some(tombstone.deleted_at),
        }
    }

    fn is_deletion(&self) -> bool {
        matches!(self, Version::Deleted(_))
    }

    fn fingerprint(&self) -> String {
        match self {
            Version::Live(process) => process.to_text(),
            Version::Deleted(tombstone) => tombstone.to_text(),
        }
    }

    fn compare(&self, other: &Version<'_>) -> Ordering {
        self.revision()
            .cmp(&other.revision())
            .then_with(|| self.changed_at().cmp(&other.changed_at()))
            .then_with(|| self.is_deletion().cmp(&other.is_deletion()))
            .then_with(|| self.fingerprint().cmp(&other.fingerprint()))
    }
}

/// Combines two copies: the newer version of every process wins, deletions stay deleted
/// unless the other copy edited the process later, and the newer settings win (see
/// [`newer_settings`]).
///
/// `merge(a, b) == merge(b, a)`; the result lists processes by id.
pub fn merge(mine: &AppData, theirs: &AppData) -> AppData {
    let mut newest: BTreeMap<ProcessId, Version<'_>> = BTreeMap::new();
    let candidates = mine
        .processes
        .iter()
        .chain(&theirs.processes)
        .map(Version::Live)
        .chain(
            mine.tombstones
                .iter()
                .chain(&theirs.tombstones)
                .map(Version::Deleted),
        );
    for candidate in candidates {
        let id = match &candidate {
            Version::Live(process) => process.id,
            Version::Deleted(tombstone) => tombstone.id,
        };
        match newest.get(&id) {
            Some(current) if current.compare(&candidate) != Ordering::Less => {}
            _ => {
                newest.insert(id, candidate);
            }
        }
    }

    let mut processes = Vec::new();
    let mut tombstones = Vec::new();
    for version in newest.into_values() {
        match version {
            Version::Live(process) => processes.push(process.clone()),
            Version::Deleted(tombstone) => tombstones.push(*tombstone),
        }
    }

    let settings_source = newer_settings(mine, theirs);
    let mut settings = settings_source.settings.clone();
    settings.onboarded = mine.settings.onboarded || theirs.settings.onboarded;
    AppData {
        settings,
        settings_revision: settings_source.settings_revision,
        settings_updated_at: settings_source.settings_updated_at,
        processes,
        tombstones,
        last_export_at: mine.last_export_at.max(theirs.last_export_at),
    }
}

/// Whose settings win: edited settings beat settings nobody edited, then the higher revision,
/// the later edit and, last, the larger serialised form. Onboarding, once finished in either
/// copy, stays finished whichever wins.
pub fn newer_settings<'a>(mine: &'a AppData, theirs: &'a AppData) -> &'a AppData {
    let key = |data: &AppData| {
        (
            data.settings_edited(),
            data.settings_revision,
            data.settings_updated_at,
            data.settings.to_text(),
        )
    };
    if key(theirs) > key(mine) {
        theirs
    } else {
        mine
    }
}
