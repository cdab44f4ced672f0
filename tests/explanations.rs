//! Explanations state true facts, in one plain sentence, with the numbers of the timing table.
// Native tests: the browser build runs tests/browser.rs instead.
#![cfg(not(target_arch = "wasm32"))]

mod common;

#[path = "support/synthetic.rs"]
mod synthetic;

use afterview::core::data::model::{
    ActionKind, Channel, EventKind, Interviewer, InterviewerId, Process, ProcessId, RoundId,
};
use afterview::core::data::settings::Settings;
use afterview::core::planning::action::Action;
use afterview::core::planning::explain::{CountedFrom, Reason};
use afterview::core::planning::planner::plan;
use afterview::core::planning::timing::Timing;
use chrono::{Duration, NaiveDate};
use common::{at, log, plan_at, round};
use synthetic::synthetic_processes;

fn day(text: &str) -> NaiveDate {
    text.parse()
        .unwrap_or_else(|error| panic!("bad day {text}: {error}"))
}

fn person(id: u64) -> Interviewer {
    Interviewer {
        id: InterviewerId(id),
        name: format!("Person {id}"),
        linkedin: format!("in/person-{id}"),
        ..Interviewer::default()
    }
}

fn sent(process: &mut Process, when: &str, message: ActionKind, channel: Channel, to: u64) {
    log(
        process,
        when,
        EventKind::MessageSent {
            message,
            channel,
            to: Some(InterviewerId(to)),
        },
    );
}

fn find(actions: &[Action], kind: ActionKind) -> &Action {
    actions
        .iter()
        .find(|action| action.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} in {actions:#?}"))
}

/// One sentence: a capital first, one full stop at the very end, none inside, and no count
/// below zero.
fn assert_one_sentence(text: &str) {
    assert!(text.starts_with(|c: char| c.is_uppercase()), "{text}");
    assert!(text.ends_with('.'), "{text}");
    let inside = &text[..text.len() - 1];
    assert!(
        !inside.contains(['.', '?', '!']),
        "more than one sentence: {text}"
    );
    assert!(!text.contains(" -"), "a negative count: {text}");
}

#[test]
fn every_explanation_over_a_generated_plan_is_one_sentence() {
    let now = at("2025-03-12T10:00:00+01:00");
    let processes = synthetic_processes(400, now);
    let mut kinds = std::collections::HashSet::new();
    for offset_days in [0, 3, 9, 20, 40] {
        let moment = now + Duration::days(offset_days);
        for action in plan(&processes, &Settings::default(), &moment) {
            assert_one_sentence(&action.explanation());
            kinds.insert(std::mem::discriminant(&action.reason));
        }
    }
    assert!(
        kinds.len() >= 8,
        "the generated plans cover too few reasons"
    );

    // And every reason, in every shape, built by hand.
    let d = day("2025-03-06");
    let later = day("2025-03-20");
    let reasons = [
        Reason::ThankYouWindow {
            ended_on: d,
            ended_at: chrono::NaiveTime::MIN,
            late: true,
        },
        Reason::LinkedinAfterThankYou {
            thank_you_sent: d,
            thanked_by: Channel::Phone,
            spaced_after: Some(d),
            drops_after: Some(later),
        },
        Reason::HandwrittenExtra {
            interview_on: d,
            drops_after: Some(later),
        },
        Reason::NoTimeline {
            interview_on: d,
            counted_from: d,
            not_before: later,
            spaced_after: Some(d),
        },
        Reason::AfterDecisionDate {
            decision_on: d,
            not_before: later,
            spaced_after: Some(d),
        },
        Reason::SecondInquiry {
            inquiry_on: d,
            inquiries: 1,
            since: CountedFrom::Reply,
            counted_from: d,
            not_before: later,
        },
        Reason::MoveOn {
            last_inquiry_on: d,
            inquiries: 2,
        },
        Reason::DocumentsDeadline { deadline: d },
        Reason::DocumentsSoon { requested_on: d },
        Reason::UpdateRequested { requested_on: d },
        Reason::CompetingOffer {
            received_on: d,
            deadline: Some(later),
            due_after_deadline: None,
        },
        Reason::CompetingOffer {
            received_on: d,
            deadline: Some(d),
            due_after_deadline: Some(later),
        },
        Reason::RejectionReply { rejected_on: d },
        Reason::OfferReply {
            offered_on: d,
            deadline: Some(d),
            due_after_deadline: Some(later),
        },
    ];
    for reason in reasons {
        assert_one_sentence(&reason.to_string());
    }
}

#[test]
fn a_second_inquiry_gives_the_first_inquirys_own_date_after_a_later_round() {
    let mut p = Process::new(ProcessId(1), "Acme", "Analyst");
    p.rounds.push(round(
        10,
        "2025-03-03T10:00:00+00:00",
        "2025-03-03T11:00:00+00:00",
        vec![person(1)],
    ));
    // First inquiry on Tue 11 March, then a second round on Mon 17 March.
    sent(
        &mut p,
        "2025-03-11T09:30:00+00:00",
        ActionKind::StatusInquiry,
        Channel::Email,
        1,
    );
    p.rounds.push(round(
        11,
        "2025-03-17T10:00:00+00:00",
        "2025-03-17T11:00:00+00:00",
        vec![person(1)],
    ));
    let actions = plan_at(&p, "2025-03-18T12:00:00+00:00");
    let text = find(&actions, ActionKind::SecondInquiry).explanation();
    assert!(text.contains("Tue 11 Mar 2025"), "{text}");
    assert!(
        text.contains("A round on Mon 17 Mar 2025 followed your first inquiry of Tue 11 Mar 2025"),
        "{text}"
    );
    assert!(
        !text.contains("inquiry, which got no answer, on Mon 17"),
        "{text}"
    );
}

#[test]
fn the_linkedin_explanation_names_the_channel_of_the_thank_you() {
    let cases = [
        (
            Channel::Phone,
            "You thanked them by phone on Thu 6 Mar 2025",
        ),
        (
            Channel::Handwritten,
            "You thanked them with a handwritten card on Thu 6 Mar 2025",
        ),
        (
            Channel::Linkedin,
            "You thanked them on LinkedIn on Thu 6 Mar 2025",
        ),
        (
            Channel::Email,
            "You thanked them by email on Thu 6 Mar 2025",
        ),
    ];
    for (channel, words) in cases {
        let mut p = Process::new(ProcessId(1), "Acme", "Analyst");
        p.rounds.push(round(
            10,
            "2025-03-06T10:00:00+00:00",
            "2025-03-06T11:00:00+00:00",
            vec![person(1)],
        ));
        sent(
            &mut p,
            "2025-03-06T15:00:00+00:00",
            ActionKind::ThankYou,
            channel,
            1,
        );
        let actions = plan_at(&p, "2025-03-07T09:00:00+00:00");
        let text = find(&actions, ActionKind::LinkedinConnect).explanation();
        assert!(text.starts_with(words), "{channel:?}: {text}");
        assert!(
            !text.contains("email") || channel == Channel::Email,
            "{text}"
        );
    }
}

#[test]
fn an_offer_due_after_a_weekend_deadline_says_so() {
    // Offer logged on Saturday 8 March with a deadline of Sunday 9 March: the reply is due on
    // Monday morning, after the deadline.
    let mut p = Process::new(ProcessId(1), "Acme", "Analyst");
    p.rounds.push(round(
        10,
        "2025-03-03T10:00:00+00:00",
        "2025-03-03T11:00:00+00:00",
        vec![person(1)],
    ));
    log(
        &mut p,
        "2025-03-08T10:00:00+00:00",
        EventKind::Offer {
            deadline: Some(day("2025-03-09")),
            from: None,
        },
    );
    let actions = plan_at(&p, "2025-03-08T12:00:00+00:00");
    let reply = find(&actions, ActionKind::OfferReply);
    assert_eq!(reply.due, at("2025-03-10T09:00:00+00:00"));
    let text = reply.explanation();
    assert!(!text.contains("no later than"), "{text}");
    assert!(
        text.contains("with a deadline of Sun 9 Mar 2025, which passes before your next working hours, so answer in writing first thing on Mon 10 Mar 2025"),
        "{text}"
    );

    // Offered on Thursday with the same deadline: the Friday reply keeps the promise.
    let mut p = Process::new(ProcessId(1), "Acme", "Analyst");
    log(
        &mut p,
        "2025-03-06T10:00:00+00:00",
        EventKind::Offer {
            deadline: Some(day("2025-03-09")),
            from: None,
        },
    );
    let actions = plan_at(&p, "2025-03-06T12:00:00+00:00");
    let text = find(&actions, ActionKind::OfferReply).explanation();
    assert!(
        text.contains("no later than their Sun 9 Mar 2025 deadline"),
        "{text}"
    );
}

#[test]
fn sentences_follow_the_timing_table() {
    let d = day("2025-03-06");
    let changed = Timing {
        thank_you_from_hours: 3,
        thank_you_until_hours: 48,
        spacing_business_days: 4,
        no_timeline_business_days: 7,
        inquiry_from_days: 10,
        inquiry_until_days: 21,
        after_decision_from_business_days: 2,
        after_decision_until_business_days: 3,
        extra_grace_days: 7,
        move_on_after_days: 21,
        rejection_reply_business_days: 3,
        offer_reply_business_days: 2,
        documents_business_days: 2,
        card_business_days: 1,
        ..Timing::DEFAULT
    };
    let cases = [
        (
            Reason::ThankYouWindow {
                ended_on: d,
                ended_at: chrono::NaiveTime::MIN,
                late: false,
            },
            "between two hours and one day later",
            "between three hours and two days later",
        ),
        (
            Reason::NoTimeline {
                interview_on: d,
                counted_from: d,
                not_before: d,
                spaced_after: Some(d),
            },
            "wait five business days after the Thu 6 Mar 2025 interview and one to two weeks after",
            "wait seven business days after the Thu 6 Mar 2025 interview and ten days to three weeks after",
        ),
        (
            Reason::LinkedinAfterThankYou {
                thank_you_sent: d,
                thanked_by: Channel::Email,
                spaced_after: Some(d),
                drops_after: Some(d),
            },
            "at least five business days after your message",
            "at least four business days after your message",
        ),
        (
            Reason::HandwrittenExtra {
                interview_on: d,
                drops_after: Some(d),
            },
            "within two business days of the Thu 6 Mar 2025 interview is a welcome extra; its window has closed, so unless you do it this optional extra leaves the plan after Thu 6 Mar 2025, two weeks later",
            "within one business day of the Thu 6 Mar 2025 interview is a welcome extra; its window has closed, so unless you do it this optional extra leaves the plan after Thu 6 Mar 2025, one week later",
        ),
        (
            Reason::AfterDecisionDate {
                decision_on: d,
                not_before: d,
                spaced_after: None,
            },
            "check in one to two business days later",
            "check in two to three business days later",
        ),
        (
            Reason::MoveOn {
                last_inquiry_on: d,
                inquiries: 2,
            },
            "has gone unanswered for two weeks",
            "has gone unanswered for three weeks",
        ),
        (
            Reason::RejectionReply { rejected_on: d },
            "within two business days",
            "within three business days",
        ),
        (
            Reason::OfferReply {
                offered_on: d,
                deadline: None,
                due_after_deadline: None,
            },
            "within one business day.",
            "within two business days.",
        ),
        (
            Reason::DocumentsSoon { requested_on: d },
            "within one business day.",
            "within two business days.",
        ),
    ];
    for (reason, default_words, changed_words) in cases {
        let default = reason.sentence(&Timing::DEFAULT);
        assert_eq!(default, reason.to_string());
        assert!(default.contains(default_words), "{default}");
        let text = reason.sentence(&changed);
        assert!(text.contains(changed_words), "{text}");
        assert_one_sentence(&text);
    }
}

#[test]
fn the_planner_waits_what_the_table_says() {
    // The default table's thank-you window and inquiry waits are what the plan uses.
    let t = Timing::DEFAULT;
    let mut p = Process::new(ProcessId(1), "Acme", "Analyst");
    p.rounds.push(round(
        10,
        "2025-03-06T10:00:00+00:00",
        "2025-03-06T11:00:00+00:00",
        vec![person(1)],
    ));
    let actions = plan_at(&p, "2025-03-06T11:30:00+00:00");
    let note = find(&actions, ActionKind::ThankYou);
    let end = at("2025-03-06T11:00:00+00:00");
    assert_eq!(note.earliest, end + Duration::hours(t.thank_you_from_hours));
    assert_eq!(note.due, end + Duration::hours(t.thank_you_due_hours));
    assert_eq!(note.latest, end + Duration::hours(t.thank_you_until_hours));
    let inquiry = find(&actions, ActionKind::StatusInquiry);
    let wait = i64::try_from(t.inquiry_until_days).expect("small");
    assert_eq!(
        inquiry.latest.date_naive(),
        day("2025-03-06") + Duration::days(wait)
    );
}

#[test]
fn a_round_recorded_ahead_of_time_is_upcoming_never_a_negative_day_count() {
    use afterview::core::planning::survey::days_since_contact;
    let mut p = Process::new(ProcessId(1), "Acme", "Analyst");
    p.rounds.push(round(
        10,
        "2025-03-03T10:00:00+00:00",
        "2025-03-03T11:00:00+00:00",
        vec![person(1)],
    ));
    p.rounds.push(round(
        11,
        "2025-03-20T10:00:00+00:00",
        "2025-03-20T11:00:00+00:00",
        vec![person(1)],
    ));
    let now = at("2025-03-11T12:00:00+00:00");
    assert_eq!(p.last_held_round(&now).map(|r| r.id), Some(RoundId(10)));
    assert_eq!(p.next_round(&now).map(|r| r.id), Some(RoundId(11)));
    assert_eq!(days_since_contact(&p, &now), Some(8));

    // Only a future round: nothing held yet, no count at all.
    p.rounds.remove(0);
    assert!(p.last_held_round(&now).is_none());
    assert_eq!(days_since_contact(&p, &now), None);
    // During the round the count is zero, not negative.
    let during = at("2025-03-20T10:30:00+00:00");
    assert_eq!(days_since_contact(&p, &during), Some(0));
    for action in plan_at(&p, "2025-03-11T12:00:00+00:00") {
        assert_one_sentence(&action.explanation());
    }
}
