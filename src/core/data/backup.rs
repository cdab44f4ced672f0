//! Backup import and export: validation, preview of changes, merge or replace.
//!
//! A backup file is the storage envelope, indented. Importing parses and validates the whole
//! file first ([`parse_backup`]); only a fully valid [`AppData`] reaches [`apply`], which cannot
//! fail, so an import never half-applies.

use chrono::{DateTime, Duration, FixedOffset};

use crate::core::data::ids::{in_range, MAX_ID};
use crate::core::data::json;
use crate::core::data::model::{Process, ProcessId};
use crate::core::data::storage::{self, AppData, DecodeError, Tombstone};

/// Larger than anything that fits in localStorage (about 5 MiB of UTF-16).
pub const MAX_DOCUMENT_BYTES: usize = 4 * 1024 * 1024;
pub const MAX_PROCESSES: usize = 2_000;
pub const MAX_ROUNDS_PER_PROCESS: usize = 100;
pub const MAX_INTERVIEWERS_PER_ROUND: usize = 50;
pub const MAX_EVENTS_PER_PROCESS: usize = 2_000;
pub const MAX_TOMBSTONES: usize = 20_000;
pub const MAX_HOLIDAYS: usize = 1_000;
/// Names, titles, addresses and other one-line fields, in characters.
pub const MAX_LINE_CHARS: usize = 1_000;
/// Notes and other free text, in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// A backup reminder is due this long after the last export.
pub const BACKUP_REMINDER_DAYS: i64 = 30;

/// Why a backup file cannot be imported. `Display` gives a message for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file is empty.
    Empty,
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// The file ends in the middle of the document.
    Truncated,
    /// Not JSON at all.
    NotJson {
        line: usize,
        column: usize,
    },
    /// JSON, but not an Afterview backup.
    NotAfterview,
    TooNew {
        found: u32,
        supported: u32,
    },
    /// The right kind of file, but a value has the wrong type or shape.
    Invalid {
        detail: String,
    },
    TooMany {
        what: &'static str,
        found: usize,
        limit: usize,
    },
    TooLong {
        field: String,
        chars: usize,
        limit: usize,
    },
    /// Two processes share one id, so one would silently replace the other.
    DuplicateId {
        id: ProcessId,
    },
    /// Settings Afterview cannot plan with, or a date outside the years it keeps.
    OutOfRange {
        problem: String,
    },
    /// An id outside `1..=`[`MAX_ID`]: zero, or too large to survive a JavaScript number.
    IdOutOfRange {
        /// What carries it, e.g. "process" or "round in the Acme process".
        what: String,
        id: u64,
    },
    /// Two rounds, two events, or one interviewer twice in a round share an id inside one
    /// process, so edits and logged events could land on the wrong one.
    DuplicateLocalId {
        /// What shares it, e.g. "rounds in the Acme process".
        what: String,
        id: u64,
    },
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Empty => write!(f, "The file is empty. Choose a backup file Afterview exported."),
            ImportError::TooLarge { bytes, limit } => write!(
                f,
                "The file is {} KB, more than the {} KB a backup can be. Check that you picked an Afterview backup.",
                bytes / 1024,
                limit / 1024
            ),
            ImportError::Truncated => write!(
                f,
                "The file stops part-way through, so it was probably cut off while copying. Export or download it again."
            ),
            ImportError::NotJson { line, column } => write!(
                f,
                "The file is not a backup: it stops making sense at line {line}, column {column}. Choose a file Afterview exported."
            ),
            ImportError::NotAfterview => write!(
                f,
                "This file is JSON but not an Afterview backup. Choose a file Afterview exported."
            ),
            ImportError::TooNew { found, supported } => write!(
                f,
                "This backup comes from a newer Afterview (data version {found}; this one reads up to {supported}). Update Afterview, then import it."
            ),
            ImportError::Invalid { detail } => write!(
                f,
                "The backup has a damaged entry ({detail}). Nothing was imported; try an earlier backup."
            ),
            ImportError::TooMany { what, found, limit } => write!(
                f,
                "The backup holds {found} {what}, more than the {limit} Afterview accepts. Nothing was imported."
            ),
            ImportError::TooLong { field, chars, limit } => write!(
                f,
                "The {field} is {chars} characters long; the limit is {limit}. Shorten it in the file, then import again."
            ),
            ImportError::DuplicateId { id } => write!(
                f,
                "Two processes in the backup share the id {id}. Nothing was imported; the file was probably edited by hand."
            ),
            ImportError::OutOfRange { problem } => write!(
                f,
                "The backup cannot be used as it is: {problem}. Nothing was imported; correct that value in the file or use another backup."
            ),
            ImportError::IdOutOfRange { what, id } => write!(
                f,
                "The {what} has the id {id}; ids run from 1 to {MAX_ID}. Nothing was imported; the file was probably edited by hand."
            ),
            ImportError::DuplicateLocalId { what, id } => write!(
                f,
                "Two {what} share the id {id}. Nothing was imported; the file was probably edited by hand."
            ),
        }
    }
}

impl std::error::Error for ImportError {}

impl From<DecodeError> for ImportError {
    fn from(error: DecodeError) -> Self {
        match error {
            DecodeError::Malformed(detail) => ImportError::Invalid { detail },
            DecodeError::NotAfterview => ImportError::NotAfterview,
            DecodeError::TooNew { found, supported } => ImportError::TooNew { found, supported },
            DecodeError::OutOfRange(problem) => ImportError::OutOfRange { problem },
        }
    }
}

/// The backup document for `data`, stamping the export time into it first so the reminder
/// resets. The adapter saves `data` afterwards.
pub fn export_backup(data: &mut AppData, now: DateTime<FixedOffset>) -> String {
    data.last_export_at = Some(now);
    storage::encode_pretty(data, now)
}

/// A sensible file name for a backup downloaded at `now`.
pub fn backup_file_name(now: DateTime<FixedOffset>) -> String {
    format!(
        "afterview-backup-{}.json",
        crate::core::dates::iso_date(now.date_naive())
    )
}

/// True when there is something to lose and no backup was exported in the last 30 days.
pub fn backup_reminder_due(data: &AppData, now: DateTime<FixedOffset>) -> bool {
    let own: Vec<&Process> = data.processes.iter().filter(|p| !p.sample).collect();
    if own.is_empty() {
        return false;
    }
    // Never exported: count from when the user started recording, so a first visit is not nagged.
    let since = data.last_export_at.or_else(|| {
        own.iter()
            .flat_map(|p| {
                p.updated_at
                    .into_iter()
                    .chain(p.rounds.iter().map(|r| r.start))
            })
            .min()
    });
    match since {
        None => true,
        Some(since) => now - since >= Duration::days(BACKUP_REMINDER_DAYS),
    }
}

/// Reads and validates a backup file completely. Text fields come back cleaned: control
/// characters other than newline and tab are dropped, one-line fields lose line breaks.
pub fn parse_backup(text: &str) -> Result<AppData, ImportError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    // A byte-order mark is what some editors add when saving; it is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    // Syntax first, so a cut-off or mangled file gets its own message; then the records,
    // read from the text itself so a damaged one is reported at its line and column.
    json::Reader::new(text)
        .document(json::Reader::skip)
        .map_err(|error| {
            if error.kind == json::ErrorKind::Truncated {
                ImportError::Truncated
            } else {
                ImportError::NotJson {
                    line: error.line,
                    column: error.column,
                }
            }
        })?;
    let mut data = storage::decode_document(text)?.envelope.data;
    validate(&mut data)?;
    Ok(data)
}

fn validate(data: &mut AppData) -> Result<(), ImportError> {
    check_count("processes", data.processes.len(), MAX_PROCESSES)?;
    check_count(
        "deleted-process records",
        data.tombstones.len(),
        MAX_TOMBSTONES,
    )?;
    check_count("holidays", data.settings.holidays.len(), MAX_HOLIDAYS)?;

    let settings = &mut data.settings;
    let fields = [
        (&mut settings.name, FieldKind::Line, "name"),
        (&mut settings.email, FieldKind::Line, "email"),
        (&mut settings.phone, FieldKind::Line, "phone number"),
        (&mut settings.linkedin, FieldKind::Line, "LinkedIn address"),
        (&mut settings.signature, FieldKind::Text, "signature"),
    ];
    for (value, kind, what) in fields {
        clean_field(value, kind, || format!("{what} in your settings"))?;
    }

    for tombstone in &data.tombstones {
        check_id(tombstone.id.0, || "deleted-process record".into())?;
    }
    let mut seen = std::collections::BTreeSet::new();
    for process in &mut data.processes {
        check_id(process.id.0, || "process".into())?;
        if !seen.insert(process.id) {
            return Err(ImportError::DuplicateId { id: process.id });
        }
        validate_process(process)?;
        check_local_ids(process)?;
    }
    Ok(())
}

fn check_id(id: u64, what: impl FnOnce() -> String) -> Result<(), ImportError> {
    if in_range(id) {
        Ok(())
    } else {
        Err(ImportError::IdOutOfRange { what: what(), id })
    }
}

/// Round, interviewer and event ids: in range and unique where they must be. One person may
/// sit on several rounds under one id, but not twice in the same round.
fn check_local_ids(process: &Process) -> Result<(), ImportError> {
    let company = preview_text(&process.company);
    let unique = |ids: &mut dyn Iterator<Item = u64>, what: &str| {
        let mut seen = std::collections::BTreeSet::new();
        for id in ids {
            check_id(id, || format!("{what} in the {company} process"))?;
            if !seen.insert(id) {
                return Err(ImportError::DuplicateLocalId {
                    what: format!("{what}s in the {company} process"),
                    id,
                });
            }
        }
        Ok(())
    };
    unique(&mut process.rounds.iter().map(|round| round.id.0), "round")?;
    for round in &process.rounds {
        unique(
            &mut round.interviewers.iter().map(|person| person.id.0),
            "interviewer",
        )?;
    }
    unique(&mut process.events.iter().map(|event| event.id.0), "event")
}

fn validate_process(process: &mut Process) -> Result<(), ImportError> {
    let id = process.id;
    check_count(
        "rounds in one process",
        process.rounds.len(),
        MAX_ROUNDS_PER_PROCESS,
    )?;
    check_count(
        "events in one process",
        process.events.len(),
        MAX_EVENTS_PER_PROCESS,
    )?;
    clean_field(&mut process.company, FieldKind::Line, || {
        format!("company name of process {id}")
    })?;
    // From here on the company name is short and clean, so messages can quote it.
    let company = preview_text(&process.company);
    let place = |what: &str| format!("{what} in the {company} process");
    let fields = [
        (&mut process.role, FieldKind::Line, "role"),
        (&mut process.job_url, FieldKind::Line, "job address"),
        (&mut process.notes, FieldKind::Text, "notes"),
        (&mut process.why_fit, FieldKind::Text, "why you fit"),
    ];
    for (value, kind, what) in fields {
        clean_field(value, kind, || place(what))?;
    }
    for round in &mut process.rounds {
        check_count(
            "interviewers in one round",
            round.interviewers.len(),
            MAX_INTERVIEWERS_PER_ROUND,
        )?;
        clean_field(&mut round.notes, FieldKind::Text, || place("round notes"))?;
        for person in &mut round.interviewers {
            let fields = [
                (&mut person.name, FieldKind::Line, "interviewer name"),
                (&mut person.title, FieldKind::Line, "interviewer title"),
                (&mut person.email, FieldKind::Line, "interviewer email"),
                (
                    &mut person.linkedin,
                    FieldKind::Line,
                    "interviewer LinkedIn address",
                ),
                (&mut person.discussed, FieldKind::Text, "interview topics"),
                (&mut person.detail, FieldKind::Text, "interview detail"),
                (
                    &mut person.to_tell,
                    FieldKind::Text,
                    "what to tell an interviewer",
                ),
            ];
            for (value, kind, what) in fields {
                clean_field(value, kind, || place(what))?;
            }
        }
    }
    for event in &mut process.events {
        clean_field(&mut event.note, FieldKind::Text, || place("event note"))?;
        if let crate::core::data::model::EventKind::DocumentsRequested { what, .. } =
            &mut event.kind
        {
            clean_field(what, FieldKind::Text, || place("requested documents"))?;
        }
    }
    Ok(())
}

fn check_count(what: &'static str, found: usize, limit: usize) -> Result<(), ImportError> {
    if found > limit {
        Err(ImportError::TooMany { what, found, limit })
    } else {
        Ok(())
    }
}

/// Whether a text field may hold line breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// Names, titles, addresses: one line, at most [`MAX_LINE_CHARS`].
    Line,
    /// Notes: line breaks and tabs kept, at most [`MAX_TEXT_CHARS`].
    Text,
}

impl FieldKind {
    pub fn limit(self) -> usize {
        match self {
            FieldKind::Line => MAX_LINE_CHARS,
            FieldKind::Text => MAX_TEXT_CHARS,
        }
    }
}

/// Cleans a field in place, then checks its length; `field` names it for the error message.
pub fn clean_field(
    value: &mut String,
    kind: FieldKind,
    field: impl FnOnce() -> String,
) -> Result<(), ImportError> {
    if let Some(cleaned) = cleaned_text(value, kind) {
        *value = cleaned;
    }
    let chars = value.chars().count();
    if chars > kind.limit() {
        return Err(ImportError::TooLong {
            field: field(),
            chars,
            limit: kind.limit(),
        });
    }
    Ok(())
}

/// The cleaned form of `text`, or `None` when it is already clean (the common case).
///
/// Control characters are dropped (newline and tab kept in free text, turned into spaces in
/// one-line fields), and so are the invisible direction overrides that can make a name display
/// differently from what it contains.
pub fn cleaned_text(text: &str, kind: FieldKind) -> Option<String> {
    let needs_work =
        |c: char| is_dropped(c) || (kind == FieldKind::Line && matches!(c, '\n' | '\t'));
    if !text.chars().any(needs_work) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\t' if kind == FieldKind::Line => out.push(' '),
            '\n' | '\t' => out.push(c),
            c if is_dropped(c) => {}
            c => out.push(c),
        }
    }
    Some(out)
}

fn is_dropped(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// At most 40 characters of a name, for quoting it in a message.
fn preview_text(text: &str) -> String {
    let mut short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    if short.is_empty() {
        short.push_str("unnamed");
    }
    short
}

/// How an imported backup combines with the current data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ImportMode {
    /// Add processes the file has and this copy lacks; take the file's version of a process
    /// when it is newer. Nothing is deleted.
    #[default]
    Merge,
    /// Make the data exactly the file's: processes missing from the file are deleted.
    Replace,
}

/// The import mode to offer first: Replace when there is nothing here to keep (no process of
/// the user's own, the example aside, and settings nobody edited), otherwise Merge.
pub fn default_import_mode(current: &AppData) -> ImportMode {
    let own_processes = current.processes.iter().any(|process| !process.sample);
    if own_processes || current.settings_edited() {
        ImportMode::Merge
    } else {
        ImportMode::Replace
    }
}

/// What an import would do, process by process.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ImportPreview {
    pub added: Vec<ProcessId>,
    pub updated: Vec<ProcessId>,
    pub unchanged: Vec<ProcessId>,
    pub removed: Vec<ProcessId>,
    pub settings_changed: bool,
}

/// What [`apply`] would change, computed from its actual result so the two never disagree.
/// Ids in `added` are the ids the processes will have after the import.
pub fn preview(
    current: &AppData,
    incoming: &AppData,
    mode: ImportMode,
    now: DateTime<FixedOffset>,
) -> ImportPreview {
    compare(current, &apply(current, incoming, mode, now))
}

/// What changed between `current` and the `result` of an import, process by process.
pub fn compare(current: &AppData, result: &AppData) -> ImportPreview {
    let mut preview = ImportPreview {
        settings_changed: result.settings != current.settings,
        ..ImportPreview::default()
    };
    for process in &result.processes {
        match current.process(process.id) {
            None => preview.added.push(process.id),
            // Replace can put another interview under an id used here: that deletes this
            // browser's interview and adds the file's, and the preview must say so.
            Some(before) if !same_company(before, process) => {
                preview.added.push(process.id);
                preview.removed.push(before.id);
            }
            Some(before) if before == process => preview.unchanged.push(process.id),
            Some(_) => preview.updated.push(process.id),
        }
    }
    for process in &current.processes {
        if result.process(process.id).is_none() {
            preview.removed.push(process.id);
        }
    }
    preview
}

/// Combines validated backup data with the current data. Never fails; the caller saves the
/// result in one write.
pub fn apply(
    current: &AppData,
    incoming: &AppData,
    mode: ImportMode,
    now: DateTime<FixedOffset>,
) -> AppData {
    match mode {
        ImportMode::Merge => apply_merge(current, incoming),
        ImportMode::Replace => apply_replace(current, incoming, now),
    }
}

fn same_company(a: &Process, b: &Process) -> bool {
    a.company.trim().to_lowercase() == b.company.trim().to_lowercase()
}

fn apply_merge(current: &AppData, incoming: &AppData) -> AppData {
    let mut result = current.clone();
    let mut ids = current.process_ids();
    for process in &incoming.processes {
        ids.reserve(process.id.0);
    }
    for candidate in &incoming.processes {
        let mut candidate = candidate.clone();
        // A backup from another device numbers its processes independently: the same id
        // at a different company is a different process, not an edit.
        if result
            .process(candidate.id)
            .is_some_and(|existing| !same_company(existing, &candidate))
        {
            candidate.id = ProcessId(ids.take());
        }
        match result
            .processes
            .iter_mut()
            .find(|existing| existing.id == candidate.id)
        {
            Some(existing) => {
                let newer = (candidate.revision, candidate.updated_at)
                    > (existing.revision, existing.updated_at);
                if newer {
                    *existing = candidate;
                }
            }
            None => {
                // Importing is a deliberate restore: it brings back a process deleted here.
                if let Some(index) = result.tombstones.iter().position(|t| t.id == candidate.id) {
                    let tombstone = result.tombstones.remove(index);
                    candidate.revision =
                        candidate.revision.max(tombstone.revision).saturating_add(1);
                }
                result.processes.push(candidate);
            }
        }
    }
    if std::ptr::eq(storage::newer_settings(current, incoming), incoming) {
        result.settings = incoming.settings.clone();
        result.settings.onboarded |= current.settings.onboarded;
        result.settings_revision = incoming.settings_revision;
        result.settings_updated_at = incoming.settings_updated_at;
    }
    result.last_export_at = current.last_export_at.max(incoming.last_export_at);
    result
}

fn apply_replace(current: &AppData, incoming: &AppData, now: DateTime<FixedOffset>) -> AppData {
    // Revisions must end above anything this copy (and any tab still holding it) knows,
    // or a later two-tab merge would undo the replacement.
    let known_revision = |id: ProcessId| {
        let live = current.process(id).map(|p| p.revision);
        let dead = current
            .tombstones
            .iter()
            .filter(|t| t.id == id)
            .map(|t| t.revision);
        live.into_iter().chain(dead).max()
    };
    let mut processes = Vec::with_capacity(incoming.processes.len());
    for candidate in &incoming.processes {
        match (current.process(candidate.id), known_revision(candidate.id)) {
            (Some(existing), _) if existing == candidate => processes.push(existing.clone()),
            (_, Some(known)) => {
                let mut replaced = candidate.clone();
                replaced.revision = known.max(candidate.revision).saturating_add(1);
                replaced.updated_at = Some(now);
                processes.push(replaced);
            }
            (_, None) => processes.push(candidate.clone()),
        }
    }
    let mut tombstones: Vec<Tombstone> = current
        .tombstones
        .iter()
        .chain(&incoming.tombstones)
        .filter(|t| !processes.iter().any(|p| p.id == t.id))
        .copied()
        .collect();
    for gone in &current.processes {
        if !processes.iter().any(|p| p.id == gone.id) {
            tombstones.push(Tombstone {
                id: gone.id,
                revision: gone.revision.saturating_add(1),
                deleted_at: now,
            });
        }
    }
    crate::core::sort::sort_by_key(&mut tombstones, |t| (t.id, std::cmp::Reverse(t.revision)));
    tombstones.dedup_by_key(|t| t.id);

    let settings_changed = incoming.settings != current.settings;
    AppData {
        settings: incoming.settings.clone(),
        settings_revision: if settings_changed {
            current
                .settings_revision
                .max(incoming.settings_revision)
                .saturating_add(1)
        } else {
            current.settings_revision
        },
        settings_updated_at: if settings_changed {
            Some(now)
        } else {
            current.settings_updated_at
        },
        processes,
        tombstones,
        last_export_at: current.last_export_at.max(incoming.last_export_at),
    }
}
