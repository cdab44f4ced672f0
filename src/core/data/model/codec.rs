//! The records' stored JSON form, written and read by hand: field names, the order they are
//! written in, what is left out when empty, and what a missing field reads as. Fields this
//! build does not know are passed over; a field written twice counts as its last value.

use crate::core::data::json::{ReadError, Reader, Stored, Writer};
use crate::core::data::settings::ZoneName;

use super::{
    ActionKey, ActionKind, Channel, Contact, ContactRole, Event, EventId, EventKind, IndustryPace,
    Interviewer, InterviewerId, PersonId, Process, ProcessId, ProcessStatus, Round, RoundFormat,
    RoundId, RoundKind,
};

/// Reads a field's value with `read`, naming the field in any error.
fn field<T>(
    key: &str,
    input: &mut Reader<'_>,
    read: fn(&mut Reader<'_>) -> Result<T, ReadError>,
) -> Result<T, ReadError> {
    read(input).map_err(|error| error.in_field(key))
}

/// A field that may be `null`, which reads as absent.
fn optional<T>(
    key: &str,
    input: &mut Reader<'_>,
    read: fn(&mut Reader<'_>) -> Result<T, ReadError>,
) -> Result<Option<T>, ReadError> {
    if input.null()? {
        return Ok(None);
    }
    field(key, input, read).map(Some)
}

/// A field that must have been there, checked at the end of its object.
fn present<T>(value: Option<T>, key: &str, input: &Reader<'_>) -> Result<T, ReadError> {
    value.ok_or_else(|| input.missing(key))
}

fn read_id(input: &mut Reader<'_>) -> Result<u64, ReadError> {
    input.u64()
}

fn read_string(input: &mut Reader<'_>) -> Result<String, ReadError> {
    input.string()
}

/// A zone name: spelled like an IANA name.
fn read_zone_name(input: &mut Reader<'_>) -> Result<ZoneName, ReadError> {
    let text = input.str()?;
    ZoneName::parse(&text).map_err(|problem| input.shape_error(problem))
}

fn read_action_kind(input: &mut Reader<'_>) -> Result<ActionKind, ReadError> {
    input.name(&ActionKind::ALL, ActionKind::slug)
}

fn read_channel(input: &mut Reader<'_>) -> Result<Channel, ReadError> {
    input.name(&Channel::ALL, Channel::slug)
}

fn read_bool(input: &mut Reader<'_>) -> Result<bool, ReadError> {
    input.bool()
}

fn read_date(input: &mut Reader<'_>) -> Result<chrono::NaiveDate, ReadError> {
    input.date()
}

fn read_stamp(input: &mut Reader<'_>) -> Result<chrono::DateTime<chrono::FixedOffset>, ReadError> {
    input.stamp()
}

impl Stored for Interviewer {
    fn write(&self, out: &mut Writer) {
        out.begin_object();
        out.field_u64("id", self.id.0);
        out.field_str("name", &self.name);
        out.field_str("title", &self.title);
        out.field_str("email", &self.email);
        out.field_str("linkedin", &self.linkedin);
        out.field_str("discussed", &self.discussed);
        out.field_str("detail", &self.detail);
        out.field_str("to_tell", &self.to_tell);
        out.field_bool("invited_call", self.invited_call);
        out.field_bool("spoke_by_phone", self.spoke_by_phone);
        out.end_object();
    }

    /// Every field may be missing (then empty, zero or false).
    fn read(input: &mut Reader<'_>) -> Result<Self, ReadError> {
        let mut person = Interviewer::default();
        input.begin_object("an interviewer (an object)")?;
        while let Some(key) = input.next_key()? {
            let key = &*key;
            match key {
                "id" => person.id = InterviewerId(field(key, input, read_id)?),
                "name" => person.name = field(key, input, read_string)?,
                "title" => person.title = field(key, input, read_string)?,
                "email" => person.email = field(key, input, read_string)?,
                "linkedin" => person.linkedin = field(key, input, read_string)?,
                "discussed" => person.discussed = field(key, input, read_string)?,
                "detail" => person.detail = field(key, input, read_string)?,
                "to_tell" => person.to_tell = field(key, input, read_string)?,
                "invited_call" => person.invited_call = field(key, input, read_bool)?,
                "spoke_by_phone" => person.spoke_by_phone = field(key, input, read_bool)?,
                _ => input.skip()?,
            }
        }
        Ok(person)
    }
}

impl Stored for Contact {
    fn write(&self, out: &mut Writer) {
        out.begin_object();
        out.field_u64("id", self.id.0);
        out.field_str("role", self.role.slug());
        out.field_str("name", &self.name);
        out.field_str("title", &self.title);
        out.field_str("email", &self.email);
        out.field_str("phone", &self.phone);
        out.field_str("linkedin", &self.linkedin);
        out.field_bool("invited_call", self.invited_call);
        out.field_bool("spoke_by_phone", self.spoke_by_phone);
        out.end_object();
    }

    /// Every field may be missing (then empty, zero, false, or a recruiter).
    fn read(input: &mut Reader<'_>) -> Result<Self, ReadError> {
        let mut contact = Contact::default();
        input.begin_object("a contact (an object)")?;
        while let Some(key) = input.next_key()? {
            let key = &*key;
            match key {
                "id" => contact.id = PersonId(field(key, input, read_id)?),
                "role" => {
                    contact.role = field(key, input, |input| {
                        input.name(&ContactRole::ALL, ContactRole::slug)
                    })?
                }
                "name" => contact.name = field(key, input, read_string)?,
                "title" => contact.title = field(key, input, read_string)?,
                "email" => contact.email = field(key, input, read_string)?,
                "phone" => contact.phone = field(key, input, read_string)?,
                "linkedin" => contact.linkedin = field(key, input, read_string)?,
                "invited_call" => contact.invited_call = field(key, input, read_bool)?,
                "spoke_by_phone" => contact.spoke_by_phone = field(key, input, read_bool)?,
                _ => input.skip()?,
            }
        }
        Ok(contact)
    }
}

impl Stored for Round {
    fn write(&self, out: &mut Writer) {
        out.begin_object();
        out.field_u64("id", self.id.0);
        out.field_str("kind", self.kind.slug());
        out.field_str("format", self.format.slug());
        out.field_stamp("start", &self.start);
        out.field_stamp("end", &self.end);
        out.key("interviewers");
        write_list(out, &self.interviewers);
        out.field_str("notes", &self.notes);
        if let Some(uid) = &self.uid {
            out.field_str("uid", uid);
        }
        if let Some(zone) = self.zone {
            out.field_str("zone", zone.as_str());
        }
        out.end_object();
    }

    /// `id`, `start` and `end` must be there; the rest may be missing.
    fn read(input: &mut Reader<'_>) -> Result<Self, ReadError> {
        let (mut id, mut start, mut end) = (None, None, None);
        let mut kind = RoundKind::default();
        let mut format = RoundFormat::default();
        let mut interviewers = Vec::new();
        let mut notes = String::new();
        let (mut uid, mut zone) = (None, None);
        input.begin_object("a round (an object)")?;
        while let Some(key) = input.next_key()? {
            let key = &*key;
            match key {
                "id" => id = Some(RoundId(field(key, input, read_id)?)),
                "kind" => {
                    kind = field(key, input, |input| {
                        input.name(&RoundKind::ALL, RoundKind::slug)
                    })?
                }
                "format" => {
                    format = field(key, input, |input| {
                        input.name(&RoundFormat::ALL, RoundFormat::slug)
                    })?
                }
                "start" => start = Some(field(key, input, read_stamp)?),
                "end" => end = Some(field(key, input, read_stamp)?),
                "interviewers" => {
                    interviewers = field(key, input, |input| {
                        input.list("a list of interviewers", Interviewer::read)
                    })?
                }
                "notes" => notes = field(key, input, read_string)?,
                "uid" => uid = optional(key, input, read_string)?,
                "zone" => zone = optional(key, input, read_zone_name)?,
                _ => input.skip()?,
            }
        }
        Ok(Round {
            id: present(id, "id", input)?,
            kind,
            format,
            start: present(start, "start", input)?,
            end: present(end, "end", input)?,
            interviewers,
            notes,
            uid,
            zone,
        })
    }
}

/// Writes records as a list.
fn write_list<T: Stored>(out: &mut Writer, items: &[T]) {
    out.begin_array();
    for item in items {
        out.item();
        item.write(out);
    }
    out.end_array();
}

impl Stored for ActionKey {
    fn write(&self, out: &mut Writer) {
        out.begin_object();
        out.field_str("kind", self.kind.slug());
        out.field_u64_some("round", self.round.map(|round| round.0));
        out.field_u64_some("interviewer", self.interviewer.map(|person| person.0));
        out.end_object();
    }

    fn read(input: &mut Reader<'_>) -> Result<Self, ReadError> {
        let (mut kind, mut round, mut interviewer) = (None, None, None);
        input.begin_object("an action (an object)")?;
        while let Some(key) = input.next_key()? {
            let key = &*key;
            match key {
                "kind" => kind = Some(field(key, input, read_action_kind)?),
                "round" => round = optional(key, input, read_id)?.map(RoundId),
                "interviewer" => interviewer = optional(key, input, read_id)?.map(InterviewerId),
                _ => input.skip()?,
            }
        }
        Ok(ActionKey {
            kind: present(kind, "kind", input)?,
            round,
            interviewer,
        })
    }
}

impl EventKind {
    /// The `type` name the kind is stored under.
    pub fn slug(&self) -> &'static str {
        match self {
            EventKind::MessageSent { .. } => "message-sent",
            EventKind::ReplyReceived { .. } => "reply-received",
            EventKind::DecisionDateGiven { .. } => "decision-date-given",
            EventKind::DocumentsRequested { .. } => "documents-requested",
            EventKind::UpdateRequested { .. } => "update-requested",
            EventKind::Offer { .. } => "offer",
            EventKind::CompetingOffer { .. } => "competing-offer",
            EventKind::Rejection { .. } => "rejection",
            EventKind::Withdrawn => "withdrawn",
            EventKind::MovedOn => "moved-on",
            EventKind::Snoozed { .. } => "snoozed",
            EventKind::Dismissed { .. } => "dismissed",
        }
    }

    /// `type`, then the kind's own fields, in the order they are stored.
    fn write_fields(&self, out: &mut Writer) {
        out.field_str("type", self.slug());
        let person = |person: &Option<PersonId>| person.map(|person| person.0);
        let interviewer = |person: &Option<InterviewerId>| person.map(|person| person.0);
        match self {
            EventKind::MessageSent {
                message,
                channel,
                to,
            } => {
                out.field_str("message", message.slug());
                out.field_str("channel", channel.slug());
                out.field_u64_some("to", interviewer(to));
            }
            EventKind::ReplyReceived { from } | EventKind::Rejection { from } => {
                out.field_u64_some("from", person(from));
            }
            EventKind::DecisionDateGiven { date, from } => {
                out.field_date_some("date", Some(date));
                out.field_u64_some("from", person(from));
            }
            EventKind::DocumentsRequested { what, deadline, by } => {
                out.field_str("what", what);
                out.field_date_some("deadline", deadline.as_ref());
                out.field_u64_some("by", interviewer(by));
            }
            EventKind::UpdateRequested { by } => out.field_u64_some("by", interviewer(by)),
            EventKind::Offer { deadline, from } => {
                out.field_date_some("deadline", deadline.as_ref());
                out.field_u64_some("from", person(from));
            }
            EventKind::CompetingOffer { deadline } => {
                out.field_date_some("deadline", deadline.as_ref());
            }
            EventKind::Withdrawn | EventKind::MovedOn => {}
            EventKind::Snoozed { action, until } => {
                out.key("action");
                action.write(out);
                out.field_stamp("until", until);
            }
            EventKind::Dismissed { action } => {
                out.key("action");
                action.write(out);
            }
        }
    }
}

/// Every field any event kind has, each under the one name and type it has in every kind:
/// an event is read in one pass whatever order its fields come in.
#[derive(Default)]
struct EventFields {
    id: Option<u64>,
    at: Option<chrono::DateTime<chrono::FixedOffset>>,
    round: Option<RoundId>,
    /// The position of `type` in [`EVENT_TYPES`].
    kind: Option<usize>,
    note: String,
    message: Option<ActionKind>,
    channel: Option<Channel>,
    to: Option<InterviewerId>,
    from: Option<PersonId>,
    date: Option<chrono::NaiveDate>,
    what: Option<String>,
    deadline: Option<chrono::NaiveDate>,
    by: Option<InterviewerId>,
    action: Option<ActionKey>,
    until: Option<chrono::DateTime<chrono::FixedOffset>>,
}

/// The names `type` takes, in the order of [`EventKind`]'s variants.
const EVENT_TYPES: [&str; 12] = [
    "message-sent",
    "reply-received",
    "decision-date-given",
    "documents-requested",
    "update-requested",
    "offer",
    "competing-offer",
    "rejection",
    "withdrawn",
    "moved-on",
    "snoozed",
    "dismissed",
];

/// Stored flat: the event's own fields and its kind's side by side, the kind named by `type`.
/// A kind's field written as `null` counts as missing.
impl Stored for Event {
    fn write(&self, out: &mut Writer) {
        out.begin_object();
        out.field_u64("id", self.id.0);
        out.field_stamp("at", &self.at);
        out.field_u64_some("round", self.round.map(|round| round.0));
        self.kind.write_fields(out);
        out.field_str_unless_empty("note", &self.note);
        out.end_object();
    }

    fn read(input: &mut Reader<'_>) -> Result<Self, ReadError> {
        let mut found = EventFields::default();
        input.begin_object("an event (an object)")?;
        while let Some(key) = input.next_key()? {
            let key = &*key;
            match key {
                "id" => found.id = Some(field(key, input, read_id)?),
                "at" => found.at = Some(field(key, input, read_stamp)?),
                "round" => found.round = optional(key, input, read_id)?.map(RoundId),
                "type" => {
                    let name = input.str().map_err(|error| error.in_field(key))?;
                    match EVENT_TYPES.iter().position(|known| *known == name) {
                        Some(index) => found.kind = Some(index),
                        None => {
                            let names: Vec<String> =
                                EVENT_TYPES.iter().map(|name| format!("`{name}`")).collect();
                            return Err(input
                                .shape_error(format!(
                                    "unknown variant `{name}`, expected one of {}",
                                    names.join(", ")
                                ))
                                .in_field(key));
                        }
                    }
                }
                "note" => found.note = field(key, input, read_string)?,
                "message" => found.message = optional(key, input, read_action_kind)?,
                "channel" => found.channel = optional(key, input, read_channel)?,
                "to" => found.to = optional(key, input, read_id)?.map(InterviewerId),
                "from" => found.from = optional(key, input, read_id)?.map(PersonId),
                "date" => found.date = optional(key, input, read_date)?,
                "what" => found.what = optional(key, input, read_string)?,
                "deadline" => found.deadline = optional(key, input, read_date)?,
                "by" => found.by = optional(key, input, read_id)?.map(InterviewerId),
                "action" => found.action = optional(key, input, ActionKey::read)?,
                "until" => found.until = optional(key, input, read_stamp)?,
                _ => input.skip()?,
            }
        }
        let id = present(found.id, "id", input)?;
        let at = present(found.at, "at", input)?;
        let index = present(found.kind, "type", input)?;
        let kind = match index {
            0 => EventKind::MessageSent {
                message: present(found.message, "message", input)?,
                channel: found.channel.unwrap_or_default(),
                to: found.to,
            },
            1 => EventKind::ReplyReceived { from: found.from },
            2 => EventKind::DecisionDateGiven {
                date: present(found.date, "date", input)?,
                from: found.from,
            },
            3 => EventKind::DocumentsRequested {
                what: found.what.unwrap_or_default(),
                deadline: found.deadline,
                by: found.by,
            },
            4 => EventKind::UpdateRequested { by: found.by },
            5 => EventKind::Offer {
                deadline: found.deadline,
                from: found.from,
            },
            6 => EventKind::CompetingOffer {
                deadline: found.deadline,
            },
            7 => EventKind::Rejection { from: found.from },
            8 => EventKind::Withdrawn,
            9 => EventKind::MovedOn,
            10 => EventKind::Snoozed {
                action: present(found.action, "action", input)?,
                until: present(found.until, "until", input)?,
            },
            _ => EventKind::Dismissed {
                action: present(found.action, "action", input)?,
            },
        };
        Ok(Event {
            id: EventId(id),
            at,
            round: found.round,
            kind,
            note: found.note,
        })
    }
}

impl Stored for Process {
    fn write(&self, out: &mut Writer) {
        out.begin_object();
        out.field_u64("id", self.id.0);
        out.field_str("company", &self.company);
        out.field_str("role", &self.role);
        out.field_str("pace", self.pace.slug());
        out.field_str("status", self.status.slug());
        out.key("rounds");
        write_list(out, &self.rounds);
        if !self.contacts.is_empty() {
            out.key("contacts");
            write_list(out, &self.contacts);
        }
        out.field_u64_some("point_of_contact", self.point_of_contact.map(|p| p.0));
        out.key("events");
        write_list(out, &self.events);
        out.field_str_unless_empty("job_url", &self.job_url);
        out.field_date_some("applied_on", self.applied_on.as_ref());
        out.field_str_unless_empty("notes", &self.notes);
        out.field_str_unless_empty("why_fit", &self.why_fit);
        out.field_u64("revision", self.revision);
        out.field_stamp_some("updated_at", self.updated_at.as_ref());
        if self.sample {
            out.field_bool("sample", true);
        }
        out.end_object();
    }

    /// `id`, `company` and `role` must be there; the rest may be missing.
    fn read(input: &mut Reader<'_>) -> Result<Self, ReadError> {
        let (mut id, mut company, mut role) = (None, None, None);
        let mut process = Process::new(ProcessId(0), "", "");
        input.begin_object("a process (an object)")?;
        while let Some(key) = input.next_key()? {
            let key = &*key;
            match key {
                "id" => id = Some(ProcessId(field(key, input, read_id)?)),
                "company" => company = Some(field(key, input, read_string)?),
                "role" => role = Some(field(key, input, read_string)?),
                "pace" => {
                    process.pace = field(key, input, |input| {
                        input.name(&IndustryPace::ALL, IndustryPace::slug)
                    })?
                }
                "status" => {
                    process.status = field(key, input, |input| {
                        input.name(&ProcessStatus::ALL, ProcessStatus::slug)
                    })?
                }
                "rounds" => {
                    process.rounds = field(key, input, |input| {
                        input.list("a list of rounds", Round::read)
                    })?
                }
                "contacts" => {
                    process.contacts = field(key, input, |input| {
                        input.list("a list of contacts", Contact::read)
                    })?
                }
                "point_of_contact" => {
                    process.point_of_contact = optional(key, input, read_id)?.map(PersonId)
                }
                "events" => {
                    process.events = field(key, input, |input| {
                        input.list("a list of events", Event::read)
                    })?
                }
                "job_url" => process.job_url = field(key, input, read_string)?,
                "applied_on" => process.applied_on = optional(key, input, read_date)?,
                "notes" => process.notes = field(key, input, read_string)?,
                "why_fit" => process.why_fit = field(key, input, read_string)?,
                "revision" => process.revision = field(key, input, read_id)?,
                "updated_at" => process.updated_at = optional(key, input, read_stamp)?,
                "sample" => process.sample = field(key, input, read_bool)?,
                _ => input.skip()?,
            }
        }
        process.id = present(id, "id", input)?;
        process.company = present(company, "company", input)?;
        process.role = present(role, "role", input)?;
        Ok(process)
    }
}
