//! Importing an interview from its calendar invitation (`.ics`) or the email that announced
//! it: reads the text, resolves times in the invitation's zone, and fills the add-interview
//! form for the user to confirm. Nothing here saves anything.
//!
//! The one entry point is [`read_invitation`] (or [`read_invitation_bytes`] for a file), so the
//! whole feature can live in a module loaded on first use.

pub mod email;
pub mod guess;
pub mod ical;
pub mod zones;

use std::fmt;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Timelike};

use self::guess::{Confidence, Guess};
use self::ical::{Component, Property, When};
use self::zones::{EmbeddedZone, Observance, ZoneResolver};
use crate::core::app::contacts_form::ContactsForm;
use crate::core::app::form::{InterviewerForm, ProcessForm, RoundForm};
use crate::core::data::model::{Process, ProcessId, RoundFormat, RoundId};
use crate::core::data::settings::ZoneName;
use crate::core::planning::zone::{times_at_home, NamedZone, UserZone};

/// Files larger than this are refused: a real invitation is a few kilobytes.
pub const MAX_BYTES: usize = 1_000_000;
/// At most this many people per round are taken; the rest are named in a note.
pub const MAX_INTERVIEWERS: usize = 50;
/// At most this many events of one file become rounds.
pub const MAX_EVENTS: usize = 20;
/// Interviews are planned within these years; anything else is a broken or hostile date.
const YEARS: std::ops::RangeInclusive<i32> = 1970..=2200;

/// What the import needs to know about the user and their data.
pub struct InviteContext<'a> {
    /// The user's own address (Settings), left out of the interviewers.
    pub user_email: &'a str,
    /// The zone the form's times are written in.
    pub user_zone: UserZone,
    /// The day relative dates in an email count from when it has no Date header.
    pub today: NaiveDate,
    /// Existing processes, searched for a round with the same invitation UID.
    pub existing: &'a [Process],
    /// Resolves IANA zone names to offsets.
    pub zones: &'a dyn ZoneResolver,
}

/// Where the text came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Calendar,
    Email,
}

/// One round change an update makes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundChange {
    pub round: RoundId,
    /// Plain words: "moved from Tue 3 Mar 14:00 to Wed 4 Mar 10:00".
    pub summary: String,
}

/// What importing this text would do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A new interview: the form adds a process.
    New,
    /// An update of rounds already in Afterview (same UID): the form edits that process.
    Update {
        process: ProcessId,
        changes: Vec<RoundChange>,
        added: usize,
    },
    /// The employer cancelled a round already in Afterview; the form, if saved, removes it.
    Cancelled {
        process: ProcessId,
        round: RoundId,
        /// "Acme, Tue 3 Mar 14:00".
        label: String,
    },
}

/// One event as read, in the invitation's own zone, for showing beside the form.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ImportedRound {
    pub uid: Option<String>,
    pub title: String,
    pub start: Option<DateTime<FixedOffset>>,
    pub end: Option<DateTime<FixedOffset>>,
    /// The zone the invitation gave ("Europe/Berlin", "UTC", or "yours" when it gave none).
    pub zone: String,
    pub location: String,
    pub link: String,
    pub phone: String,
}

/// The result of reading an invitation: a pre-filled form and an account of what was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvitationPrefill {
    pub source: Source,
    pub outcome: Outcome,
    /// The form to open: a new process, or the existing one with the change applied.
    pub form: ProcessForm,
    pub company: Guess,
    pub role: Guess,
    pub rounds: Vec<ImportedRound>,
    /// Sentences naming what was found.
    pub found: Vec<String>,
    /// Sentences naming what was not found or was assumed.
    pub missing: Vec<String>,
    /// People to keep as contacts of a new process: who sent an announcing email, when they
    /// are not among the people met (a recruiter or coordinator, usually).
    pub contacts: ContactsForm,
}

impl InvitationPrefill {
    /// The form fields this import filled (for reports and tests).
    pub fn filled_fields(&self) -> Vec<&'static str> {
        let mut fields = Vec::new();
        let form = &self.form;
        if !form.company.is_empty() {
            fields.push("company");
        }
        if !form.role.is_empty() {
            fields.push("role");
        }
        let any = |test: &dyn Fn(&RoundForm) -> bool| form.rounds.iter().any(test);
        if any(&|r| !r.date.is_empty()) {
            fields.push("date");
        }
        if any(&|r| !r.start.is_empty()) {
            fields.push("start");
        }
        if any(&|r| !r.end.is_empty()) {
            fields.push("end");
        }
        if any(&|r| !r.zone.is_empty()) {
            fields.push("zone");
        }
        if self.rounds.iter().any(|r| r.start.is_some())
            && !self.missing.iter().any(|m| m.contains("format"))
        {
            fields.push("format");
        }
        if any(&|r| r.interviewers.iter().any(|p| !p.name.is_empty())) {
            fields.push("interviewers");
        }
        if any(&|r| r.interviewers.iter().any(|p| !p.email.is_empty())) {
            fields.push("emails");
        }
        if any(&|r| r.uid.is_some()) {
            fields.push("uid");
        }
        if !self.contacts.contacts.is_empty() {
            fields.push("contacts");
        }
        fields
    }

    /// Whether the company or role should be confirmed before saving.
    pub fn needs_confirmation(&self) -> bool {
        self.company.confidence != Confidence::Likely || self.role.confidence != Confidence::Likely
    }
}

/// Why a text could not be imported. Each says so in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InviteError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    NotText,
    /// A calendar file with no event that could become a round; the reason says why.
    NoUsableEvent(String),
    /// A cancellation of an interview that is not in Afterview.
    CancelledUnknown,
    /// An email with nothing that looks like an interview time or person.
    NothingFound,
}

impl fmt::Display for InviteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InviteError::Empty => write!(f, "There is nothing to read: the text is empty."),
            InviteError::TooLarge { bytes } => write!(
                f,
                "This file is {} kB; an invitation is a few kB, so it was not read (limit {} kB).",
                bytes / 1000,
                MAX_BYTES / 1000
            ),
            InviteError::NotText => write!(
                f,
                "This file is not text, so it cannot be a calendar invitation (.ics) or an email."
            ),
            InviteError::NoUsableEvent(reason) => write!(f, "No interview could be read: {reason}"),
            InviteError::CancelledUnknown => write!(
                f,
                "This cancels an interview that is not in Afterview, so there is nothing to change."
            ),
            InviteError::NothingFound => write!(
                f,
                "No date, time or interviewer could be found in this text. Add the interview by hand."
            ),
        }
    }
}

/// Reads a dropped or picked file: refuses huge and binary files, then [`read_invitation`].
pub fn read_invitation_bytes(
    bytes: &[u8],
    context: &InviteContext,
) -> Result<InvitationPrefill, InviteError> {
    if bytes.len() > MAX_BYTES {
        return Err(InviteError::TooLarge { bytes: bytes.len() });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| InviteError::NotText)?;
    read_invitation(text, context)
}

/// Reads pasted or loaded text: a calendar invitation when it holds `BEGIN:VCALENDAR` or
/// `BEGIN:VEVENT`, otherwise an email.
pub fn read_invitation(
    text: &str,
    context: &InviteContext,
) -> Result<InvitationPrefill, InviteError> {
    if text.len() > MAX_BYTES {
        return Err(InviteError::TooLarge { bytes: text.len() });
    }
    if text.trim().is_empty() {
        return Err(InviteError::Empty);
    }
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .count();
    if text.contains('\0') || controls * 20 > text.chars().count().max(1) {
        return Err(InviteError::NotText);
    }
    let upper_start: String = text
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_uppercase();
    if upper_start.contains("BEGIN:VCALENDAR") || upper_start.contains("BEGIN:VEVENT") {
        read_calendar(text, context)
    } else {
        email::read_email(text, context)
    }
}

/// A moment read from the invitation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Moment {
    /// In the invitation's own offset.
    pub at: DateTime<FixedOffset>,
    /// The invitation gave no zone, so the user's was assumed.
    pub assumed: bool,
    /// The wall time does not exist in that zone (a clock change skipped it).
    pub in_gap: bool,
}

/// A person found in the invitation.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub(crate) struct Person {
    pub name: String,
    pub title: String,
    pub email: String,
}

/// One round before it becomes a form row.
#[derive(Clone, Debug, Default)]
pub(crate) struct RoundDraft {
    pub uid: Option<String>,
    pub sequence: i64,
    pub title: String,
    pub description: String,
    pub zone: String,
    pub start: Option<Moment>,
    pub end: Option<Moment>,
    pub all_day: Option<NaiveDate>,
    pub format: Option<RoundFormat>,
    pub location: String,
    pub link: String,
    pub phone: String,
    pub people: Vec<Person>,
    pub cancelled: bool,
    pub repeats: bool,
    /// Why this event's time was refused (a date in year 9999, an unreadable value).
    pub refused: Option<String>,
}

fn read_calendar(text: &str, context: &InviteContext) -> Result<InvitationPrefill, InviteError> {
    let parsed = ical::parse(text);
    let mut calendars = Vec::new();
    parsed.root.descendants("VCALENDAR", &mut calendars);
    let method = calendars
        .iter()
        .find_map(|c| c.property("METHOD"))
        .map(|p| p.value.trim().to_ascii_uppercase())
        .unwrap_or_default();
    let mut zone_blocks = Vec::new();
    parsed.root.descendants("VTIMEZONE", &mut zone_blocks);
    let embedded: Vec<EmbeddedZone> = zone_blocks
        .iter()
        .filter_map(|z| embedded_zone(z))
        .collect();
    let mut events = Vec::new();
    parsed.root.descendants("VEVENT", &mut events);
    let mut notes = Vec::new();
    if parsed.unclosed > 0 {
        notes.push("The file seems cut off; what was complete has been read.".to_string());
    }
    if events.is_empty() {
        return Err(InviteError::NoUsableEvent(
            "the file holds no event (VEVENT).".into(),
        ));
    }
    if events.len() > MAX_EVENTS {
        notes.push(format!(
            "The file holds {} events; only the first {MAX_EVENTS} were read.",
            events.len()
        ));
        events.truncate(MAX_EVENTS);
    }
    let mut drafts: Vec<RoundDraft> = Vec::new();
    for event in events {
        let draft = read_event(event, &method, &embedded, context);
        // The same UID twice: the copy with the higher SEQUENCE is the current one.
        match drafts
            .iter_mut()
            .find(|d| d.uid.is_some() && d.uid == draft.uid)
        {
            Some(earlier) if draft.sequence >= earlier.sequence => *earlier = draft,
            Some(_) => {}
            None => drafts.push(draft),
        }
    }
    let refused: Vec<String> = drafts.iter().filter_map(|d| d.refused.clone()).collect();
    drafts.retain(|d| d.refused.is_none());
    if drafts.is_empty() {
        return Err(InviteError::NoUsableEvent(
            refused
                .first()
                .cloned()
                .unwrap_or_else(|| "no event has a start.".into()),
        ));
    }
    for reason in refused {
        notes.push(format!("One event was left out: {reason}"));
    }
    let title = drafts
        .iter()
        .find(|d| !d.cancelled)
        .or(drafts.first())
        .map(|d| (d.title.clone(), d.description.clone()))
        .unwrap_or_default();
    assemble(Source::Calendar, drafts, &title.0, &title.1, notes, context)
}

fn embedded_zone(block: &Component) -> Option<EmbeddedZone> {
    let id = block.property("TZID")?.value.trim().to_string();
    let observances = block
        .children
        .iter()
        .filter(|c| c.name == "STANDARD" || c.name == "DAYLIGHT")
        .filter_map(|c| {
            let from = parse_offset(&c.property("TZOFFSETFROM")?.value)?;
            let to = parse_offset(&c.property("TZOFFSETTO")?.value)?;
            let start = match ical::parse_when(&c.property("DTSTART")?.value)? {
                When::Local(at) | When::Utc(at) => at,
                When::Day(day) => day.and_hms_opt(0, 0, 0)?,
            };
            let rule = c.property("RRULE").map_or("", |p| p.value.as_str());
            let extra = c
                .all("RDATE")
                .flat_map(|p| p.value.split(',').map(str::to_string).collect::<Vec<_>>())
                .filter_map(|v| match ical::parse_when(&v)? {
                    When::Local(at) | When::Utc(at) => Some(at),
                    When::Day(day) => day.and_hms_opt(0, 0, 0),
                })
                .take(50)
                .collect();
            Some(Observance::new(from, to, start, rule, extra))
        })
        .take(20)
        .collect::<Vec<_>>();
    (!observances.is_empty()).then_some(EmbeddedZone { id, observances })
}

/// `+0100`, `-0500` or `+053000`.
fn parse_offset(text: &str) -> Option<FixedOffset> {
    let text = text.trim();
    let (sign, digits) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i32 = digits[..2].parse().ok()?;
    let minutes: i32 = digits[2..4].parse().ok()?;
    let seconds: i32 = digits.get(4..6).map_or(Some(0), |s| s.parse().ok())?;
    if hours > 23 || minutes > 59 || seconds > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60 + seconds))
}

fn read_event(
    event: &Component,
    method: &str,
    embedded: &[EmbeddedZone],
    context: &InviteContext,
) -> RoundDraft {
    let mut draft = RoundDraft {
        uid: event
            .property("UID")
            .map(|p| ical::clean_text(p.value.trim()))
            .filter(|uid| !uid.is_empty())
            .map(|uid| uid.chars().take(300).collect()),
        sequence: event
            .property("SEQUENCE")
            .and_then(|p| p.value.trim().parse::<i64>().ok())
            .unwrap_or(0),
        title: event
            .text("SUMMARY")
            .map(|s| one_line(&s, 200))
            .unwrap_or_default(),
        description: event
            .text("DESCRIPTION")
            .map(|s| s.chars().take(20_000).collect())
            .unwrap_or_default(),
        location: event
            .text("LOCATION")
            .map(|s| one_line(&s, 300))
            .unwrap_or_default(),
        cancelled: method == "CANCEL"
            || event
                .property("STATUS")
                .is_some_and(|p| p.value.trim().eq_ignore_ascii_case("CANCELLED")),
        repeats: event.property("RRULE").is_some(),
        ..RoundDraft::default()
    };
    let mut links: Vec<String> = Vec::new();
    for name in [
        "URL",
        "CONFERENCE",
        "X-GOOGLE-CONFERENCE",
        "X-MICROSOFT-SKYPETEAMSMEETINGURL",
        "X-MICROSOFT-ONLINEMEETINGCONFLINK",
    ] {
        links.extend(event.all(name).map(|p| p.text()));
    }
    let all_links = links.join(" ");
    draft.link = guess::meeting_link(&draft.location)
        .or_else(|| guess::meeting_link(&all_links))
        .or_else(|| guess::meeting_link(&draft.description))
        .unwrap_or_default();
    draft.phone = guess::phone_number(&draft.location)
        .or_else(|| guess::phone_number(&all_links))
        .or_else(|| {
            draft
                .description
                .to_ascii_lowercase()
                .contains("tel:")
                .then(|| guess::phone_number(&draft.description))
                .flatten()
        })
        .unwrap_or_default();
    draft.format = guess::round_format(&draft.location, &all_links, &draft.description);
    draft.people = people(event, context.user_email);

    match event.property("DTSTART") {
        None => draft.refused = Some("an event has no start (DTSTART).".into()),
        Some(start) => match read_moment(start, embedded, context) {
            Err(reason) => draft.refused = Some(reason),
            Ok(Read::Day(day)) => draft.all_day = Some(day),
            Ok(Read::At(moment, zone)) => {
                draft.zone = zone;
                draft.start = Some(moment);
                draft.end = match event.property("DTEND") {
                    Some(end) => match read_moment(end, embedded, context) {
                        Ok(Read::At(end, _)) => Some(end),
                        _ => None,
                    },
                    None => event
                        .property("DURATION")
                        .and_then(|d| ical::parse_duration(&d.value))
                        .map(|length| Moment {
                            at: moment.at + length,
                            ..moment
                        }),
                }
                .filter(|end| end.at > moment.at);
            }
        },
    }
    draft
}

/// A start or end as read.
enum Read {
    Day(NaiveDate),
    /// The moment and the zone's name as shown to the user.
    At(Moment, String),
}

fn read_moment(
    property: &Property,
    embedded: &[EmbeddedZone],
    context: &InviteContext,
) -> Result<Read, String> {
    let value = property.value.trim();
    let when = ical::parse_when(value)
        .ok_or_else(|| format!("the time \"{}\" cannot be read.", one_line(value, 40)))?;
    let year = match when {
        When::Day(day) => chrono::Datelike::year(&day),
        When::Utc(at) | When::Local(at) => chrono::Datelike::year(&at),
    };
    if !YEARS.contains(&year) {
        return Err(format!(
            "the date is in the year {year}, which cannot be an interview."
        ));
    }
    let local = match when {
        When::Day(day) => return Ok(Read::Day(day)),
        When::Utc(at) => {
            let utc = FixedOffset::east_opt(0).ok_or("no UTC offset")?;
            return Ok(Read::At(
                Moment {
                    at: utc.from_utc_datetime(&at),
                    assumed: false,
                    in_gap: false,
                },
                "UTC".into(),
            ));
        }
        When::Local(at) => at,
    };
    let zoned = property.param("TZID").and_then(|tzid| {
        let tzid = tzid.trim();
        if let Some(zone) = embedded.iter().find(|z| z.id == tzid) {
            let found = zones::local_offset(|utc| zone.offset_at_utc(utc), local)?;
            let name = zones::iana_name(tzid);
            return Some((found, name));
        }
        let name = zones::iana_name(tzid);
        context
            .zones
            .offset_for_local(&name, local)
            .map(|found| (found, name))
    });
    match zoned {
        Some((found, name)) => Ok(Read::At(
            Moment {
                at: at_offset(local, found),
                assumed: false,
                in_gap: found.in_gap,
            },
            name,
        )),
        None => {
            let at = context
                .user_zone
                .from_local_datetime(&local)
                .earliest()
                .map(|m| m.fixed_offset())
                .ok_or("that local time does not exist in your time zone.")?;
            Ok(Read::At(
                Moment {
                    at,
                    assumed: true,
                    in_gap: false,
                },
                String::new(),
            ))
        }
    }
}

/// A wall time read with a found offset, shown in the offset in force at that instant (a
/// time in a gap moves forward by the change).
fn at_offset(local: NaiveDateTime, found: zones::LocalOffset) -> DateTime<FixedOffset> {
    let utc = local - Duration::seconds(found.offset.local_minus_utc().into());
    found.in_force.from_utc_datetime(&utc)
}

fn people(event: &Component, user_email: &str) -> Vec<Person> {
    let user = user_email.trim().to_ascii_lowercase();
    let mut found: Vec<Person> = Vec::new();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    for property in event.all("ORGANIZER").chain(event.all("ATTENDEE")) {
        let kind = property
            .param("CUTYPE")
            .unwrap_or("INDIVIDUAL")
            .to_ascii_uppercase();
        if matches!(kind.as_str(), "ROOM" | "RESOURCE" | "GROUP") {
            continue;
        }
        let value = property.value.trim();
        let address = value
            .get(..7)
            .filter(|p| p.eq_ignore_ascii_case("mailto:"))
            .map_or(value, |_| &value[7..])
            .trim()
            .to_string();
        let address = ical::clean_text(&address);
        let email = if crate::core::app::form::looks_like_email(&address) {
            address.to_ascii_lowercase()
        } else {
            String::new()
        };
        if !user.is_empty() && email == user {
            continue;
        }
        if email.contains("resource.calendar")
            || email.contains("group.calendar")
            || is_robot(&email)
        {
            continue;
        }
        let name = property
            .param("CN")
            .map(|cn| one_line(cn, 120))
            .map(|cn| cn.trim_matches(['"', '\'', ' ']).to_string())
            .filter(|cn| !cn.is_empty() && !cn.contains('@'))
            .map(|cn| surname_last(&cn))
            .unwrap_or_else(|| guess::name_from_address(&email));
        if name.is_empty() && email.is_empty() {
            continue;
        }
        if !email.is_empty() && !seen.insert(email.clone()) {
            continue;
        }
        found.push(Person {
            name,
            title: String::new(),
            email,
        });
    }
    found
}

/// Outlook writes "Okafor, Maria"; the form wants "Maria Okafor".
fn surname_last(name: &str) -> String {
    match name.split_once(',') {
        Some((last, first))
            if !first.contains(',')
                && !first.trim().is_empty()
                && last.split_whitespace().count() <= 2
                && first.split_whitespace().count() <= 2 =>
        {
            format!("{} {}", first.trim(), last.trim())
        }
        _ => name.to_string(),
    }
}

/// Addresses that send invitations for a system, not a person.
pub(crate) fn is_robot(email: &str) -> bool {
    let local = email.split('@').next().unwrap_or("");
    [
        "noreply",
        "no-reply",
        "donotreply",
        "do-not-reply",
        "notifications",
        "calendar",
        "scheduling",
    ]
    .iter()
    .any(|robot| local == *robot || local.starts_with(&format!("{robot}+")))
}

/// Text on one line, bounded in length (titles and names).
pub(crate) fn one_line(text: &str, max: usize) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    joined.chars().take(max).collect()
}

/// "Tue 3 Mar 2026 14:00".
fn describe(at: DateTime<FixedOffset>) -> String {
    at.format("%a %-d %b %Y %H:%M").to_string()
}

fn round_form(draft: &RoundDraft, context: &InviteContext, missing: &mut Vec<String>) -> RoundForm {
    let mut round = RoundForm {
        kind: guess::round_kind(&draft.title),
        format: draft.format.unwrap_or_default(),
        uid: draft.uid.clone(),
        ..RoundForm::default()
    };
    if let Some(day) = draft.all_day {
        round.date = day.format("%Y-%m-%d").to_string();
        missing.push("The invitation is for a whole day: enter the start and end times.".into());
    }
    if let Some(start) = draft.start {
        // The round keeps the invitation's named zone, and its times are shown in it.
        let kept = kept_zone(draft, context);
        let shown = kept.map_or(context.user_zone, UserZone::Named);
        if let Some(zone) = kept {
            round.zone = zone.name().to_string();
        }
        let local = start.at.with_timezone(&shown);
        round.date = local.format("%Y-%m-%d").to_string();
        round.start = local.format("%H:%M").to_string();
        if let Some(end) = draft.end {
            let end_local = end.at.with_timezone(&shown);
            if end_local.date_naive() == local.date_naive() && end_local.time() > local.time() {
                round.end = if end_local.second() > 0 {
                    end_local.format("%H:%M:%S").to_string()
                } else {
                    end_local.format("%H:%M").to_string()
                };
            } else {
                missing.push(
                    "The round ends on another day in its time zone: check the end time.".into(),
                );
            }
        }
    }
    let taken = draft.people.len().min(MAX_INTERVIEWERS);
    round.interviewers = draft.people[..taken]
        .iter()
        .map(|person| InterviewerForm {
            name: person.name.clone(),
            // Titles lifted from a sentence ("X, Head of Y, and Z") keep no trailing comma.
            title: person
                .title
                .trim()
                .trim_end_matches([',', ';', ':', '.'])
                .trim()
                .to_string(),
            email: person.email.clone(),
            ..InterviewerForm::default()
        })
        .collect();
    if draft.people.len() > MAX_INTERVIEWERS {
        missing.push(format!(
            "The invitation lists {} people; only the first {MAX_INTERVIEWERS} were kept.",
            draft.people.len()
        ));
    }
    round
}

/// The named zone a round read from the invitation keeps, if any.
fn kept_zone(draft: &RoundDraft, context: &InviteContext) -> Option<NamedZone> {
    draft
        .start
        .filter(|start| !start.assumed)
        .and_then(|_| invitation_zone(&draft.zone, context))
}

/// The IANA zone an invitation's times were given in, when it is a real named zone other
/// than the user's own (UTC stamps and the user's zone leave the round in the user's zone).
fn invitation_zone(name: &str, context: &InviteContext) -> Option<NamedZone> {
    if name.is_empty() || name.eq_ignore_ascii_case("UTC") || name.eq_ignore_ascii_case("GMT") {
        return None;
    }
    let canonical = context.zones.canonical_name(name)?;
    let zone = NamedZone::resolve(ZoneName::parse(&canonical).ok()?)?;
    (context.user_zone.name() != Some(zone.name())).then_some(zone)
}

/// Turns the rounds read into a form, matching earlier imports by UID.
pub(crate) fn assemble(
    source: Source,
    drafts: Vec<RoundDraft>,
    title: &str,
    body: &str,
    mut notes: Vec<String>,
    context: &InviteContext,
) -> Result<InvitationPrefill, InviteError> {
    let mut found = Vec::new();
    let mut missing = std::mem::take(&mut notes);
    let matching = |uid: &Option<String>| -> Option<(ProcessId, RoundId)> {
        let uid = uid.as_ref()?;
        context.existing.iter().find_map(|process| {
            process
                .rounds
                .iter()
                .find(|r| r.uid.as_ref() == Some(uid))
                .map(|r| (process.id, r.id))
        })
    };
    let rounds: Vec<ImportedRound> = drafts
        .iter()
        .map(|d| ImportedRound {
            uid: d.uid.clone(),
            title: d.title.clone(),
            start: d.start.map(|m| m.at),
            end: d.end.map(|m| m.at),
            zone: if d.start.is_some_and(|m| m.assumed) {
                "yours".into()
            } else {
                d.zone.clone()
            },
            location: d.location.clone(),
            link: d.link.clone(),
            phone: d.phone.clone(),
        })
        .collect();

    // A cancellation of a known round.
    if drafts.iter().all(|d| d.cancelled) {
        let Some((draft, (process_id, round_id))) =
            drafts.iter().find_map(|d| matching(&d.uid).map(|m| (d, m)))
        else {
            return Err(InviteError::CancelledUnknown);
        };
        let process = context
            .existing
            .iter()
            .find(|p| p.id == process_id)
            .ok_or(InviteError::CancelledUnknown)?;
        let mut form = ProcessForm::from_process(process);
        let when = process
            .round(round_id)
            .map(|r| describe(r.start))
            .or_else(|| draft.start.map(|m| describe(m.at)))
            .unwrap_or_default();
        form.rounds.retain(|r| r.id != round_id.0);
        found.push(format!(
            "The employer cancelled the round of {when}. Save to remove it from Afterview."
        ));
        return Ok(InvitationPrefill {
            source,
            outcome: Outcome::Cancelled {
                process: process_id,
                round: round_id,
                label: format!("{}, {when}", process.company),
            },
            form,
            company: Guess {
                value: process.company.clone(),
                confidence: Confidence::Likely,
            },
            role: Guess {
                value: process.role.clone(),
                confidence: Confidence::Likely,
            },
            rounds,
            found,
            missing,
            contacts: ContactsForm::default(),
        });
    }

    let live: Vec<&RoundDraft> = drafts.iter().filter(|d| !d.cancelled).collect();
    if live.len() < drafts.len() {
        missing.push("Part of this invitation is a cancellation; only the rest was read.".into());
    }
    describe_found(&live, context.user_zone, &mut found, &mut missing);

    let target = live.iter().find_map(|d| matching(&d.uid));
    let (outcome, form, company, role) = match target {
        Some((process_id, _)) => {
            let process = context
                .existing
                .iter()
                .find(|p| p.id == process_id)
                .ok_or(InviteError::CancelledUnknown)?;
            let mut form = ProcessForm::from_process(process);
            let mut changes = Vec::new();
            let mut added = 0;
            for draft in &live {
                let fresh = round_form(draft, context, &mut missing);
                match matching(&draft.uid).filter(|(p, _)| *p == process_id) {
                    Some((_, round_id)) => {
                        let Some(row) = form.rounds.iter_mut().find(|r| r.id == round_id.0) else {
                            continue;
                        };
                        let before = process
                            .round(round_id)
                            .map(|r| describe(r.start))
                            .unwrap_or_default();
                        if !fresh.date.is_empty() {
                            row.date = fresh.date.clone();
                            row.zone = fresh.zone.clone();
                            row.start = fresh.start.clone();
                            if !fresh.end.is_empty() {
                                row.end = fresh.end.clone();
                            }
                        }
                        if draft.format.is_some() {
                            row.format = fresh.format;
                        }
                        for person in fresh.interviewers {
                            let known = row.interviewers.iter().any(|p| {
                                (!person.email.is_empty()
                                    && p.email.eq_ignore_ascii_case(&person.email))
                                    || (person.email.is_empty() && p.name == person.name)
                            });
                            if !known && row.interviewers.len() < MAX_INTERVIEWERS {
                                row.interviewers.push(person);
                            }
                        }
                        let shown =
                            kept_zone(draft, context).map_or(context.user_zone, UserZone::Named);
                        let after = draft
                            .start
                            .map(|m| describe(m.at.with_timezone(&shown).fixed_offset()));
                        let summary = match after {
                            Some(after) if after != before => {
                                format!("moved from {before} to {after}")
                            }
                            _ => format!("the round of {before} is unchanged in time"),
                        };
                        changes.push(RoundChange {
                            round: round_id,
                            summary,
                        });
                    }
                    None => {
                        form.rounds.push(fresh);
                        added += 1;
                    }
                }
            }
            let company = Guess {
                value: process.company.clone(),
                confidence: Confidence::Likely,
            };
            let role = Guess {
                value: process.role.clone(),
                confidence: Confidence::Likely,
            };
            (
                Outcome::Update {
                    process: process_id,
                    changes,
                    added,
                },
                form,
                company,
                role,
            )
        }
        None => {
            let domains: Vec<String> = live
                .iter()
                .flat_map(|d| d.people.iter())
                .filter_map(|p| {
                    p.email
                        .split_once('@')
                        .map(|(_, domain)| domain.to_string())
                })
                .collect();
            let names: Vec<String> = live
                .iter()
                .flat_map(|d| d.people.iter().map(|p| p.name.clone()))
                .collect();
            let (company, role) = guess::company_and_role(title, body, &domains, &names);
            let rounds = live
                .iter()
                .map(|d| round_form(d, context, &mut missing))
                .collect();
            let mut where_lines = Vec::new();
            if let Some(first) = live.first() {
                if !first.location.is_empty() {
                    where_lines.push(format!("Where: {}", first.location));
                }
                if !first.link.is_empty() {
                    where_lines.push(format!("Meeting link: {}", first.link));
                }
                if !first.phone.is_empty() {
                    where_lines.push(format!("Phone: {}", first.phone));
                }
            }
            let form = ProcessForm {
                company: company.value.clone(),
                role: role.value.clone(),
                notes: where_lines.join("\n"),
                rounds,
                ..ProcessForm::default()
            };
            (Outcome::New, form, company, role)
        }
    };
    match (&outcome, company.is_found(), company.confidence) {
        (Outcome::New, true, Confidence::Likely) => {
            found.push(format!("Company: {}.", company.value))
        }
        (Outcome::New, true, Confidence::Unsure) => found.push(format!(
            "Company: {} (a guess: please confirm).",
            company.value
        )),
        (Outcome::New, false, _) => missing.push("No company name found: enter it.".into()),
        _ => {}
    }
    match (&outcome, role.is_found(), role.confidence) {
        (Outcome::New, true, Confidence::Likely) => found.push(format!("Role: {}.", role.value)),
        (Outcome::New, true, Confidence::Unsure) => {
            found.push(format!("Role: {} (a guess: please confirm).", role.value))
        }
        (Outcome::New, false, _) => missing.push("No role found: enter it.".into()),
        _ => {}
    }
    Ok(InvitationPrefill {
        source,
        outcome,
        form,
        company,
        role,
        rounds,
        found,
        missing,
        contacts: ContactsForm::default(),
    })
}

fn describe_found(
    live: &[&RoundDraft],
    user_zone: UserZone,
    found: &mut Vec<String>,
    missing: &mut Vec<String>,
) {
    for draft in live {
        match (draft.start, draft.end) {
            (Some(start), end) => {
                // A time arranged in another zone also says what it is at home.
                let home = if start.assumed {
                    None
                } else {
                    times_at_home(start.at, end.map(|e| e.at), user_zone)
                };
                let home = home.map(|h| format!("; {h} your time")).unwrap_or_default();
                let zone = if start.assumed {
                    String::new()
                } else {
                    format!(" ({}{home})", draft.zone)
                };
                let end_text = end
                    .map(|e| format!("–{}", e.at.format("%H:%M")))
                    .unwrap_or_default();
                found.push(format!("When: {}{end_text}{zone}.", describe(start.at)));
                if start.assumed {
                    missing.push("No time zone given: the time was read in yours.".into());
                }
                if start.in_gap {
                    missing.push(
                        "That time is skipped by a clock change; it was moved forward: check it."
                            .into(),
                    );
                }
                if end.is_none() {
                    missing.push("No end time found: enter it.".into());
                }
            }
            (None, _) if draft.all_day.is_some() => {}
            (None, _) => missing.push("No date or time found: enter them.".into()),
        }
        if draft.repeats {
            missing.push("The event repeats; only its first date was read.".into());
        }
        match draft.format {
            Some(format) => {
                let how = if !draft.link.is_empty() {
                    " (meeting link)"
                } else if !draft.phone.is_empty() {
                    " (phone number)"
                } else if !draft.location.is_empty() {
                    " (location)"
                } else {
                    ""
                };
                found.push(format!("Format: {}{how}.", format.label().to_lowercase()));
            }
            None => missing.push("The format is not stated: video was assumed.".into()),
        }
        if draft.people.is_empty() {
            missing.push("No interviewer named: add who you will meet.".into());
        } else {
            let names: Vec<&str> = draft
                .people
                .iter()
                .take(8)
                .map(|p| p.name.as_str())
                .collect();
            let more = draft.people.len().saturating_sub(8);
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            found.push(format!("People: {}{more}.", names.join(", ")));
        }
    }
}
