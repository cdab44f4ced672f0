//! The stored document: a versioned envelope around the user's data, its migrations,
//! loading with quarantine of unreadable text, and the merge of two tabs' copies.
//!
//! Everything is pure: the browser adapter reads one localStorage key, hands the text to
//! [`load`], and writes back whatever [`encode`] returns. The history of the format is in
//! `docs/storage.md`.

mod merge;
mod migrate;

pub use merge::{merge, newer_settings};
pub use migrate::{Migration, MIGRATIONS};

use chrono::{DateTime, Datelike, FixedOffset, Timelike};

use crate::core::data::ids::IdPool;
use crate::core::data::json::{self, Json, ReadError, Reader, Stored, Writer};
use crate::core::data::model::{EventKind, Process, ProcessId};
use crate::core::data::settings::Settings;

/// The schema this build writes. Always one more than the number of migration steps.
pub const SCHEMA_VERSION: u32 = 5;

/// Marks a JSON document as an Afterview backup.
pub const FORMAT: &str = "afterview";

/// The years a stored date may fall in. Planning adds weeks at most, so every time Afterview
/// writes keeps the four-digit year RFC 3339 requires.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Records that a process was deleted, so a stale copy in another tab cannot bring it back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tombstone {
    pub id: ProcessId,
    /// One more than the last revision the deleted process had: a deletion is a change.
    pub revision: u64,
    pub deleted_at: DateTime<FixedOffset>,
}

/// Everything the user has recorded.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct AppData {
    pub settings: Settings,
    pub processes: Vec<Process>,
    /// Bumped on every settings change; the higher one wins when two tabs merge.
    pub settings_revision: u64,
    /// When the user last edited their settings; `None` while nobody has (finishing
    /// onboarding without typing anything is not an edit). Edited settings always win a
    /// merge or an import over settings nobody edited.
    pub settings_updated_at: Option<DateTime<FixedOffset>>,
    /// Deleted processes (schema 2 onwards).
    pub tombstones: Vec<Tombstone>,
    /// When the user last downloaded a backup; drives the backup reminder.
    pub last_export_at: Option<DateTime<FixedOffset>>,
}

impl AppData {
    pub fn process(&self, id: ProcessId) -> Option<&Process> {
        self.processes.iter().find(|process| process.id == id)
    }

    /// An id no live or deleted process has used.
    pub fn next_process_id(&self) -> ProcessId {
        ProcessId(self.process_ids().take())
    }

    /// Every process id in use, live or deleted, for picking several new ones.
    pub fn process_ids(&self) -> IdPool {
        let live = self.processes.iter().map(|process| process.id.0);
        let dead = self.tombstones.iter().map(|tombstone| tombstone.id.0);
        IdPool::new(live.chain(dead))
    }

    /// Stores a new or edited process, bumping its revision so the edit wins a merge
    /// against any older copy.
    pub fn save_process(&mut self, mut process: Process, now: DateTime<FixedOffset>) {
        let previous = self
            .processes
            .iter()
            .position(|existing| existing.id == process.id);
        let known_revision = previous
            .and_then(|index| self.processes.get(index))
            .map_or(0, |existing| existing.revision);
        process.revision = known_revision.max(process.revision).saturating_add(1);
        process.updated_at = Some(now);
        self.tombstones
            .retain(|tombstone| tombstone.id != process.id);
        match previous.and_then(|index| self.processes.get_mut(index)) {
            Some(slot) => *slot = process,
            None => self.processes.push(process),
        }
    }

    /// Deletes a process and leaves a tombstone. Returns false when there was no such process.
    pub fn delete_process(&mut self, id: ProcessId, now: DateTime<FixedOffset>) -> bool {
        let Some(index) = self.processes.iter().position(|process| process.id == id) else {
            return false;
        };
        let removed = self.processes.remove(index);
        self.tombstones.retain(|tombstone| tombstone.id != id);
        self.tombstones.push(Tombstone {
            id,
            revision: removed.revision.saturating_add(1),
            deleted_at: now,
        });
        true
    }

    /// Replaces the settings, bumping their revision. Only a change beyond the onboarding
    /// flag counts as an edit and stamps [`AppData::settings_updated_at`].
    pub fn update_settings(&mut self, settings: Settings, now: DateTime<FixedOffset>) {
        let edited = Settings {
            onboarded: settings.onboarded,
            ..self.settings.clone()
        } != settings;
        self.settings = settings;
        self.settings_revision = self.settings_revision.saturating_add(1);
        if edited {
            self.settings_updated_at = Some(now);
        }
    }

    /// Whether the user ever edited the settings (see [`AppData::settings_updated_at`]).
    pub fn settings_edited(&self) -> bool {
        self.settings_updated_at.is_some()
    }

    /// What makes this data unusable, as a sentence for the user: settings that cannot be
    /// planned with, or a date outside [`YEARS`]. `None` when all is well.
    pub fn problem(&self) -> Option<String> {
        if let Some(problem) = self.settings.problem() {
            return Some(problem);
        }
        // Checked without building anything: this runs on every load, and a sentence is only
        // needed for the first date found outside the range (times before days).
        let outside = |year: i32| !YEARS.contains(&year);
        let process_place = |process: &Process| {
            let company: String = process.company.chars().take(40).collect();
            format!("the {company} process")
        };
        let mut time_found: Option<(String, i32)> = None;
        for (place, at) in [
            ("the settings", self.settings_updated_at),
            ("the last export", self.last_export_at),
        ] {
            if let Some(at) = at.filter(|at| outside(at.year())) {
                time_found = Some((place.to_string(), at.year()));
                break;
            }
        }
        if time_found.is_none() {
            if let Some(tombstone) = self
                .tombstones
                .iter()
                .find(|tombstone| outside(tombstone.deleted_at.year()))
            {
                time_found = Some(("a deleted process".into(), tombstone.deleted_at.year()));
            }
        }
        if time_found.is_none() {
            time_found = self.processes.iter().find_map(|process| {
                let rounds = process
                    .rounds
                    .iter()
                    .flat_map(|round| [round.start, round.end]);
                let events = process.events.iter().flat_map(|event| {
                    let until = match &event.kind {
                        EventKind::Snoozed { until, .. } => Some(*until),
                        _ => None,
                    };
                    std::iter::once(event.at).chain(until)
                });
                process
                    .updated_at
                    .into_iter()
                    .chain(rounds)
                    .chain(events)
                    .find(|at| outside(at.year()))
                    .map(|at| (process_place(process), at.year()))
            });
        }
        let range = || {
            format!(
                "Afterview keeps dates from {} to {}",
                YEARS.start(),
                YEARS.end()
            )
        };
        if let Some((place, year)) = time_found {
            return Some(format!(
                "{place} has a date in the year {year}; {}",
                range()
            ));
        }
        let process_days = self.processes.iter().flat_map(|process| {
            let event_days = process.events.iter().filter_map(|event| match &event.kind {
                EventKind::DecisionDateGiven { date, .. } => Some(*date),
                EventKind::DocumentsRequested { deadline, .. }
                | EventKind::Offer { deadline, .. }
                | EventKind::CompetingOffer { deadline } => *deadline,
                _ => None,
            });
            process.applied_on.into_iter().chain(event_days)
        });
        let mut days = self.settings.holidays.iter().copied().chain(process_days);
        if let Some(day) = days.find(|day| outside(day.year())) {
            return Some(format!(
                "a date in the year {} was found; {}",
                day.year(),
                range()
            ));
        }
        None
    }
}

/// What is written to storage and to backup files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    pub format: String,
    pub schema_version: u32,
    pub saved_at: DateTime<FixedOffset>,
    pub data: AppData,
}

impl Stored for Tombstone {
    fn write(&self, out: &mut Writer) {
        out.begin_object();
        out.field_u64("id", self.id.0);
        out.field_u64("revision", self.revision);
        out.field_stamp("deleted_at", &self.deleted_at);
        out.end_object();
    }

    fn read(input: &mut Reader<'_>) -> Result<Self, ReadError> {
        let (mut id, mut revision, mut deleted_at) = (None, None, None);
        input.begin_object("a deleted-process record (an object)")?;
        while let Some(key) = input.next_key()? {
            let key = &*key;
            let read = match key {
                "id" => input.u64().map(|value| id = Some(ProcessId(value))),
                "revision" => input.u64().map(|value| revision = Some(value)),
                "deleted_at" => input.stamp().map(|at| deleted_at = Some(at)),
                _ => input.skip(),
            };
            read.map_err(|error| error.in_field(key))?;
        }
        Ok(Tombstone {
            id: id.ok_or_else(|| input.missing("id"))?,
            revision: revision.ok_or_else(|| input.missing("revision"))?,
            deleted_at: deleted_at.ok_or_else(|| input.missing("deleted_at"))?,
        })
    }
}

fn write_list<T: Stored>(out: &mut Writer, items: &[T]) {
    out.begin_array();
    for item in items {
        out.item();
        item.write(out);
    }
    out.end_array();
}

/// A timestamp that may be `null`, which reads as none.
fn optional_stamp(input: &mut Reader<'_>) -> Result<Option<DateTime<FixedOffset>>, ReadError> {
    if input.null()? {
        Ok(None)
    } else {
        input.stamp().map(Some)
    }
}

impl Stored for AppData {
    fn write(&self, out: &mut Writer) {
        out.begin_object();
        out.key("settings");
        self.settings.write(out);
        out.key("processes");
        write_list(out, &self.processes);
        out.field_u64("settings_revision", self.settings_revision);
        out.field_stamp_some("settings_updated_at", self.settings_updated_at.as_ref());
        if !self.tombstones.is_empty() {
            out.key("tombstones");
            write_list(out, &self.tombstones);
        }
        out.field_stamp_some("last_export_at", self.last_export_at.as_ref());
        out.end_object();
    }

    /// A missing field reads as empty (a version 1 document has only settings and processes).
    fn read(input: &mut Reader<'_>) -> Result<Self, ReadError> {
        let mut data = AppData::default();
        input.begin_object("the data (an object)")?;
        while let Some(key) = input.next_key()? {
            let key = &*key;
            let read = match key {
                "settings" => Settings::read(input).map(|settings| data.settings = settings),
                "processes" => input
                    .list("a list of processes", Process::read)
                    .map(|list| data.processes = list),
                "settings_revision" => input.u64().map(|value| data.settings_revision = value),
                "settings_updated_at" => {
                    optional_stamp(input).map(|at| data.settings_updated_at = at)
                }
                "tombstones" => input
                    .list("a list of deleted-process records", Tombstone::read)
                    .map(|list| data.tombstones = list),
                "last_export_at" => optional_stamp(input).map(|at| data.last_export_at = at),
                _ => input.skip(),
            };
            read.map_err(|error| error.in_field(key))?;
        }
        Ok(data)
    }
}

impl Stored for Envelope {
    fn write(&self, out: &mut Writer) {
        out.begin_object();
        out.field_str("format", &self.format);
        out.field_u64("schema_version", u64::from(self.schema_version));
        out.field_stamp("saved_at", &self.saved_at);
        out.key("data");
        self.data.write(out);
        out.end_object();
    }

    fn read(input: &mut Reader<'_>) -> Result<Self, ReadError> {
        let (mut format, mut version, mut saved_at, mut data) = (None, None, None, None);
        input.begin_object("an Afterview document (an object)")?;
        while let Some(key) = input.next_key()? {
            let key = &*key;
            let read = match key {
                "format" => input.string().map(|text| format = Some(text)),
                "schema_version" => read_version(input).map(|value| version = Some(value)),
                "saved_at" => input.stamp().map(|at| saved_at = Some(at)),
                "data" => AppData::read(input).map(|read| data = Some(read)),
                _ => input.skip(),
            };
            read.map_err(|error| error.in_field(key))?;
        }
        Ok(Envelope {
            format: format.unwrap_or_else(|| FORMAT.to_string()),
            schema_version: version.ok_or_else(|| input.missing("schema_version"))?,
            saved_at: saved_at.ok_or_else(|| input.missing("saved_at"))?,
            data: data.ok_or_else(|| input.missing("data"))?,
        })
    }
}

fn read_version(input: &mut Reader<'_>) -> Result<u32, ReadError> {
    let version = input.u64()?;
    u32::try_from(version).map_err(|_| input.shape_error(format!("version {version} is too large")))
}

/// Why a stored or imported document could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON, or not the envelope's shape; the text says where.
    Malformed(String),
    /// Valid JSON, but not an Afterview document (no version, or another format name).
    NotAfterview,
    /// Written by a newer build: readable only by that build.
    TooNew { found: u32, supported: u32 },
    /// Well formed, but holding a value Afterview cannot plan with (see [`AppData::problem`]).
    OutOfRange(String),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Malformed(detail) => write!(
                f,
                "This is not a readable Afterview document ({detail}). Keep the file and try a more recent backup."
            ),
            DecodeError::NotAfterview => write!(
                f,
                "This file is JSON but not an Afterview backup. Choose a file that Afterview exported."
            ),
            DecodeError::TooNew { found, supported } => write!(
                f,
                "This document uses data version {found}, newer than this version of Afterview understands ({supported}). Open it with the newer Afterview."
            ),
            DecodeError::OutOfRange(problem) => write!(
                f,
                "This document cannot be used as it is: {problem}. Correct that value in the file, or use another backup."
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// An envelope together with the version it was stored in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub envelope: Envelope,
    /// The schema version found in the text; below [`SCHEMA_VERSION`] when migrations ran.
    pub from_version: u32,
}

/// Reads an envelope written by this or an older build, running migrations as needed.
pub fn decode(text: &str) -> Result<Envelope, DecodeError> {
    decode_document(text).map(|decoded| decoded.envelope)
}

/// Like [`decode`], but also says which version the text was in. Data with a
/// [`problem`](AppData::problem) is refused.
pub fn decode_document(text: &str) -> Result<Decoded, DecodeError> {
    let decoded = decode_unchecked(text)?;
    match decoded.envelope.data.problem() {
        Some(problem) => Err(DecodeError::OutOfRange(problem)),
        None => Ok(decoded),
    }
}

fn decode_unchecked(text: &str) -> Result<Decoded, DecodeError> {
    // Fast path for the common case, a current document: read it straight into the records,
    // with no tree in between (this runs at every start-up).
    let direct = match Envelope::from_text(text) {
        Ok(envelope) if envelope.format == FORMAT && envelope.schema_version == SCHEMA_VERSION => {
            return Ok(Decoded {
                envelope,
                from_version: SCHEMA_VERSION,
            });
        }
        other => other,
    };
    // Anything else (older, newer, damaged) takes the general path and its precise errors.
    let raw = json::parse(text).map_err(|error| DecodeError::Malformed(error.to_string()))?;
    let from_version = envelope_version(&raw)?;
    if from_version == SCHEMA_VERSION {
        // Current and well-formed JSON, so the direct read failed on a record: its error
        // has the place in the text as stored.
        if let Err(error) = direct {
            return Err(DecodeError::Malformed(error.to_string()));
        }
    }
    decode_value_unchecked(raw)
}

/// Like [`decode_document`], for a document already parsed as JSON.
pub fn decode_value(raw: Json) -> Result<Decoded, DecodeError> {
    let decoded = decode_value_unchecked(raw)?;
    match decoded.envelope.data.problem() {
        Some(problem) => Err(DecodeError::OutOfRange(problem)),
        None => Ok(decoded),
    }
}

fn decode_value_unchecked(mut raw: Json) -> Result<Decoded, DecodeError> {
    let from_version = envelope_version(&raw)?;
    if from_version > SCHEMA_VERSION {
        return Err(DecodeError::TooNew {
            found: from_version,
            supported: SCHEMA_VERSION,
        });
    }
    migrate::upgrade(&mut raw, from_version)?;
    // Records are only ever read from text: one reader for every record, and an upgrade is
    // rare enough to afford writing the tree out once. That text is not the user's, so an
    // error names the field but not a line and column.
    let envelope =
        Envelope::from_json(&raw).map_err(|error| DecodeError::Malformed(error.describe()))?;
    Ok(Decoded {
        envelope,
        from_version,
    })
}

/// The `schema_version` of a parsed document, after checking it claims to be ours.
fn envelope_version(raw: &Json) -> Result<u32, DecodeError> {
    if raw.as_object().is_none() {
        return Err(DecodeError::NotAfterview);
    }
    match raw.get("format") {
        None => {}
        Some(Json::String(name)) if name == FORMAT => {}
        Some(_) => return Err(DecodeError::NotAfterview),
    }
    let version = raw
        .get("schema_version")
        .ok_or(DecodeError::NotAfterview)?
        .as_u64()
        .ok_or_else(|| DecodeError::Malformed("schema_version is not a whole number".into()))?;
    if version == 0 {
        return Err(DecodeError::Malformed(
            "schema_version 0 never existed".into(),
        ));
    }
    Ok(u32::try_from(version).unwrap_or(u32::MAX))
}

/// Writes the current data as an envelope (compact, for localStorage).
pub fn encode(data: &AppData, saved_at: DateTime<FixedOffset>) -> String {
    let mut out = Writer::new();
    out.begin_object();
    out.field_str("format", FORMAT);
    out.field_u64("schema_version", u64::from(SCHEMA_VERSION));
    out.field_stamp("saved_at", &saved_at);
    out.key("data");
    data.write(&mut out);
    out.end_object();
    out.finish()
}

/// Writes the current data as an indented envelope (for backup files people may open). Keys
/// are in alphabetical order at every level, as backups have always listed them. Indented
/// from the compact text, so each record has one writer.
pub fn encode_pretty(data: &AppData, saved_at: DateTime<FixedOffset>) -> String {
    let compact = encode(data, saved_at);
    match json::parse(&compact) {
        Ok(mut tree) => {
            tree.sort_keys();
            tree.to_pretty()
        }
        Err(_) => compact,
    }
}

/// What the adapter found under the data key, and what it should do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadOutcome {
    /// Nothing stored yet: start with empty data.
    Empty,
    /// Read as is.
    Loaded(AppData),
    /// Read from an older schema; write the data back so the upgrade happens once.
    Migrated { data: AppData, from_version: u32 },
    /// Could not be read. Keep `raw` under [`quarantine_key`], tell the user, offer it as a
    /// download, and start empty without overwriting anything.
    Unreadable { raw: String, error: DecodeError },
    /// Written by a newer build. Show `data` (if it could be read) read-only; never write.
    TooNew { found: u32, data: Option<AppData> },
}

/// Interprets the text stored under [`data_key`] (`None` when the key is absent).
pub fn load(stored: Option<&str>) -> LoadOutcome {
    if let Some(outcome) = load_current(stored) {
        return outcome;
    }
    // Not empty, or `load_current` would have answered.
    let text = stored.unwrap_or_default();
    match decode_document(text) {
        Ok(decoded) if decoded.from_version == SCHEMA_VERSION => {
            LoadOutcome::Loaded(decoded.envelope.data)
        }
        Ok(decoded) => LoadOutcome::Migrated {
            data: decoded.envelope.data,
            from_version: decoded.from_version,
        },
        Err(DecodeError::TooNew { found, .. }) => LoadOutcome::TooNew {
            found,
            data: read_newer_data(text),
        },
        Err(error) => LoadOutcome::Unreadable {
            raw: text.to_string(),
            error,
        },
    }
}

/// [`load`]'s fast path, the one every start-up takes: nothing stored, or a current document
/// read straight into the records. `None` when the text needs the general path (an older or
/// newer format, or damage), which only [`load`] takes; [`load`] tries this first, so where
/// both answer they agree.
pub fn load_current(stored: Option<&str>) -> Option<LoadOutcome> {
    let Some(text) = stored.filter(|text| !text.trim().is_empty()) else {
        return Some(LoadOutcome::Empty);
    };
    match Envelope::from_text(text) {
        Ok(envelope)
            if envelope.format == FORMAT
                && envelope.schema_version == SCHEMA_VERSION
                && envelope.data.problem().is_none() =>
        {
            Some(LoadOutcome::Loaded(envelope.data))
        }
        _ => None,
    }
}

/// Best effort for a newer document: newer fields are ignored, renamed ones are lost.
fn read_newer_data(text: &str) -> Option<AppData> {
    let data = json::parse(text).ok()?.get("data")?.to_compact();
    AppData::from_text(&data)
        .ok()
        .filter(|data| data.problem().is_none())
}

/// The localStorage key holding the envelope. `namespace` separates several embeds on one
/// host page; an empty namespace gives the plain key.
pub fn data_key(namespace: &str) -> String {
    format!("{}:data", key_prefix(namespace))
}

/// Where unreadable text is set aside, one key per distinct content; see
/// [`unused_quarantine_key`] for keeping two copies apart.
pub fn quarantine_key(namespace: &str, when: DateTime<FixedOffset>) -> String {
    // `20250501T080000.000Z`: the moment in UTC, to the millisecond.
    let utc = when.naive_utc();
    let day = crate::core::dates::iso_date(utc.date()).replace('-', "");
    let millis = utc.nanosecond() / 1_000_000 % 1_000;
    format!(
        "{}:quarantine:{day}T{:02}{:02}{:02}.{millis:03}Z",
        key_prefix(namespace),
        utc.hour(),
        utc.minute(),
        utc.second()
    )
}

/// A quarantine key for `when` that `taken` says is free: [`quarantine_key`] itself, or it
/// with `-2`, `-3`… appended, so a copy never lands on another.
pub fn unused_quarantine_key(
    namespace: &str,
    when: DateTime<FixedOffset>,
    taken: impl Fn(&str) -> bool,
) -> String {
    let base = quarantine_key(namespace, when);
    if !taken(&base) {
        return base;
    }
    (2u64..)
        .map(|n| format!("{base}-{n}"))
        .find(|key| !taken(key))
        .unwrap_or(base)
}

/// True for keys made by [`quarantine_key`] with the same namespace.
pub fn is_quarantine_key(namespace: &str, key: &str) -> bool {
    key.starts_with(&format!("{}:quarantine:", key_prefix(namespace)))
}

fn key_prefix(namespace: &str) -> String {
    let cleaned: String = namespace
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect();
    if cleaned.is_empty() {
        FORMAT.to_string()
    } else {
        format!("{FORMAT}:{cleaned}")
    }
}
