//! The records' stored JSON form, written and read by hand: field names, the order they are
//! written in, what is left out when empty, and the defaults a missing field reads as.

use crate::core::data::json::{
    read_bool, read_date, read_list, read_name, read_stamp, read_string, read_u64, Fields, Json,
    ObjectBuilder, ReadError, Stored,
};
use crate::core::data::settings::ZoneName;

use super::{
    ActionKey, ActionKind, Channel, Contact, ContactRole, Event, EventId, EventKind, IndustryPace,
    Interviewer, InterviewerId, PersonId, Process, ProcessId, ProcessStatus, Round, RoundFormat,
    RoundId, RoundKind,
};

fn id(value: u64) -> Json {
    Json::from(value)
}

fn text(value: &str) -> Json {
    Json::from(value)
}

fn read_round_id(json: Json) -> Result<RoundId, ReadError> {
    read_u64(json).map(RoundId)
}

fn read_interviewer_id(json: Json) -> Result<InterviewerId, ReadError> {
    read_u64(json).map(InterviewerId)
}

fn read_person_id(json: Json) -> Result<PersonId, ReadError> {
    read_u64(json).map(PersonId)
}

pub(crate) fn read_zone_name(json: Json) -> Result<ZoneName, ReadError> {
    ZoneName::parse(&read_string(json)?).map_err(ReadError::new)
}

fn read_action_kind(json: Json) -> Result<ActionKind, ReadError> {
    read_name(json, &ActionKind::ALL, ActionKind::slug)
}

fn read_channel(json: Json) -> Result<Channel, ReadError> {
    read_name(json, &Channel::ALL, Channel::slug)
}

fn read_action_key(json: Json) -> Result<ActionKey, ReadError> {
    ActionKey::from_json(json)
}

impl Stored for Interviewer {
    fn to_json(&self) -> Json {
        ObjectBuilder::new()
            .field("id", id(self.id.0))
            .field("name", text(&self.name))
            .field("title", text(&self.title))
            .field("email", text(&self.email))
            .field("linkedin", text(&self.linkedin))
            .field("discussed", text(&self.discussed))
            .field("detail", text(&self.detail))
            .field("to_tell", text(&self.to_tell))
            .field("invited_call", Json::Bool(self.invited_call))
            .field("spoke_by_phone", Json::Bool(self.spoke_by_phone))
            .build()
    }

    fn from_json(json: Json) -> Result<Self, ReadError> {
        let mut fields = Fields::of(json, "an interviewer (an object)")?;
        Ok(Interviewer {
            id: InterviewerId(fields.or("id", read_u64, 0)?),
            name: fields.string_or_empty("name")?,
            title: fields.string_or_empty("title")?,
            email: fields.string_or_empty("email")?,
            linkedin: fields.string_or_empty("linkedin")?,
            discussed: fields.string_or_empty("discussed")?,
            detail: fields.string_or_empty("detail")?,
            to_tell: fields.string_or_empty("to_tell")?,
            invited_call: fields.or("invited_call", read_bool, false)?,
            spoke_by_phone: fields.or("spoke_by_phone", read_bool, false)?,
        })
    }
}

impl Stored for Contact {
    fn to_json(&self) -> Json {
        ObjectBuilder::new()
            .field("id", id(self.id.0))
            .field("role", text(self.role.slug()))
            .field("name", text(&self.name))
            .field("title", text(&self.title))
            .field("email", text(&self.email))
            .field("phone", text(&self.phone))
            .field("linkedin", text(&self.linkedin))
            .field("invited_call", Json::Bool(self.invited_call))
            .field("spoke_by_phone", Json::Bool(self.spoke_by_phone))
            .build()
    }

    fn from_json(json: Json) -> Result<Self, ReadError> {
        let mut fields = Fields::of(json, "a contact (an object)")?;
        Ok(Contact {
            id: PersonId(fields.or("id", read_u64, 0)?),
            role: fields.or(
                "role",
                |json| read_name(json, &ContactRole::ALL, ContactRole::slug),
                ContactRole::default(),
            )?,
            name: fields.string_or_empty("name")?,
            title: fields.string_or_empty("title")?,
            email: fields.string_or_empty("email")?,
            phone: fields.string_or_empty("phone")?,
            linkedin: fields.string_or_empty("linkedin")?,
            invited_call: fields.or("invited_call", read_bool, false)?,
            spoke_by_phone: fields.or("spoke_by_phone", read_bool, false)?,
        })
    }
}

impl Stored for Round {
    fn to_json(&self) -> Json {
        ObjectBuilder::new()
            .field("id", id(self.id.0))
            .field("kind", text(self.kind.slug()))
            .field("format", text(self.format.slug()))
            .field("start", Json::stamp(&self.start))
            .field("end", Json::stamp(&self.end))
            .field(
                "interviewers",
                Json::Array(self.interviewers.iter().map(Stored::to_json).collect()),
            )
            .field("notes", text(&self.notes))
            .some("uid", self.uid.as_deref().map(text))
            .some("zone", self.zone.map(|zone| text(zone.as_str())))
            .build()
    }

    fn from_json(json: Json) -> Result<Self, ReadError> {
        let mut fields = Fields::of(json, "a round (an object)")?;
        Ok(Round {
            id: fields.required("id", read_round_id)?,
            kind: fields.or(
                "kind",
                |json| read_name(json, &RoundKind::ALL, RoundKind::slug),
                RoundKind::default(),
            )?,
            format: fields.or(
                "format",
                |json| read_name(json, &RoundFormat::ALL, RoundFormat::slug),
                RoundFormat::default(),
            )?,
            start: fields.required("start", read_stamp)?,
            end: fields.required("end", read_stamp)?,
            interviewers: fields.or(
                "interviewers",
                |json| read_list(json, Interviewer::from_json),
                Vec::new(),
            )?,
            notes: fields.string_or_empty("notes")?,
            uid: fields.optional("uid", read_string)?,
            zone: fields.optional("zone", read_zone_name)?,
        })
    }
}

impl Stored for ActionKey {
    fn to_json(&self) -> Json {
        ObjectBuilder::new()
            .field("kind", text(self.kind.slug()))
            .some("round", self.round.map(|round| id(round.0)))
            .some("interviewer", self.interviewer.map(|person| id(person.0)))
            .build()
    }

    fn from_json(json: Json) -> Result<Self, ReadError> {
        let mut fields = Fields::of(json, "an action (an object)")?;
        Ok(ActionKey {
            kind: fields.required("kind", read_action_kind)?,
            round: fields.optional("round", read_round_id)?,
            interviewer: fields.optional("interviewer", read_interviewer_id)?,
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

    /// The kind's own fields after `type`, in the order they are stored.
    fn write_fields(&self, object: ObjectBuilder) -> ObjectBuilder {
        let object = object.field("type", text(self.slug()));
        let person = |person: &Option<PersonId>| person.map(|person| id(person.0));
        let interviewer = |person: &Option<InterviewerId>| person.map(|person| id(person.0));
        let day = |day: &Option<chrono::NaiveDate>| day.as_ref().map(Json::date);
        match self {
            EventKind::MessageSent {
                message,
                channel,
                to,
            } => object
                .field("message", text(message.slug()))
                .field("channel", text(channel.slug()))
                .some("to", interviewer(to)),
            EventKind::ReplyReceived { from } | EventKind::Rejection { from } => {
                object.some("from", person(from))
            }
            EventKind::DecisionDateGiven { date, from } => object
                .field("date", Json::date(date))
                .some("from", person(from)),
            EventKind::DocumentsRequested { what, deadline, by } => object
                .field("what", text(what))
                .some("deadline", day(deadline))
                .some("by", interviewer(by)),
            EventKind::UpdateRequested { by } => object.some("by", interviewer(by)),
            EventKind::Offer { deadline, from } => object
                .some("deadline", day(deadline))
                .some("from", person(from)),
            EventKind::CompetingOffer { deadline } => object.some("deadline", day(deadline)),
            EventKind::Withdrawn | EventKind::MovedOn => object,
            EventKind::Snoozed { action, until } => object
                .field("action", action.to_json())
                .field("until", Json::stamp(until)),
            EventKind::Dismissed { action } => object.field("action", action.to_json()),
        }
    }

    /// Reads the kind named by `type` from the fields of its event. A kind's field written
    /// as `null` counts as missing, as it always has.
    fn read(fields: &mut Fields) -> Result<EventKind, ReadError> {
        let name = fields.required("type", read_string)?;
        Ok(match name.as_str() {
            "message-sent" => EventKind::MessageSent {
                message: present(fields.optional("message", read_action_kind)?, "message")?,
                channel: fields
                    .optional("channel", read_channel)?
                    .unwrap_or_default(),
                to: fields.optional("to", read_interviewer_id)?,
            },
            "reply-received" => EventKind::ReplyReceived {
                from: fields.optional("from", read_person_id)?,
            },
            "decision-date-given" => EventKind::DecisionDateGiven {
                date: present(fields.optional("date", read_date)?, "date")?,
                from: fields.optional("from", read_person_id)?,
            },
            "documents-requested" => EventKind::DocumentsRequested {
                what: fields.optional("what", read_string)?.unwrap_or_default(),
                deadline: fields.optional("deadline", read_date)?,
                by: fields.optional("by", read_interviewer_id)?,
            },
            "update-requested" => EventKind::UpdateRequested {
                by: fields.optional("by", read_interviewer_id)?,
            },
            "offer" => EventKind::Offer {
                deadline: fields.optional("deadline", read_date)?,
                from: fields.optional("from", read_person_id)?,
            },
            "competing-offer" => EventKind::CompetingOffer {
                deadline: fields.optional("deadline", read_date)?,
            },
            "rejection" => EventKind::Rejection {
                from: fields.optional("from", read_person_id)?,
            },
            "withdrawn" => EventKind::Withdrawn,
            "moved-on" => EventKind::MovedOn,
            "snoozed" => EventKind::Snoozed {
                action: present(fields.optional("action", read_action_key)?, "action")?,
                until: present(fields.optional("until", read_stamp)?, "until")?,
            },
            "dismissed" => EventKind::Dismissed {
                action: present(fields.optional("action", read_action_key)?, "action")?,
            },
            other => {
                return Err(ReadError::new(format!(
                    "unknown variant `{other}`, expected one of `message-sent`, \
                     `reply-received`, `decision-date-given`, `documents-requested`, \
                     `update-requested`, `offer`, `competing-offer`, `rejection`, \
                     `withdrawn`, `moved-on`, `snoozed`, `dismissed`"
                ))
                .in_field("type"))
            }
        })
    }
}

/// A kind's field that must be there.
fn present<T>(value: Option<T>, key: &str) -> Result<T, ReadError> {
    value.ok_or_else(|| ReadError::new(format!("missing field `{key}`")))
}

/// Stored flat: the event's own fields and its kind's side by side, the kind named by `type`.
impl Stored for Event {
    fn to_json(&self) -> Json {
        let object = ObjectBuilder::new()
            .field("id", id(self.id.0))
            .field("at", Json::stamp(&self.at))
            .some("round", self.round.map(|round| id(round.0)));
        self.kind
            .write_fields(object)
            .text_unless_empty("note", &self.note)
            .build()
    }

    fn from_json(json: Json) -> Result<Self, ReadError> {
        let mut fields = Fields::of(json, "an event (an object)")?;
        let id = fields.required("id", read_u64)?;
        let at = fields.required("at", read_stamp)?;
        let round = fields.optional("round", read_round_id)?;
        let kind = EventKind::read(&mut fields)?;
        Ok(Event {
            id: EventId(id),
            at,
            round,
            kind,
            note: fields.string_or_empty("note")?,
        })
    }
}

impl Stored for Process {
    fn to_json(&self) -> Json {
        let mut object = ObjectBuilder::new()
            .field("id", id(self.id.0))
            .field("company", text(&self.company))
            .field("role", text(&self.role))
            .field("pace", text(self.pace.slug()))
            .field("status", text(self.status.slug()))
            .field(
                "rounds",
                Json::Array(self.rounds.iter().map(Stored::to_json).collect()),
            );
        if !self.contacts.is_empty() {
            object = object.field(
                "contacts",
                Json::Array(self.contacts.iter().map(Stored::to_json).collect()),
            );
        }
        object
            .some(
                "point_of_contact",
                self.point_of_contact.map(|person| id(person.0)),
            )
            .field(
                "events",
                Json::Array(self.events.iter().map(Stored::to_json).collect()),
            )
            .text_unless_empty("job_url", &self.job_url)
            .some("applied_on", self.applied_on.as_ref().map(Json::date))
            .text_unless_empty("notes", &self.notes)
            .text_unless_empty("why_fit", &self.why_fit)
            .field("revision", id(self.revision))
            .some("updated_at", self.updated_at.as_ref().map(Json::stamp))
            .some("sample", self.sample.then_some(Json::Bool(true)))
            .build()
    }

    fn from_json(json: Json) -> Result<Self, ReadError> {
        let mut fields = Fields::of(json, "a process (an object)")?;
        Ok(Process {
            id: ProcessId(fields.required("id", read_u64)?),
            company: fields.required("company", read_string)?,
            role: fields.required("role", read_string)?,
            pace: fields.or(
                "pace",
                |json| read_name(json, &IndustryPace::ALL, IndustryPace::slug),
                IndustryPace::default(),
            )?,
            status: fields.or(
                "status",
                |json| read_name(json, &ProcessStatus::ALL, ProcessStatus::slug),
                ProcessStatus::default(),
            )?,
            rounds: fields.or(
                "rounds",
                |json| read_list(json, Round::from_json),
                Vec::new(),
            )?,
            contacts: fields.or(
                "contacts",
                |json| read_list(json, Contact::from_json),
                Vec::new(),
            )?,
            point_of_contact: fields.optional("point_of_contact", read_person_id)?,
            events: fields.or(
                "events",
                |json| read_list(json, Event::from_json),
                Vec::new(),
            )?,
            job_url: fields.string_or_empty("job_url")?,
            applied_on: fields.optional("applied_on", read_date)?,
            notes: fields.string_or_empty("notes")?,
            why_fit: fields.string_or_empty("why_fit")?,
            revision: fields.or("revision", read_u64, 0)?,
            updated_at: fields.optional("updated_at", read_stamp)?,
            sample: fields.or("sample", read_bool, false)?,
        })
    }
}
