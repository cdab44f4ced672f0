//! Why an action is due when it is: compact reasons rendered to plain sentences on demand.
//!
//! The planner stores only dates and counts (no text) in each action; the sentence is written
//! when the UI or the CLI asks for it ("why this date?"), with the numbers of the same
//! [`Timing`] table the planner used, so prose and plan cannot disagree.

use crate::core::dates;
use std::fmt;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::core::data::model::Channel;
use crate::core::planning::timing::{
    count_of, days_span, hours_span, number_word, range_of, Timing,
};

/// What a second inquiry is counted from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CountedFrom {
    /// The previous inquiry, which got no answer.
    Inquiry,
    /// Their reply to it, which left things open.
    Reply,
    /// A round that took place after it.
    LaterRound,
}

/// The parameters behind an action's window; [`Reason::sentence`] turns them into one
/// sentence (`Display` does the same with [`Timing::DEFAULT`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Reason {
    /// T1/T14: a thank-you note between two hours and a day after the round ended.
    /// `late`: the window has closed; the note stays worth sending only until the
    /// process moves past its round (a later round, or the employer's answer).
    ThankYouWindow {
        ended_on: NaiveDate,
        ended_at: NaiveTime,
        #[serde(default, skip_serializing_if = "is_false")]
        late: bool,
    },
    /// LinkedIn invitation once the thank-you to that person has gone out, on `thanked_by`.
    /// `spaced_after`: pushed by T9 past another message to the same person.
    /// `drops_after`: the window has closed; the optional invitation leaves the plan after this day.
    LinkedinAfterThankYou {
        thank_you_sent: NaiveDate,
        thanked_by: Channel,
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
    /// T7/T8: a follow-up after an inquiry sent on `inquiry_on` (the `inquiries`-th), counted
    /// from `counted_from`, the day of what `since` names.
    SecondInquiry {
        inquiry_on: NaiveDate,
        inquiries: u8,
        since: CountedFrom,
        counted_from: NaiveDate,
        not_before: NaiveDate,
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
    /// T11: another employer made an offer. `due_after_deadline`: its deadline passes before
    /// the next working hours, so the note is due on this later day.
    CompetingOffer {
        received_on: NaiveDate,
        deadline: Option<NaiveDate>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due_after_deadline: Option<NaiveDate>,
    },
    /// T12: the employer said no.
    RejectionReply { rejected_on: NaiveDate },
    /// This employer made an offer and expects an answer. `due_after_deadline` as for
    /// [`Reason::CompetingOffer`].
    OfferReply {
        offered_on: NaiveDate,
        deadline: Option<NaiveDate>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        due_after_deadline: Option<NaiveDate>,
    },
}

fn is_false(value: &bool) -> bool {
    !*value
}

fn day(date: &NaiveDate) -> impl fmt::Display + '_ {
    dates::day_month_year(*date)
}

/// How a thank-you went out, as said after "You thanked them".
fn by_channel(channel: Channel) -> &'static str {
    match channel {
        Channel::Email => "by email",
        Channel::Phone => "by phone",
        Channel::Linkedin => "on LinkedIn",
        Channel::Handwritten => "with a handwritten card",
        Channel::InPerson => "in person",
    }
}

/// The sentence with its first letter upper-case (our sentences start with an English word).
fn capitalised(mut text: String) -> String {
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}

impl Reason {
    /// Records the day the action ended up due on, once the planner knows it: a reply that
    /// cannot go out before the employer's deadline says so instead of promising it will.
    pub fn with_due_on(self, due_on: NaiveDate) -> Reason {
        let after = |deadline: Option<NaiveDate>| deadline.filter(|d| due_on > *d).map(|_| due_on);
        match self {
            Reason::OfferReply {
                offered_on,
                deadline,
                ..
            } => Reason::OfferReply {
                offered_on,
                deadline,
                due_after_deadline: after(deadline),
            },
            Reason::CompetingOffer {
                received_on,
                deadline,
                ..
            } => Reason::CompetingOffer {
                received_on,
                deadline,
                due_after_deadline: after(deadline),
            },
            other => other,
        }
    }

    /// One plain sentence, with the waits of `timing` in words.
    pub fn sentence(&self, timing: &Timing) -> String {
        let business_days = |count: u32| count_of(i64::from(count), "business day");
        let spacing = |spaced_after: &Option<NaiveDate>| match spaced_after {
            Some(previous) => format!(
                ", at least {} after your message of {} to the same person",
                business_days(timing.spacing_business_days),
                day(previous)
            ),
            None => String::new(),
        };
        let optional_extra = |drops_after: &Option<NaiveDate>| {
            match drops_after {
            Some(last_day) => format!(
                "; its window has closed, so unless you do it this optional extra leaves the plan after {}, {} later",
                day(last_day),
                days_span(timing.extra_grace_days)
            ),
            None => String::new(),
        }
        };
        let inquiry_range = range_of(
            days_span(i64::try_from(timing.inquiry_from_days).unwrap_or(i64::MAX)),
            days_span(i64::try_from(timing.inquiry_until_days).unwrap_or(i64::MAX)),
        );
        match self {
            Reason::ThankYouWindow {
                ended_on,
                ended_at,
                late,
            } => format!(
                "The interview ended on {} at {}, and a note sent between {} and {} later reads as considered rather than rushed{}.",
                day(ended_on),
                dates::clock(*ended_at),
                hours_span(timing.thank_you_from_hours),
                hours_span(timing.thank_you_until_hours),
                if *late {
                    "; this one is late, yet still worth sending until a later round takes place or the employer answers"
                } else {
                    ", while after that it counts as late"
                }
            ),
            Reason::LinkedinAfterThankYou {
                thank_you_sent,
                thanked_by,
                spaced_after,
                drops_after,
            } => format!(
                "You thanked them {} on {}, so a short LinkedIn invitation can follow{}{}.",
                by_channel(*thanked_by),
                day(thank_you_sent),
                if spaced_after.is_some() {
                    spacing(spaced_after)
                } else {
                    " now".to_string()
                },
                optional_extra(drops_after)
            ),
            Reason::HandwrittenExtra {
                interview_on,
                drops_after,
            } => format!(
                "This employer works in a traditional field, where a paper card posted within {} of the {} interview is a welcome extra{}.",
                business_days(timing.card_business_days),
                day(interview_on),
                optional_extra(drops_after)
            ),
            Reason::NoTimeline {
                interview_on,
                counted_from,
                not_before,
                spaced_after,
            } => format!(
                "No decision date was given, so wait {} after the {} interview and {} after your last contact on {}, which means not before {}{}.",
                business_days(timing.no_timeline_business_days),
                day(interview_on),
                inquiry_range,
                day(counted_from),
                day(not_before),
                spacing(spaced_after)
            ),
            Reason::AfterDecisionDate {
                decision_on,
                not_before,
                spaced_after,
            } => format!(
                "They said they would decide by {}, so ask nothing before then and check in {} later, from {}{}.",
                day(decision_on),
                range_of(
                    business_days(timing.after_decision_from_business_days),
                    business_days(timing.after_decision_until_business_days)
                ),
                day(not_before),
                spacing(spaced_after)
            ),
            Reason::SecondInquiry {
                inquiry_on,
                inquiries,
                since,
                counted_from,
                not_before,
            } => {
                let which = if *inquiries <= 1 { "first" } else { "last" };
                let opening = match since {
                    CountedFrom::Inquiry => format!(
                        "Your {which} inquiry on {} got no answer, so ask again {inquiry_range} after it",
                        day(inquiry_on)
                    ),
                    CountedFrom::Reply => format!(
                        "They answered your {which} inquiry of {} on {} but left things open, so ask again {inquiry_range} after their answer",
                        day(inquiry_on),
                        day(counted_from)
                    ),
                    CountedFrom::LaterRound => format!(
                        "A round on {} followed your {which} inquiry of {}, so ask again {inquiry_range} after that round",
                        day(counted_from),
                        day(inquiry_on)
                    ),
                };
                let closing = if u16::from(*inquiries) + 1 >= u16::from(timing.max_inquiries) {
                    "this is the last follow-up the plan will suggest".to_string()
                } else {
                    format!(
                        "the plan suggests at most {} follow-ups",
                        number_word(i64::from(timing.max_inquiries))
                    )
                };
                format!("{opening}, from {}; {closing}.", day(not_before))
            }
            Reason::MoveOn {
                last_inquiry_on,
                inquiries,
            } => format!(
                "{} follow-ups are enough: the last one, on {}, has gone unanswered for {}, so close this process and put the energy elsewhere.",
                capitalised(number_word(i64::from(*inquiries))),
                day(last_inquiry_on),
                days_span(timing.move_on_after_days)
            ),
            Reason::DocumentsDeadline { deadline } => format!(
                "They asked for this by {}, so send it before the end of that working day, or of the last working day before it.",
                day(deadline)
            ),
            Reason::DocumentsSoon { requested_on } => format!(
                "They asked for this on {} without naming a date, so send it within {}.",
                day(requested_on),
                business_days(timing.documents_business_days)
            ),
            Reason::UpdateRequested { requested_on } => format!(
                "They asked on {} to be kept informed, and a short update {} shows you listened.",
                day(requested_on),
                if timing.update_business_days == 1 {
                    "the next business day".to_string()
                } else {
                    format!("{} later", business_days(timing.update_business_days))
                }
            ),
            Reason::CompetingOffer {
                received_on,
                deadline,
                due_after_deadline,
            } => match (deadline, due_after_deadline) {
                (Some(deadline), Some(due_on)) => format!(
                    "Another offer arrived on {} with a deadline of {}, which passes before your next working hours, so tell them first thing on {} and ask about their timing before you decide.",
                    day(received_on),
                    day(deadline),
                    day(due_on)
                ),
                (deadline, _) => format!(
                    "Another offer arrived on {}, so tell them within {} and ask about their timing before you decide{}.",
                    day(received_on),
                    business_days(timing.competing_offer_business_days),
                    match deadline {
                        Some(deadline) => format!(", ahead of its {} deadline", day(deadline)),
                        None => String::new(),
                    }
                ),
            },
            Reason::RejectionReply { rejected_on } => format!(
                "They turned you down on {}, and a gracious reply within {}, asking for feedback, keeps the door open.",
                day(rejected_on),
                business_days(timing.rejection_reply_business_days)
            ),
            Reason::OfferReply {
                offered_on,
                deadline,
                due_after_deadline,
            } => match (deadline, due_after_deadline) {
                (Some(deadline), Some(due_on)) => format!(
                    "They made an offer on {} with a deadline of {}, which passes before your next working hours, so answer in writing first thing on {}.",
                    day(offered_on),
                    day(deadline),
                    day(due_on)
                ),
                (deadline, _) => format!(
                    "They made an offer on {}, so answer in writing within {}{}.",
                    day(offered_on),
                    business_days(timing.offer_reply_business_days),
                    match deadline {
                        Some(deadline) => {
                            format!(" and no later than their {} deadline", day(deadline))
                        }
                        None => String::new(),
                    }
                ),
            },
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.sentence(&Timing::DEFAULT))
    }
}
