//! CSV export of processes and actions, and CSV import from other trackers.
//!
//! The process export uses the same column names the tracker import reads, so an export can be
//! imported again. Cells that a spreadsheet would run as a formula get a leading apostrophe.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime};

use crate::core::data::backup::{cleaned_text, FieldKind, MAX_DOCUMENT_BYTES, MAX_PROCESSES};
use crate::core::data::model::{Process, ProcessId, ProcessStatus};
use crate::core::data::storage::{AppData, YEARS};
use crate::core::planning::action::Action;

const PROCESS_HEADER: [&str; 11] = [
    "Company Name",
    "Job Title",
    "Status",
    "Rounds",
    "Last Round",
    "Next Action",
    "Next Action Due",
    "Applied Date",
    "Job URL",
    "Archived",
    "Notes",
];

const ACTION_HEADER: [&str; 12] = [
    "Company Name",
    "Job Title",
    "Action",
    "Channel",
    "Interviewer",
    "State",
    "Earliest",
    "Due",
    "Latest",
    "Rules",
    "Explanation",
    "Process Id",
];

/// One row per process: where it stands, its rounds and the next planned action.
pub fn processes_to_csv(data: &AppData, actions: &[Action]) -> String {
    let mut rows = vec![PROCESS_HEADER.iter().map(|s| s.to_string()).collect()];
    for process in &data.processes {
        let last_round = process.rounds.iter().map(|round| round.start).max();
        let next = actions
            .iter()
            .filter(|action| action.process == process.id)
            .min_by_key(|action| action.due);
        rows.push(vec![
            process.company.clone(),
            process.role.clone(),
            process.status.label().to_string(),
            process.rounds.len().to_string(),
            last_round
                .map(|at| at.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            next.map(|action| action.kind.label().to_string())
                .unwrap_or_default(),
            next.map(|action| format_moment(action.due))
                .unwrap_or_default(),
            process
                .applied_on
                .map(|day| day.to_string())
                .unwrap_or_default(),
            process.job_url.clone(),
            if process.status.is_closed() {
                "Yes"
            } else {
                "No"
            }
            .to_string(),
            process.notes.clone(),
        ]);
    }
    write_rows(rows)
}

/// One row per action, with its window and the sentence explaining it.
pub fn actions_to_csv(actions: &[Action], processes: &[Process]) -> String {
    let mut rows = vec![ACTION_HEADER.iter().map(|s| s.to_string()).collect()];
    for action in actions {
        let process = processes.iter().find(|p| p.id == action.process);
        let person = process
            .zip(action.recipient_id())
            .and_then(|(process, id)| process.person(id))
            .map(|person| person.name().to_string());
        rows.push(vec![
            process.map(|p| p.company.clone()).unwrap_or_default(),
            process.map(|p| p.role.clone()).unwrap_or_default(),
            action.kind.label().to_string(),
            action.channel.label().to_string(),
            person.unwrap_or_default(),
            action.state.label().to_string(),
            format_moment(action.earliest),
            format_moment(action.due),
            format_moment(action.latest),
            action.rules.ids(),
            action.explanation(),
            action.process.to_string(),
        ]);
    }
    write_rows(rows)
}

fn format_moment(moment: DateTime<FixedOffset>) -> String {
    moment.format("%Y-%m-%d %H:%M %:z").to_string()
}

fn write_rows(rows: Vec<Vec<String>>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        // Writing to memory only fails on I/O, which a Vec never reports.
        let _ = writer.write_record(row.iter().map(|cell| defuse_formula(cell)));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Spreadsheets run cells starting with these as formulas; an apostrophe makes them text.
fn defuse_formula(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// Undoes [`defuse_formula`] on import.
fn restore_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => cell,
    }
}

/// A problem with one row of an imported file. `row` counts like a spreadsheet: the header is
/// row 1, the first data row is row 2.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    pub row: usize,
    pub message: String,
    /// True when the row was left out; false when it was imported with the problem noted.
    pub skipped: bool,
}

/// The result of a tracker import: new processes (ids not yet used in the data) and problems.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct TrackerImport {
    pub processes: Vec<Process>,
    pub problems: Vec<RowProblem>,
}

/// Why a whole file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvError {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// No header row with at least a company and a job title column.
    MissingColumns {
        missing: Vec<&'static str>,
    },
    Unreadable(String),
}

impl std::fmt::Display for CsvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CsvError::TooLarge { bytes, limit } => write!(
                f,
                "The file is {} KB; the limit is {} KB. Export fewer rows from your tracker and try again.",
                bytes / 1024,
                limit / 1024
            ),
            CsvError::MissingColumns { missing } => write!(
                f,
                "The first row needs the column names {}. Check the file is a CSV export with a header row.",
                missing.join(" and ")
            ),
            CsvError::Unreadable(detail) => write!(
                f,
                "The file could not be read as CSV ({detail}). Save it as CSV (UTF-8) and try again."
            ),
        }
    }
}

impl std::error::Error for CsvError {}

#[derive(Default)]
struct Columns {
    title: Option<usize>,
    company: Option<usize>,
    url: Option<usize>,
    applied: Option<usize>,
    status: Option<usize>,
    status_date: Option<usize>,
    archived: Option<usize>,
    notes: Option<usize>,
}

impl Columns {
    fn from_header(header: &csv::StringRecord) -> Self {
        let mut columns = Columns::default();
        for (index, name) in header.iter().enumerate() {
            let name = name.trim().trim_start_matches('\u{feff}').to_lowercase();
            let slot = match name.as_str() {
                "job title" | "title" | "role" | "position" => &mut columns.title,
                "company name" | "company" | "employer" => &mut columns.company,
                "job url" | "url" | "link" => &mut columns.url,
                "applied date" | "applied" | "date applied" => &mut columns.applied,
                "status" => &mut columns.status,
                "status date" => &mut columns.status_date,
                "archived" => &mut columns.archived,
                "notes" | "note" => &mut columns.notes,
                _ => continue,
            };
            slot.get_or_insert(index);
        }
        columns
    }
}

/// Reads a job tracker's CSV export into new processes, numbered from `data`'s next free id.
/// Columns are matched by name in any order and case; unknown columns are ignored. A bad row
/// is reported with its row number and the rest are still imported.
pub fn import_tracker_csv(
    text: &str,
    data: &AppData,
    now: DateTime<FixedOffset>,
) -> Result<TrackerImport, CsvError> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(CsvError::TooLarge {
            bytes: text.len(),
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.lines().next().unwrap_or_default();
    // Spreadsheets in many European locales save with semicolons.
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|error| CsvError::Unreadable(error.to_string()))?
        .clone();
    let columns = Columns::from_header(&header);
    let mut missing = Vec::new();
    if columns.company.is_none() {
        missing.push("Company Name");
    }
    if columns.title.is_none() {
        missing.push("Job Title");
    }
    if !missing.is_empty() {
        return Err(CsvError::MissingColumns { missing });
    }

    let mut result = TrackerImport::default();
    let mut ids = data.process_ids();
    for (index, record) in reader.records().enumerate() {
        let row = index + 2;
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                result
                    .problems
                    .push(skip(row, format!("it could not be read ({error})")));
                continue;
            }
        };
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if data.processes.len() + result.processes.len() >= MAX_PROCESSES {
            result.problems.push(skip(
                row,
                format!("Afterview keeps at most {MAX_PROCESSES} processes"),
            ));
            break;
        }
        match read_row(&record, &columns, now) {
            Ok((process, notes)) => {
                result
                    .problems
                    .extend(notes.into_iter().map(|note| RowProblem {
                        row,
                        message: format!("Row {row}: {note}"),
                        skipped: false,
                    }));
                let mut process = process;
                process.id = ProcessId(ids.take());
                result.processes.push(process);
            }
            Err(message) => result.problems.push(skip(row, message)),
        }
    }
    Ok(result)
}

fn skip(row: usize, reason: String) -> RowProblem {
    RowProblem {
        row,
        message: format!("Row {row} was skipped: {reason}."),
        skipped: true,
    }
}

/// One row to a process, with notes about anything guessed; `Err` says why it was skipped.
fn read_row(
    record: &csv::StringRecord,
    columns: &Columns,
    now: DateTime<FixedOffset>,
) -> Result<(Process, Vec<String>), String> {
    let cell = |column: Option<usize>, kind: FieldKind| -> String {
        let raw = column
            .and_then(|index| record.get(index))
            .unwrap_or_default();
        let raw = restore_formula(raw.trim());
        cleaned_text(raw, kind).unwrap_or_else(|| raw.to_string())
    };
    let company = cell(columns.company, FieldKind::Line);
    let role = cell(columns.title, FieldKind::Line);
    if company.is_empty() {
        return Err("it has no company name".into());
    }
    if role.is_empty() {
        return Err("it has no job title".into());
    }
    for (label, value) in [("company name", &company), ("job title", &role)] {
        if value.chars().count() > FieldKind::Line.limit() {
            return Err(format!(
                "the {label} is longer than {} characters",
                FieldKind::Line.limit()
            ));
        }
    }

    let mut notes = Vec::new();
    // The caller numbers the rows it keeps.
    let mut process = Process::new(ProcessId::default(), company, role);
    process.job_url = cell(columns.url, FieldKind::Line);
    process.notes = cell(columns.notes, FieldKind::Text);
    for (label, field, kind) in [
        ("The job address was", &mut process.job_url, FieldKind::Line),
        ("The notes were", &mut process.notes, FieldKind::Text),
    ] {
        let limit = kind.limit();
        if field.chars().count() > limit {
            *field = field.chars().take(limit).collect();
            notes.push(format!("{label} shortened to {limit} characters."));
        }
    }

    let applied = cell(columns.applied, FieldKind::Line);
    if !applied.is_empty() {
        match parse_date(&applied) {
            Some(day) => process.applied_on = Some(day),
            None => {
                return Err(format!(
                    "the applied date \"{applied}\" is not a date Afterview reads (use 2025-03-14)"
                ))
            }
        }
    }
    let status_text = cell(columns.status, FieldKind::Line);
    process.status = match map_status(&status_text) {
        Some(status) => status,
        None => {
            notes.push(format!(
                "The status \"{status_text}\" is unknown, so it was imported as Active."
            ));
            ProcessStatus::Active
        }
    };
    let archived = cell(columns.archived, FieldKind::Line).to_lowercase();
    if matches!(archived.as_str(), "true" | "yes" | "y" | "1" | "x")
        && !process.status.is_closed()
        && process.status != ProcessStatus::Offer
    {
        process.status = ProcessStatus::MovedOn;
    }
    let status_date = cell(columns.status_date, FieldKind::Line);
    process.updated_at = Some(now);
    if !status_date.is_empty() {
        match parse_date(&status_date) {
            Some(day) => {
                process.updated_at = day
                    .and_time(NaiveTime::MIN)
                    .and_local_timezone(*now.offset())
                    .single()
                    .or(Some(now));
            }
            None => notes.push(format!(
                "The status date \"{status_date}\" was not understood and was left out."
            )),
        }
    }
    process.revision = 1;
    Ok((process, notes))
}

/// Maps the status words trackers use to ours; `None` for a word not recognised.
pub fn map_status(text: &str) -> Option<ProcessStatus> {
    let word = text.trim().to_lowercase().replace(['_', '-'], " ");
    let status = match word.as_str() {
        "" | "active" | "applied" | "applying" | "in progress" | "interview" | "interviewing"
        | "interviewed" | "phone screen" | "screening" | "screen" | "assessment" | "to apply"
        | "wishlist" | "saved" | "bookmarked" | "open" => ProcessStatus::Active,
        "offer" | "offered" | "offer received" | "accepted" | "negotiating" => ProcessStatus::Offer,
        "rejected" | "rejection" | "not selected" | "declined by employer" | "no offer" => {
            ProcessStatus::Rejected
        }
        "withdrawn" | "withdrew" | "declined" | "not interested" => ProcessStatus::Withdrawn,
        "ghosted" | "no response" | "no reply" | "closed" | "moved on" | "archived" | "expired" => {
            ProcessStatus::MovedOn
        }
        _ => return None,
    };
    Some(status)
}

/// Dates as trackers write them: ISO, US and European numeric forms, month names, or a full
/// timestamp. With slashes, month/day is assumed unless the first number cannot be a month.
/// Years outside [`YEARS`] are not dates Afterview keeps.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    read_date(text).filter(|day| YEARS.contains(&day.year()))
}

fn read_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Ok(moment) = DateTime::parse_from_rfc3339(text) {
        return Some(moment.date_naive());
    }
    // "2025-03-14 10:00" or "2025-03-14T10:00:00": the date part decides.
    let head = text.split([' ', 'T']).next().unwrap_or(text);
    for format in ["%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y"] {
        if let Ok(day) = NaiveDate::parse_from_str(head, format) {
            return Some(day);
        }
    }
    if let Some(day) = parse_slashed(head) {
        return Some(day);
    }
    for format in [
        "%b %d, %Y",
        "%B %d, %Y",
        "%d %b %Y",
        "%d %B %Y",
        "%b %d %Y",
        "%B %d %Y",
    ] {
        if let Ok(day) = NaiveDate::parse_from_str(text, format) {
            return Some(day);
        }
    }
    None
}

/// `3/14/2025`, `14/3/2025`, `3/14/25`: month first unless the first number is above 12.
fn parse_slashed(text: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.split('/').collect();
    let [first, second, year] = parts.as_slice() else {
        return None;
    };
    let first: u32 = first.parse().ok()?;
    let second: u32 = second.parse().ok()?;
    let year: i32 = match year.len() {
        2 => 2000 + year.parse::<i32>().ok()?,
        4 => year.parse().ok()?,
        _ => return None,
    };
    let (month, day) = if first > 12 {
        (second, first)
    } else {
        (first, second)
    };
    NaiveDate::from_ymd_opt(year, month, day)
}
