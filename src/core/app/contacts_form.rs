//! The contacts part of the process form: recruiters, HR, coordinators beside the
//! interviewers, and the choice of point of contact. Ids are given here when the form
//! is applied, never by the view; blank rows are dropped, never rejected.

use crate::core::app::form::FieldError;
use crate::core::data::model::{Contact, ContactRole, PersonId, Process};

/// One contact as typed; `id` is `None` until the form is saved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContactDraft {
    pub id: Option<PersonId>,
    pub role: ContactRole,
    pub name: String,
    pub title: String,
    pub email: String,
    pub phone: String,
    pub linkedin: String,
    pub spoke_by_phone: bool,
}

impl ContactDraft {
    fn is_blank(&self) -> bool {
        [
            &self.name,
            &self.title,
            &self.email,
            &self.phone,
            &self.linkedin,
        ]
        .iter()
        .all(|text| text.trim().is_empty())
    }
}

/// Who the user picked as point of contact.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PointChoice {
    /// Let Afterview choose (recruiter or HR first); see `Process::default_point_of_contact`.
    #[default]
    Automatic,
    /// An interviewer or a contact already saved.
    Person(PersonId),
    /// A contact typed in this form, by its row.
    NewContact(usize),
}

/// The contacts of one process while being edited.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContactsForm {
    pub contacts: Vec<ContactDraft>,
    pub point: PointChoice,
}

impl ContactsForm {
    pub fn from_process(process: &Process) -> Self {
        ContactsForm {
            contacts: process
                .contacts
                .iter()
                .map(|contact| ContactDraft {
                    id: Some(contact.id),
                    role: contact.role,
                    name: contact.name.clone(),
                    title: contact.title.clone(),
                    email: contact.email.clone(),
                    phone: contact.phone.clone(),
                    linkedin: contact.linkedin.clone(),
                    spoke_by_phone: contact.spoke_by_phone,
                })
                .collect(),
            point: process
                .point_of_contact
                .map_or(PointChoice::Automatic, PointChoice::Person),
        }
    }

    /// The value of the point-of-contact select for `choice`: "auto", "p12", "new3".
    pub fn choice_value(choice: PointChoice) -> String {
        match choice {
            PointChoice::Automatic => "auto".to_string(),
            PointChoice::Person(id) => format!("p{id}"),
            PointChoice::NewContact(row) => format!("new{row}"),
        }
    }

    /// Reads a select value written by [`ContactsForm::choice_value`].
    pub fn parse_choice(value: &str) -> PointChoice {
        if let Some(id) = value.strip_prefix('p').and_then(|id| id.parse().ok()) {
            PointChoice::Person(PersonId(id))
        } else if let Some(row) = value.strip_prefix("new").and_then(|row| row.parse().ok()) {
            PointChoice::NewContact(row)
        } else {
            PointChoice::Automatic
        }
    }

    /// Writes the contacts and the point of contact into `process` (whose interviewers
    /// already have their ids). Field errors are named `contact-{row}-{field}`.
    pub fn apply(&self, process: &mut Process) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        for (row, draft) in self.contacts.iter().enumerate() {
            if draft.is_blank() {
                continue;
            }
            if draft.name.trim().is_empty() {
                errors.push(FieldError {
                    field: format!("contact-{row}-name"),
                    message: "Enter this person's name (or clear the row).".to_string(),
                });
            }
            let email = draft.email.trim();
            if !email.is_empty() && !email.contains('@') {
                errors.push(FieldError {
                    field: format!("contact-{row}-email"),
                    message: "An email address has an @ in it.".to_string(),
                });
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        process.contacts.clear();
        let mut next = process.next_local_id();
        let mut row_ids = Vec::with_capacity(self.contacts.len());
        for draft in &self.contacts {
            if draft.is_blank() {
                row_ids.push(None);
                continue;
            }
            let id = draft.id.unwrap_or_else(|| {
                let id = PersonId(next);
                next += 1;
                id
            });
            row_ids.push(Some(id));
            process.contacts.push(Contact {
                id,
                role: draft.role,
                name: draft.name.trim().to_string(),
                title: draft.title.trim().to_string(),
                email: draft.email.trim().to_string(),
                phone: draft.phone.trim().to_string(),
                linkedin: draft.linkedin.trim().to_string(),
                invited_call: false,
                spoke_by_phone: draft.spoke_by_phone,
            });
        }
        process.point_of_contact = match self.point {
            PointChoice::Automatic => None,
            PointChoice::Person(id) => process.person(id).map(|person| person.id()),
            PointChoice::NewContact(row) => row_ids.get(row).copied().flatten(),
        };
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data::model::{Interviewer, InterviewerId, ProcessId, Round, RoundId};

    fn process() -> Process {
        let mut process = Process::new(ProcessId(1), "Contoso", "Engineer");
        let at =
            chrono::DateTime::parse_from_rfc3339("2025-03-03T10:00:00+01:00").expect("test time");
        process.rounds.push(Round {
            uid: None,
            zone: None,
            id: RoundId(1),
            kind: Default::default(),
            format: Default::default(),
            start: at,
            end: at,
            interviewers: vec![Interviewer {
                id: InterviewerId(2),
                name: "Zoë Martin".into(),
                ..Interviewer::default()
            }],
            notes: String::new(),
        });
        process
    }

    #[test]
    fn new_contacts_get_fresh_ids_and_can_be_the_point_of_contact() {
        let mut process = process();
        let form = ContactsForm {
            contacts: vec![
                ContactDraft::default(),
                ContactDraft {
                    name: " Inès Duarte ".into(),
                    email: "ines@contoso.example".into(),
                    ..ContactDraft::default()
                },
            ],
            point: PointChoice::NewContact(1),
        };
        form.apply(&mut process).expect("valid");
        assert_eq!(process.contacts.len(), 1, "the blank row is dropped");
        let id = process.contacts[0].id;
        assert_eq!(id, PersonId(3));
        assert_eq!(process.contacts[0].name, "Inès Duarte");
        assert_eq!(process.point_of_contact, Some(id));
        // Editing again keeps the id.
        let again = ContactsForm::from_process(&process);
        assert_eq!(again.point, PointChoice::Person(id));
        let mut copy = process.clone();
        again.apply(&mut copy).expect("valid");
        assert_eq!(copy.contacts[0].id, id);
    }

    #[test]
    fn a_contact_without_a_name_or_with_a_bad_email_is_refused_with_its_field() {
        let mut process = process();
        let form = ContactsForm {
            contacts: vec![ContactDraft {
                email: "ines.contoso.example".into(),
                ..ContactDraft::default()
            }],
            point: PointChoice::Automatic,
        };
        let errors = form.apply(&mut process).expect_err("invalid");
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["contact-0-name", "contact-0-email"]);
        assert!(process.contacts.is_empty(), "nothing written on error");
    }

    #[test]
    fn choices_round_trip_through_the_select_value() {
        for choice in [
            PointChoice::Automatic,
            PointChoice::Person(PersonId(12)),
            PointChoice::NewContact(3),
        ] {
            assert_eq!(
                ContactsForm::parse_choice(&ContactsForm::choice_value(choice)),
                choice
            );
        }
        // An interviewer picked as point of contact stays an interviewer reference.
        let mut process = process();
        let form = ContactsForm {
            contacts: Vec::new(),
            point: PointChoice::Person(PersonId(2)),
        };
        form.apply(&mut process).expect("valid");
        assert_eq!(process.point_of_contact, Some(PersonId(2)));
        // A person who no longer exists falls back to automatic.
        let form = ContactsForm {
            contacts: Vec::new(),
            point: PointChoice::Person(PersonId(99)),
        };
        form.apply(&mut process).expect("valid");
        assert_eq!(process.point_of_contact, None);
    }
}
