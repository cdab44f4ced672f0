//! Why an action is due when it is: compact reasons rendered to plain sentences on demand.
//!
//! The planner stores only dates and counts (no text) in each action; the
//! sentence is written when the UI or the CLI asks for it ("why this date?").

use std::fmt;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// The parameters behind an action's window; `Display` turns them into one sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Reason {
    /// No recorded reason (an action built by hand, e.g. in tests of other modules).
    #[default]
    Unspecified,
    /// T1/T14: a thank-you note between two hours and a day after the round ended.
    /// `late`: the window has closed; the note stays worth sending only until the
    /// process moves past its round (a later round, or the employer's answer).
    ThankYouWindow {
        ended_on: NaiveDate,
        ended_at: NaiveTime,
        #[serde(default, skip_serializing_if = "is_false")]
        late: bool,
    },
    /// LinkedIn invitation once the thank-you email to that person has gone out.
    /// `spaced_after`: pushed by T9 past another message to the same person.
    /// `drops_after`: the window has closed; the optional invitation leaves the plan after this day.
    LinkedinAfterThankYou {
        thank_you_sent: NaiveDate,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        spaced_after: Option<NaiveDate>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        drops_after: Option<NaiveDate>,
    },
    /// A paper card as an extra, for a traditional employer.
    /// `drops_after`: the window has closed; the optional card leaves the plan after this day.
    HandwrittenExtra {
        interview_on: NaiveDate,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        drops_after: Option<NaiveDate>,
    },
    /// T2/T3: no date was given, so wait five business days and one to two weeks.
    NoTimeline {
        interview_on: NaiveDate,
        counted_from: NaiveDate,
        not_before: NaiveDate,
        spaced_after: Option<NaiveDate>,
    },
    /// T5/T6: the employer named a date; ask one or two business days after it.
    AfterDecisionDate {
        decision_on: NaiveDate,
        not_before: NaiveDate,
        spaced_after: Option<NaiveDate>,
    },
    /// T7/T8: the first inquiry got no answer (or an answer that left things open).
    SecondInquiry {
        counted_from: NaiveDate,
        not_before: NaiveDate,
        replied: bool,
    },
    /// T8: two inquiries went unanswered for two weeks.
    MoveOn {
        last_inquiry_on: NaiveDate,
        inquiries: u8,
    },
    /// T10: documents the employer asked for by a date.
    DocumentsDeadline { deadline: NaiveDate },
    /// T10: documents asked for without a date: the next business day.
    DocumentsSoon { requested_on: NaiveDate },
    /// T15: someone asked to be kept informed.
    UpdateRequested { requested_on: NaiveDate },
    /// T11: another employer made an offer.
    CompetingOffer {
        received_on: NaiveDate,
        deadline: Option<NaiveDate>,
    },
    /// T12: the employer said no.
    RejectionReply { rejected_on: NaiveDate },
    /// This employer made an offer and expects an answer.
    OfferReply {
        offered_on: NaiveDate,
        deadline: Option<NaiveDate>,
    },
}

fn is_false(value: &bool) -> bool {
    !*value
}

fn day(date: &NaiveDate) -> impl fmt::Display + '_ {
    date.format("%a %-d %b %Y")
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Unspecified => write!(f, "Planned by the follow-up rules."),
            Reason::ThankYouWindow {
                ended_on,
                ended_at,
                late,
            } => {
                write!(
                    f,
                    "The interview ended on {} at {}; a note sent between two hours and one day later reads as considered rather than rushed, and after that it counts as late.",
                    day(ended_on),
                    ended_at.format("%H:%M")
                )?;
                if *late {
                    write!(
                        f,
                        " A late note is still worth sending, until a later round takes place or the employer answers; then it leaves the plan."
                    )?;
                }
                Ok(())
            }
            Reason::LinkedinAfterThankYou {
                thank_you_sent,
                spaced_after,
                drops_after,
            } => {
                write!(
                    f,
                    "Your thank-you email went out on {}, so a short LinkedIn invitation can follow it",
                    day(thank_you_sent)
                )?;
                match spaced_after {
                    Some(previous) => write!(
                        f,
                        ", at least five business days after your message of {} to the same person.",
                        day(previous)
                    )?,
                    None => write!(f, " now.")?,
                }
                optional_extra(f, drops_after)
            }
            Reason::HandwrittenExtra {
                interview_on,
                drops_after,
            } => {
                write!(
                    f,
                    "This employer works in a traditional field, where a paper card posted within two business days of the {} interview is a welcome extra.",
                    day(interview_on)
                )?;
                optional_extra(f, drops_after)
            }
            Reason::NoTimeline {
                interview_on,
                counted_from,
                not_before,
                spaced_after,
            } => {
                write!(
                    f,
                    "No decision date was given: wait five business days after the {} interview and one to two weeks after your last contact on {}, so not before {}",
                    day(interview_on),
                    day(counted_from),
                    day(not_before)
                )?;
                spacing(f, spaced_after)
            }
            Reason::AfterDecisionDate {
                decision_on,
                not_before,
                spaced_after,
            } => {
                write!(
                    f,
                    "They said they would decide by {}; ask nothing before then, and check in one or two business days later, from {}",
                    day(decision_on),
                    day(not_before)
                )?;
                spacing(f, spaced_after)
            }
            Reason::SecondInquiry {
                counted_from,
                not_before,
                replied,
            } => {
                let since = if *replied {
                    "their last reply"
                } else {
                    "your first inquiry, which got no answer,"
                };
                write!(
                    f,
                    "One to two weeks after {since} on {} (from {}); this is the last follow-up the plan will suggest.",
                    day(counted_from),
                    day(not_before)
                )
            }
            Reason::MoveOn {
                last_inquiry_on,
                inquiries,
            } => write!(
                f,
                "{inquiries} follow-ups are enough: the last one, on {}, has gone unanswered for two weeks, so close this process and put the energy elsewhere.",
                day(last_inquiry_on)
            ),
            Reason::DocumentsDeadline { deadline } => write!(
                f,
                "They asked for this by {}; send it before the end of that working day (or of the last working day before it).",
                day(deadline)
            ),
            Reason::DocumentsSoon { requested_on } => write!(
                f,
                "They asked for this on {} without naming a date, so send it within one business day.",
                day(requested_on)
            ),
            Reason::UpdateRequested { requested_on } => write!(
                f,
                "They asked on {} to be kept informed; a short update the next business day shows you listened.",
                day(requested_on)
            ),
            Reason::CompetingOffer {
                received_on,
                deadline,
            } => {
                write!(
                    f,
                    "Another offer arrived on {}; tell them now and ask about their timing before you decide",
                    day(received_on)
                )?;
                match deadline {
                    Some(deadline) => write!(f, ", ahead of its {} deadline.", day(deadline)),
                    None => write!(f, "."),
                }
            }
            Reason::RejectionReply { rejected_on } => write!(
                f,
                "They turned you down on {}; a gracious reply within two business days, asking for feedback, keeps the door open.",
                day(rejected_on)
            ),
            Reason::OfferReply {
                offered_on,
                deadline,
            } => {
                write!(
                    f,
                    "They made an offer on {}; answer in writing within one business day",
                    day(offered_on)
                )?;
                match deadline {
                    Some(deadline) => write!(f, " and no later than their {} deadline.", day(deadline)),
                    None => write!(f, "."),
                }
            }
        }
    }
}

/// Says when an optional extra whose window has closed leaves the plan.
fn optional_extra(f: &mut fmt::Formatter<'_>, drops_after: &Option<NaiveDate>) -> fmt::Result {
    match drops_after {
        Some(last_day) => write!(
            f,
            " Its window has closed and it is optional: unless done, it leaves the plan after {}, two weeks later.",
            day(last_day)
        ),
        None => Ok(()),
    }
}

/// Ends an inquiry sentence, mentioning rule T9 when it pushed the date.
fn spacing(f: &mut fmt::Formatter<'_>, spaced_after: &Option<NaiveDate>) -> fmt::Result {
    match spaced_after {
        Some(previous) => write!(
            f,
            ", and at least five business days after your message of {} to the same person.",
            day(previous)
        ),
        None => write!(f, "."),
    }
}
