//! The recipient rule: who each planned action is addressed to, and why them.
//!
//! Thank-you notes, LinkedIn invitations and handwritten cards go to each interviewer.
//! Answers to a request go to whoever asked. Everything else that goes to the employer
//! (inquiries, the competing-offer note, offer and rejection replies, and requests
//! logged without a name) goes to the person the latest employer message with a known
//! sender came from, else the point of contact, else the most senior interviewer of
//! the latest round. Seniority comes from title words; ties go to the lowest id, so
//! the order in which interviewers were typed never decides.

use chrono::TimeZone;

use super::Planner;
use crate::core::data::model::{is_recruiting_title, Channel, Interviewer, PersonId, Process};
use crate::core::planning::action::{Recipient, RecipientBasis};

/// Title words from most to least senior; the first group a title matches gives its rank.
const SENIORITY: [&[&str]; 5] = [
    &[
        "chief",
        "ceo",
        "cto",
        "cfo",
        "coo",
        "cio",
        "founder",
        "president",
        "owner",
        "partner",
    ],
    &["vp", "vice", "svp", "evp"],
    &["director", "head"],
    &["principal", "staff", "lead", "manager", "architect"],
    &["senior", "sr"],
];

/// Higher is more senior: 5 for chief/founder titles down to 0 for titles with no
/// seniority word. Recruiting titles rank 0: they run the process but are not the
/// senior person of a round (and are found as the point of contact anyway).
pub fn seniority(title: &str) -> u8 {
    // Read in place, without a lower-cased copy: the seniority words are ASCII, and a word
    // holding any other letter matches none of them in any letter case.
    let rank = title
        .split(|c: char| !c.is_alphanumeric())
        .map(|word| word_rank(word, |known| word.eq_ignore_ascii_case(known)))
        .max();
    let rank = rank.unwrap_or(0);
    // Only a title with a seniority word needs the (costlier) recruiting check.
    if rank > 0 && is_recruiting_title(title) {
        return 0;
    }
    rank
}

/// The rank of the [`SENIORITY`] group `word` belongs to (5 for the first); 0 for none.
fn word_rank(word: &str, is: impl Fn(&str) -> bool) -> u8 {
    if word.is_empty() {
        return 0;
    }
    SENIORITY
        .iter()
        .position(|group| group.iter().any(|known| is(known)))
        .map_or(0, |index| (SENIORITY.len() - index) as u8)
}

/// The most senior of `people` by title; ties go to the lowest id.
pub fn most_senior(people: &[Interviewer]) -> Option<&Interviewer> {
    people
        .iter()
        .max_by_key(|person| (seniority(&person.title), std::cmp::Reverse(person.id)))
}

impl<Tz: TimeZone> Planner<'_, Tz> {
    /// The recipient of a message to the employer that answers nobody in particular
    /// (worked out once per process: several actions may ask).
    pub(super) fn employer_recipient(&mut self, process: &Process) -> Option<Recipient> {
        if let Some(known) = self.employer {
            return known;
        }
        let found = self.find_employer_recipient(process);
        self.employer = Some(found);
        found
    }

    fn find_employer_recipient(&self, process: &Process) -> Option<Recipient> {
        if let Some((at, _, person)) = self.log.last_sender {
            if process.person(person).is_some() {
                return Some(Recipient {
                    person,
                    basis: RecipientBasis::WroteLast {
                        on: self.day_of(&at),
                    },
                });
            }
        }
        if let Some(person) = process.effective_point_of_contact() {
            return Some(Recipient {
                person,
                basis: RecipientBasis::PointOfContact,
            });
        }
        let latest_round = self.log.latest_round(process)?;
        most_senior(&latest_round.interviewers).map(|person| Recipient {
            person: person.id.into(),
            basis: RecipientBasis::SeniorInterviewer,
        })
    }

    /// Email, or a call when the recipient invited one or already spoke with the user by phone.
    pub(super) fn channel_for(process: &Process, recipient: Option<Recipient>) -> Channel {
        match recipient.and_then(|recipient| process.person(recipient.person)) {
            Some(person) if person.takes_calls() => Channel::Phone,
            _ => Channel::Email,
        }
    }
}

/// The recipient of an interviewer's own note (thank-you, invitation, card).
pub(super) fn interviewer(id: crate::core::data::model::InterviewerId) -> Recipient {
    Recipient {
        person: PersonId::from(id),
        basis: RecipientBasis::Interviewed,
    }
}

#[cfg(test)]
mod tests {
    use super::seniority;

    #[test]
    fn titles_with_and_without_accents_rank_alike() {
        assert_eq!(seniority("SENIOR engineer"), 1);
        assert_eq!(seniority("Sénior engineer, Staff"), 2);
        assert_eq!(seniority("Director de ingeniería"), 3);
        assert_eq!(seniority("Ingeniería"), 0);
        assert_eq!(seniority("Co-founder & CEO"), 5);
        assert_eq!(seniority("vp/engineering"), 4);
        assert_eq!(seniority("Seniorengineer"), 0);
        // A word with a letter outside ASCII stays one word ("Ñlead" is not "lead").
        assert_eq!(seniority("ÑLEAD analyst"), 0);
        assert_eq!(seniority("DIRECTOR GÉNÉRAL"), 3);
    }

    #[test]
    fn recruiters_rank_lowest_whatever_their_seniority_words() {
        assert_eq!(seniority("Head of Talent"), 0);
        assert_eq!(seniority("Directora de Recruiting"), 0);
        assert_eq!(seniority("HR Director"), 0);
        assert_eq!(seniority("Director"), 3);
    }
}
