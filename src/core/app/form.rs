//! Form input as typed (strings) and its validation into a [`Process`]: required fields,
//! real dates and times, end after start, email format. Errors name the field they belong to.

use crate::core::dates;
use crate::core::sort;
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone};

use crate::core::data::model::{
    IndustryPace, Interviewer, InterviewerId, Process, ProcessId, Round, RoundFormat, RoundId,
    RoundKind,
};
use crate::core::data::settings::{ZoneName, ZoneSetting};
use crate::core::planning::zone::{NamedZone, UserZone};

/// One interviewer row of the form.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct InterviewerForm {
    /// Kept from the stored record when editing (0 for a new row).
    pub id: u64,
    pub name: String,
    pub title: String,
    pub email: String,
    pub linkedin: String,
    /// What you talked about (a short phrase).
    pub discussed: String,
    /// One detail that stuck with you (optional).
    pub detail: String,
    /// Something you forgot to tell this person (optional).
    pub to_tell: String,
    pub invited_call: bool,
    pub spoke_by_phone: bool,
}

/// One round of the form: the date and times as the inputs give them ("2026-11-20", "14:00").
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct RoundForm {
    pub id: u64,
    pub kind: RoundKind,
    pub format: RoundFormat,
    pub date: String,
    pub start: String,
    pub end: String,
    pub notes: String,
    pub interviewers: Vec<InterviewerForm>,
    /// The calendar invitation this round came from, kept so a later update finds it.
    pub uid: Option<String>,
    /// The IANA zone the date and times are written in; empty for the user's own zone.
    pub zone: String,
    /// The date field holds text the browser cannot read as a day (such as 31/02); `date`
    /// then still holds the last readable value, which is not used.
    pub date_unreadable: bool,
}

/// The add/edit form of a process.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ProcessForm {
    pub company: String,
    pub role: String,
    pub pace: IndustryPace,
    pub job_url: String,
    pub notes: String,
    /// Skills or results to mention in thank-you notes (optional).
    pub why_fit: String,
    pub rounds: Vec<RoundForm>,
}

/// A validation message for one field. `field` is a stable path such as `company`,
/// `rounds.0.date` or `rounds.1.interviewers.0.email`, used to place the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl ProcessForm {
    /// A form holding an existing process, for editing. Times are shown in their stored offset.
    pub fn from_process(process: &Process) -> Self {
        ProcessForm {
            company: process.company.clone(),
            role: process.role.clone(),
            pace: process.pace,
            job_url: process.job_url.clone(),
            notes: process.notes.clone(),
            why_fit: process.why_fit.clone(),
            rounds: process
                .rounds
                .iter()
                .map(|round| RoundForm {
                    id: round.id.0,
                    kind: round.kind,
                    format: round.format,
                    date: dates::iso_date(round.start.date_naive()),
                    start: dates::clock(round.start.time()),
                    end: dates::clock(round.end.time()),
                    notes: round.notes.clone(),
                    uid: round.uid.clone(),
                    zone: round.zone.map(|name| name.to_string()).unwrap_or_default(),
                    date_unreadable: false,
                    interviewers: round
                        .interviewers
                        .iter()
                        .map(|person| InterviewerForm {
                            id: person.id.0,
                            name: person.name.clone(),
                            title: person.title.clone(),
                            email: person.email.clone(),
                            linkedin: person.linkedin.clone(),
                            discussed: person.discussed.clone(),
                            detail: person.detail.clone(),
                            to_tell: person.to_tell.clone(),
                            invited_call: person.invited_call,
                            spoke_by_phone: person.spoke_by_phone,
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// Checks every field and builds the process. `base` is the process being edited (its
    /// events, status and ids are kept) or a fresh one; `zone` resolves the typed local times.
    pub fn to_process<Tz: TimeZone>(
        &self,
        base: &Process,
        zone: &Tz,
    ) -> Result<Process, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut error = |field: String, message: &str| {
            errors.push(FieldError {
                field,
                message: message.to_string(),
            })
        };
        if self.company.trim().is_empty() {
            error("company".into(), "Enter the company's name.");
        }
        if self.role.trim().is_empty() {
            error("role".into(), "Enter the role you interviewed for.");
        }
        let url = self.job_url.trim();
        if !(url.is_empty() || url.starts_with("https://") || url.starts_with("http://")) {
            error(
                "job_url".into(),
                "A job link starts with https:// (or leave it empty).",
            );
        }

        let mut ids = base.local_ids();
        for round in &self.rounds {
            for id in std::iter::once(round.id).chain(round.interviewers.iter().map(|p| p.id)) {
                ids.reserve(id);
            }
        }
        let mut fresh_id = |kept: u64| if kept != 0 { kept } else { ids.take() };

        let mut rounds = Vec::with_capacity(self.rounds.len());
        for (index, round) in self.rounds.iter().enumerate() {
            let at = |name: &str| format!("rounds.{index}.{name}");
            // Unreadable text in the field overrides whatever date was there before.
            let date = parse_date(&round.date).filter(|_| !round.date_unreadable);
            if date.is_none() {
                error(at("date"), date_problem(&round.date, round.date_unreadable));
            }
            let start = parse_time(&round.start);
            if start.is_none() {
                error(at("start"), "Enter when the round started (e.g. 14:00).");
            }
            let end = parse_time(&round.end);
            if end.is_none() {
                error(at("end"), "Enter when the round ended (e.g. 15:00).");
            }
            if let (Some(start), Some(end)) = (start, end) {
                if end <= start {
                    error(at("end"), "The end must be after the start.");
                }
            }
            let mut interviewers = Vec::with_capacity(round.interviewers.len());
            for (person_index, person) in round.interviewers.iter().enumerate() {
                let field =
                    |name: &str| format!("rounds.{index}.interviewers.{person_index}.{name}");
                if person.name.trim().is_empty() {
                    error(
                        field("name"),
                        "Enter the interviewer's name (or remove this row).",
                    );
                }
                let email = person.email.trim();
                if !email.is_empty() && !looks_like_email(email) {
                    error(
                        field("email"),
                        "This does not look like an email address (name@example.com).",
                    );
                }
                interviewers.push(Interviewer {
                    id: InterviewerId(fresh_id(person.id)),
                    name: person.name.trim().to_string(),
                    title: person.title.trim().to_string(),
                    email: email.to_string(),
                    linkedin: person.linkedin.trim().to_string(),
                    discussed: person.discussed.trim().to_string(),
                    detail: person.detail.trim().to_string(),
                    to_tell: person.to_tell.trim().to_string(),
                    invited_call: person.invited_call,
                    spoke_by_phone: person.spoke_by_phone,
                });
            }
            let round_id = RoundId(fresh_id(round.id));
            let round_zone = match round_zone(&round.zone) {
                Ok(found) => found,
                Err(message) => {
                    error(at("zone"), &message);
                    continue;
                }
            };
            if let (Some(date), Some(start), Some(end)) = (date, start, end) {
                let (start_at, end_at) = match round_zone {
                    Some(named) => {
                        let named = UserZone::Named(named);
                        (
                            local_moment(&named, date, start),
                            local_moment(&named, date, end),
                        )
                    }
                    None => (
                        local_moment(zone, date, start),
                        local_moment(zone, date, end),
                    ),
                };
                match (start_at, end_at) {
                    (Some(start_at), Some(end_at)) => rounds.push(Round {
                        id: round_id,
                        kind: round.kind,
                        format: round.format,
                        start: start_at,
                        end: end_at.max(start_at + Duration::minutes(1)),
                        interviewers,
                        notes: round.notes.trim().to_string(),
                        uid: round.uid.clone(),
                        zone: round_zone.map(NamedZone::name),
                    }),
                    _ => error(
                        at("start"),
                        "This time does not exist on that day (a clock change).",
                    ),
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        sort::sort_by_key(&mut rounds, |round| round.start);
        let mut process = base.clone();
        process.company = self.company.trim().to_string();
        process.role = self.role.trim().to_string();
        process.pace = self.pace;
        process.job_url = url.to_string();
        process.notes = self.notes.trim().to_string();
        process.why_fit = self.why_fit.trim().to_string();
        process.rounds = rounds;
        Ok(process)
    }
}

/// What an empty round zone field stands for: "Your zone: America/New_York",
/// "Your zone: Europe/Paris (this device)", "Your zone: UTC+02:00 (fixed)".
pub fn own_zone_placeholder(setting: ZoneSetting) -> String {
    let zone = match setting {
        ZoneSetting::Device => match crate::core::planning::zone::device_zone_name() {
            Some(name) => format!("{name} (this device)"),
            None => "this device's".into(),
        },
        other => crate::core::app::settings_form::zone_text(other),
    };
    format!("Your zone: {zone}")
}

/// The zone a round's zone field names: `None` when empty (the user's own zone), else a
/// zone the resolver knows, or a message saying the name is not one.
pub fn round_zone(text: &str) -> Result<Option<NamedZone>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let unknown = || {
        format!(
            "“{text}” is not a time zone this browser knows. Pick one from the list (they look like Europe/Paris), or leave it empty for your own zone."
        )
    };
    let name = ZoneName::parse(text).map_err(|_| unknown())?;
    let canonical = crate::core::planning::zone::with_resolver(|resolver| {
        resolver.canonical_name(name.as_str())
    })
    .ok_or_else(unknown)?;
    let name = ZoneName::parse(&canonical).map_err(|_| unknown())?;
    NamedZone::resolve(name).map(Some).ok_or_else(unknown)
}

/// Why a round's date cannot be used: nothing typed, a day the calendar does not have (the
/// browser reports it as unreadable and gives no value), or text that is not a date.
fn date_problem(typed: &str, unreadable: bool) -> &'static str {
    if unreadable {
        "That day does not exist in the calendar (like 31 February): check the day and the month."
    } else if typed.trim().is_empty() {
        "Enter the day of this round."
    } else {
        "This is not a real date; use the date picker or YYYY-MM-DD."
    }
}

/// Which writing field of the form a preview is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WritingField {
    Discussed,
    Detail,
    ToTell,
    WhyFit,
}

impl WritingField {
    /// An example of what to type, shown under the field.
    pub fn example(self) -> &'static str {
        match self {
            WritingField::Discussed => "e.g. moving the nightly reports to a streaming pipeline",
            WritingField::Detail => "e.g. the whiteboard covered in release dates",
            WritingField::ToTell => "e.g. I led a similar migration at my last job",
            WritingField::WhyFit => "e.g. five years of Python; cut report run time by half",
        }
    }
}

/// The sentence a writing field turns into in a thank-you note, for the live
/// preview under the field: the example's sentence while the field is empty.
pub fn writing_preview(field: WritingField, text: &str) -> String {
    use crate::core::writing::drafts::preview;
    let typed = if text.trim().is_empty() {
        field.example().trim_start_matches("e.g. ")
    } else {
        text
    };
    let sentence = preview::line(match field {
        WritingField::Discussed => preview::discussed(typed),
        WritingField::Detail => preview::detail(typed),
        WritingField::ToTell => preview::to_tell(typed),
        WritingField::WhyFit => preview::why_fit(typed),
    });
    if text.trim().is_empty() {
        format!("For example: {sentence}")
    } else {
        format!("Reads as: {sentence}")
    }
}

/// A new, empty process with the given id (for the add form's `base`).
pub fn blank_process(id: ProcessId) -> Process {
    Process::new(id, "", "")
}

/// A calendar date as `YYYY-MM-DD`; `None` for anything that is not a real day.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    dates::parse_iso_date(text)
        .filter(|date| crate::core::data::storage::YEARS.contains(&chrono::Datelike::year(date)))
}

/// A time of day as `HH:MM` (or `HH:MM:SS`).
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    dates::parse_clock(text)
}

/// A date-time input's value (`YYYY-MM-DDTHH:MM`) in `zone`.
pub fn parse_local_datetime<Tz: TimeZone>(text: &str, zone: &Tz) -> Option<DateTime<FixedOffset>> {
    let (date, time) = text.trim().split_once('T')?;
    local_moment(zone, parse_date(date)?, parse_time(time)?)
}

fn local_moment<Tz: TimeZone>(
    zone: &Tz,
    date: NaiveDate,
    time: NaiveTime,
) -> Option<DateTime<FixedOffset>> {
    zone.from_local_datetime(&date.and_time(time))
        .earliest()
        .map(|moment| moment.fixed_offset())
}

/// A plain shape check: something@domain.tld with no spaces. Delivery is the mail app's job.
pub fn looks_like_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !text.chars().any(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|part| !part.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone() -> FixedOffset {
        FixedOffset::east_opt(3600).expect("offset")
    }

    fn filled() -> ProcessForm {
        ProcessForm {
            company: "Acme".into(),
            role: "Designer".into(),
            rounds: vec![RoundForm {
                date: "2026-11-19".into(),
                start: "14:00".into(),
                end: "15:00".into(),
                interviewers: vec![
                    InterviewerForm {
                        name: "Dana Lee".into(),
                        email: "dana@acme.example".into(),
                        ..InterviewerForm::default()
                    },
                    InterviewerForm {
                        name: "Sam Roy".into(),
                        ..InterviewerForm::default()
                    },
                ],
                ..RoundForm::default()
            }],
            ..ProcessForm::default()
        }
    }

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|error| error.field.as_str()).collect()
    }

    #[test]
    fn a_complete_form_builds_a_process_with_distinct_ids() {
        let process = filled()
            .to_process(&blank_process(ProcessId(3)), &zone())
            .expect("valid form");
        assert_eq!(process.id, ProcessId(3));
        let round = &process.rounds[0];
        assert_eq!(round.start.to_rfc3339(), "2026-11-19T14:00:00+01:00");
        assert_eq!(round.end.to_rfc3339(), "2026-11-19T15:00:00+01:00");
        let mut ids = vec![round.id.0];
        ids.extend(round.interviewers.iter().map(|person| person.id.0));
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 3, "round and interviewers need distinct ids");
    }

    #[test]
    fn missing_required_fields_are_named() {
        let form = ProcessForm {
            rounds: vec![RoundForm {
                interviewers: vec![InterviewerForm::default()],
                ..RoundForm::default()
            }],
            ..ProcessForm::default()
        };
        let errors = form
            .to_process(&blank_process(ProcessId(1)), &zone())
            .expect_err("empty form");
        assert_eq!(
            fields(&errors),
            [
                "company",
                "role",
                "rounds.0.date",
                "rounds.0.start",
                "rounds.0.end",
                "rounds.0.interviewers.0.name"
            ]
        );
    }

    #[test]
    fn impossible_dates_and_backwards_times_are_refused() {
        let mut form = filled();
        form.rounds[0].date = "2026-02-30".into();
        form.rounds[0].start = "16:00".into();
        form.rounds[0].interviewers[0].email = "dana at acme".into();
        let errors = form
            .to_process(&blank_process(ProcessId(1)), &zone())
            .expect_err("bad form");
        assert_eq!(
            fields(&errors),
            [
                "rounds.0.date",
                "rounds.0.end",
                "rounds.0.interviewers.0.email"
            ]
        );
        assert!(errors[0].message.contains("not a real date"));
    }

    #[test]
    fn a_date_the_browser_could_not_read_is_named_as_impossible_not_missing() {
        let mut form = filled();
        form.rounds[0].date_unreadable = true;
        let errors = form
            .to_process(&blank_process(ProcessId(1)), &zone())
            .expect_err("no date");
        assert_eq!(fields(&errors), ["rounds.0.date"]);
        assert!(errors[0].message.contains("does not exist"), "{errors:?}");
        form.rounds[0].date = String::new();
        form.rounds[0].date_unreadable = false;
        let errors = form
            .to_process(&blank_process(ProcessId(1)), &zone())
            .expect_err("no date");
        assert_eq!(errors[0].message, "Enter the day of this round.");
    }

    #[test]
    fn editing_keeps_ids_and_events() {
        let process = filled()
            .to_process(&blank_process(ProcessId(1)), &zone())
            .expect("valid");
        let mut with_event = process.clone();
        with_event.events.push(crate::core::data::model::Event {
            id: crate::core::data::model::EventId(99),
            at: process.rounds[0].end,
            round: None,
            kind: crate::core::data::model::EventKind::Rejection { from: None },
            note: String::new(),
        });
        let mut form = ProcessForm::from_process(&with_event);
        form.role = "Senior Designer".into();
        let edited = form.to_process(&with_event, &zone()).expect("valid");
        assert_eq!(edited.role, "Senior Designer");
        assert_eq!(edited.events.len(), 1);
        assert_eq!(edited.rounds[0].id, process.rounds[0].id);
        assert_eq!(
            edited.rounds[0].interviewers[1].id,
            process.rounds[0].interviewers[1].id
        );
    }

    #[test]
    fn email_shapes() {
        assert!(looks_like_email("a.b@c.example"));
        for bad in ["a@b", "@b.c", "a b@c.d", "a@b..c", "a@@b.c", "plain"] {
            assert!(!looks_like_email(bad), "{bad}");
        }
    }

    #[test]
    fn datetime_inputs_parse_in_the_zone() {
        let moment = parse_local_datetime("2026-11-20T09:30", &zone()).expect("valid");
        assert_eq!(moment.to_rfc3339(), "2026-11-20T09:30:00+01:00");
        assert!(parse_local_datetime("2026-13-01T09:30", &zone()).is_none());
        assert!(parse_local_datetime("yesterday", &zone()).is_none());
    }

    #[test]
    fn writing_fields_round_trip_and_preview_their_sentence() {
        let mut form = filled();
        form.why_fit = " five years of Python ".into();
        form.rounds[0].interviewers[0].discussed = "Asked about my dbt work.".into();
        form.rounds[0].interviewers[0].detail = "the whiteboard of release dates".into();
        form.rounds[0].interviewers[0].to_tell = "I also speak Portuguese".into();
        let process = form
            .to_process(&blank_process(ProcessId(3)), &zone())
            .expect("valid form");
        assert_eq!(process.why_fit, "five years of Python");
        let person = &process.rounds[0].interviewers[0];
        assert_eq!(person.detail, "the whiteboard of release dates");
        assert_eq!(person.to_tell, "I also speak Portuguese");
        assert_eq!(ProcessForm::from_process(&process).why_fit, process.why_fit);

        assert_eq!(
            writing_preview(WritingField::Discussed, &person.discussed),
            "Reads as: I especially appreciated discussing my dbt work."
        );
        assert_eq!(
            writing_preview(WritingField::ToTell, &person.to_tell),
            "Reads as: I should have mentioned that I speak Portuguese."
        );
        assert_eq!(
            writing_preview(WritingField::WhyFit, &process.why_fit),
            "Reads as: I would bring five years of Python to this role."
        );
        // An empty field shows how its example would read.
        assert!(writing_preview(WritingField::Detail, "  ").starts_with(
            "For example: One detail that stayed with me was the whiteboard covered in release dates."
        ));
    }
}
