//! One table-driven test per timing rule T1..T15 of rules.md, with the seeds' own examples.
// Native tests: the browser build runs tests/browser.rs instead.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use afterview::core::data::model::{
    ActionKey, ActionKind, Channel, EventKind, IndustryPace, Interviewer, InterviewerId, PersonId,
    Process, ProcessId, ProcessStatus, Round, RoundId,
};
use afterview::core::data::settings::Settings;
use afterview::core::planning::action::{Action, ActionState, Rule};
use afterview::core::planning::planner::plan;
use afterview::core::planning::survey::{days_since_contact, place, Bucket};
use common::{at, date, log, plan_at, round};

fn person(id: u64) -> Interviewer {
    Interviewer {
        id: InterviewerId(id),
        name: format!("Person {id}"),
        ..Interviewer::default()
    }
}

/// A process with one round from `start` to `end` and the given interviewers.
fn process(start: &str, end: &str, people: Vec<Interviewer>) -> Process {
    let mut process = Process::new(ProcessId(1), "Acme", "Analyst");
    process.rounds.push(round(10, start, end, people));
    process
}

fn sent(message: ActionKind, to: Option<u64>) -> EventKind {
    EventKind::MessageSent {
        message,
        channel: Channel::Email,
        to: to.map(InterviewerId),
    }
}

fn only(actions: &[Action], kind: ActionKind) -> Vec<&Action> {
    actions.iter().filter(|a| a.kind == kind).collect()
}

fn single(actions: &[Action], kind: ActionKind) -> &Action {
    let found = only(actions, kind);
    assert_eq!(found.len(), 1, "expected one {kind:?} in {actions:#?}");
    found[0]
}

// Thursday 6 March 2025, 10:00-11:00 UTC: the seed's "interview on a Thursday".
const START: &str = "2025-03-06T10:00:00+00:00";
const END: &str = "2025-03-06T11:00:00+00:00";

#[test]
fn t1_thank_you_per_interviewer_within_a_day() {
    let p = process(START, END, vec![person(1), person(2)]);
    // (now, expected state)
    let table = [
        ("2025-03-06T11:30:00+00:00", ActionState::Upcoming),
        ("2025-03-06T13:30:00+00:00", ActionState::DueToday),
        ("2025-03-07T10:59:00+00:00", ActionState::DueToday),
        ("2025-03-07T11:01:00+00:00", ActionState::Late),
    ];
    for (now, state) in table {
        let actions = plan_at(&p, now);
        let notes = only(&actions, ActionKind::ThankYou);
        assert_eq!(notes.len(), 2, "one note per interviewer");
        for note in notes {
            assert_eq!(note.earliest, at("2025-03-06T13:00:00+00:00"));
            assert_eq!(note.due, at("2025-03-06T14:00:00+00:00"));
            assert_eq!(note.latest, at("2025-03-07T11:00:00+00:00"));
            assert_eq!(note.state, state, "at {now}");
            assert!(note.rules.contains(Rule::T1));
            assert_eq!(note.channel, Channel::Email);
        }
    }
    // Logging one note removes only that person's action and unlocks their LinkedIn invite.
    let mut p = p;
    p.rounds[0].interviewers[0].linkedin = "in/person-1".into();
    log(
        &mut p,
        "2025-03-06T15:00:00+00:00",
        sent(ActionKind::ThankYou, Some(1)),
    );
    let actions = plan_at(&p, "2025-03-06T16:00:00+00:00");
    let notes = only(&actions, ActionKind::ThankYou);
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].interviewer, Some(InterviewerId(2)));
    let invite = single(&actions, ActionKind::LinkedinConnect);
    assert_eq!(invite.interviewer, Some(InterviewerId(1)));
    assert_eq!(invite.channel, Channel::Linkedin);
}

#[test]
fn t1_handwritten_note_only_for_traditional_employers() {
    for (pace, expected) in [
        (IndustryPace::Traditional, 1),
        (IndustryPace::FastMoving, 0),
    ] {
        let mut p = process(START, END, vec![person(1)]);
        p.pace = pace;
        let actions = plan_at(&p, "2025-03-06T12:00:00+00:00");
        assert_eq!(only(&actions, ActionKind::HandwrittenNote).len(), expected);
    }
}

#[test]
fn t2_seed_example_thursday_interview_waits_until_next_thursday() {
    let p = process(START, END, vec![person(1)]);
    let actions = plan_at(&p, "2025-03-07T09:00:00+00:00");
    let inquiry = single(&actions, ActionKind::StatusInquiry);
    assert_eq!(inquiry.earliest, at("2025-03-13T09:00:00+00:00"));
    assert_eq!(inquiry.due, at("2025-03-13T09:00:00+00:00"));
    assert_eq!(inquiry.state, ActionState::Upcoming);
    assert!(inquiry.rules.contains(Rule::T2));
    assert_eq!(inquiry.recipient.map(|r| r.person), Some(PersonId(1)));
}

#[test]
fn t3_window_runs_one_to_two_weeks_from_the_last_employer_message() {
    // (reply time or none, expected earliest, expected latest)
    let table = [
        (
            None,
            "2025-03-13T09:00:00+00:00",
            "2025-03-20T17:00:00+00:00",
        ),
        (
            Some("2025-03-10T12:00:00+00:00"),
            "2025-03-17T09:00:00+00:00",
            "2025-03-24T17:00:00+00:00",
        ),
    ];
    for (reply, earliest, latest) in table {
        let mut p = process(START, END, vec![person(1)]);
        if let Some(reply) = reply {
            log(&mut p, reply, EventKind::ReplyReceived { from: None });
        }
        let actions = plan_at(&p, "2025-03-11T09:00:00+00:00");
        let inquiry = single(&actions, ActionKind::StatusInquiry);
        assert_eq!(inquiry.earliest, at(earliest));
        assert_eq!(inquiry.latest, at(latest));
        assert!(inquiry.rules.contains(Rule::T3));
    }
}

#[test]
fn t4_survey_places_today() {
    let p = process(START, END, vec![person(1)]);
    let table = [
        (
            "2025-03-08T12:00:00+00:00",
            2,
            Some(Bucket::UnderOneWeek),
            19,
        ),
        (
            "2025-03-16T12:00:00+00:00",
            10,
            Some(Bucket::OneToTwoWeeks),
            43,
        ),
        (
            "2025-03-22T12:00:00+00:00",
            16,
            Some(Bucket::TwoToThreeWeeks),
            30,
        ),
        ("2025-04-22T12:00:00+00:00", 47, None, 0),
    ];
    for (now, days, bucket, share) in table {
        assert_eq!(days_since_contact(&p, &at(now)), Some(days));
        let placement = place(days);
        assert_eq!(placement.bucket, bucket);
        assert_eq!(placement.share_percent, share);
    }
    assert_eq!(
        days_since_contact(&Process::new(ProcessId(2), "", ""), &at(START)),
        None
    );
}

#[test]
fn t5_t6_seed_example_nothing_before_the_decision_date() {
    // (decision date, earliest, latest): one to two business days after it.
    let table = [
        (
            "2025-03-14",
            "2025-03-17T09:00:00+00:00",
            "2025-03-18T17:00:00+00:00",
        ),
        (
            "2025-03-18",
            "2025-03-19T09:00:00+00:00",
            "2025-03-20T17:00:00+00:00",
        ),
        (
            "2025-03-08",
            "2025-03-10T09:00:00+00:00",
            "2025-03-11T17:00:00+00:00",
        ),
    ];
    for (decision, earliest, latest) in table {
        let mut p = process(START, END, vec![person(1)]);
        log(
            &mut p,
            END,
            EventKind::DecisionDateGiven {
                date: date(decision),
                from: None,
            },
        );
        let actions = plan_at(&p, "2025-03-07T09:00:00+00:00");
        let inquiry = single(&actions, ActionKind::StatusInquiry);
        assert_eq!(inquiry.earliest, at(earliest), "decision {decision}");
        assert_eq!(inquiry.latest, at(latest), "decision {decision}");
        assert!(inquiry.rules.contains(Rule::T5) && inquiry.rules.contains(Rule::T6));
        assert!(inquiry.explanation().contains("decide"));
    }
}

#[test]
fn t7_second_inquiry_a_week_or_two_after_the_first() {
    let table = [
        // (first inquiry, reply after it, earliest, latest, T3 cited)
        (
            "2025-03-13T10:00:00+00:00",
            None,
            "2025-03-20T09:00:00+00:00",
            "2025-03-27T17:00:00+00:00",
            false,
        ),
        (
            "2025-03-13T10:00:00+00:00",
            Some("2025-03-17T10:00:00+00:00"),
            "2025-03-24T09:00:00+00:00",
            "2025-03-31T17:00:00+00:00",
            true,
        ),
    ];
    for (first, reply, earliest, latest, cites_t3) in table {
        let mut p = process(START, END, vec![person(1)]);
        log(&mut p, first, sent(ActionKind::StatusInquiry, Some(1)));
        if let Some(reply) = reply {
            log(&mut p, reply, EventKind::ReplyReceived { from: None });
        }
        let actions = plan_at(&p, "2025-03-18T09:00:00+00:00");
        assert!(only(&actions, ActionKind::StatusInquiry).is_empty());
        let second = single(&actions, ActionKind::SecondInquiry);
        assert_eq!(second.earliest, at(earliest));
        assert_eq!(second.latest, at(latest));
        assert!(second.rules.contains(Rule::T7));
        assert_eq!(second.rules.contains(Rule::T3), cites_t3);
    }
}

#[test]
fn t8_never_a_third_inquiry_then_move_on() {
    let mut p = process(START, END, vec![person(1)]);
    log(
        &mut p,
        "2025-03-13T10:00:00+00:00",
        sent(ActionKind::StatusInquiry, Some(1)),
    );
    log(
        &mut p,
        "2025-03-21T10:00:00+00:00",
        sent(ActionKind::SecondInquiry, Some(1)),
    );
    let actions = plan_at(&p, "2025-04-07T09:00:00+00:00");
    assert!(actions.iter().all(|a| !a.kind.is_inquiry()));
    let move_on = single(&actions, ActionKind::MoveOn);
    assert_eq!(move_on.earliest, at("2025-04-04T10:00:00+00:00"));
    assert_eq!(move_on.state, ActionState::DueToday);
    assert!(move_on.rules.contains(Rule::T8));

    // A reply resets the clock but not the count: no inquiry and no move-on.
    log(
        &mut p,
        "2025-03-25T10:00:00+00:00",
        EventKind::ReplyReceived { from: None },
    );
    let actions = plan_at(&p, "2025-04-30T09:00:00+00:00");
    assert!(actions
        .iter()
        .all(|a| !a.kind.is_inquiry() && a.kind != ActionKind::MoveOn));

    // A competing-offer note counts as one of the two.
    let mut p = process(START, END, vec![person(1)]);
    log(
        &mut p,
        "2025-03-13T10:00:00+00:00",
        sent(ActionKind::StatusInquiry, Some(1)),
    );
    log(
        &mut p,
        "2025-03-14T10:00:00+00:00",
        sent(ActionKind::CompetingOffer, Some(1)),
    );
    let actions = plan_at(&p, "2025-03-20T09:00:00+00:00");
    assert!(actions.iter().all(|a| !a.kind.is_inquiry()));
}

#[test]
fn t9_one_unsolicited_message_per_person_per_five_business_days() {
    let mut p = process(START, END, vec![person(1)]);
    // A LinkedIn invitation went to the contact on Wednesday 12 March.
    log(
        &mut p,
        "2025-03-12T10:00:00+00:00",
        sent(ActionKind::LinkedinConnect, Some(1)),
    );
    let actions = plan_at(&p, "2025-03-12T12:00:00+00:00");
    let inquiry = single(&actions, ActionKind::StatusInquiry);
    assert_eq!(inquiry.earliest, at("2025-03-19T09:00:00+00:00"));
    assert!(inquiry.rules.contains(Rule::T9));
    assert!(inquiry.explanation().contains("five business days"));

    // A message to someone else does not push it.
    let mut p = process(START, END, vec![person(1), person(2)]);
    log(
        &mut p,
        "2025-03-12T10:00:00+00:00",
        sent(ActionKind::LinkedinConnect, Some(2)),
    );
    let inquiry = plan_at(&p, "2025-03-12T12:00:00+00:00")
        .into_iter()
        .find(|a| a.kind == ActionKind::StatusInquiry);
    assert_eq!(
        inquiry.map(|a| a.earliest),
        Some(at("2025-03-13T09:00:00+00:00"))
    );
}

#[test]
fn t10_documents_due_by_the_named_deadline() {
    let table = [
        // (deadline, due): a Saturday deadline means the Friday before, end of day.
        (Some("2025-03-15"), "2025-03-14T17:00:00+00:00"),
        (Some("2025-03-11"), "2025-03-11T17:00:00+00:00"),
        (None, "2025-03-07T17:00:00+00:00"),
    ];
    for (deadline, due) in table {
        let mut p = process(START, END, vec![person(1)]);
        log(
            &mut p,
            "2025-03-06T12:00:00+00:00",
            EventKind::DocumentsRequested {
                what: "References".into(),
                deadline: deadline.map(date),
                by: Some(InterviewerId(1)),
            },
        );
        let actions = plan_at(&p, "2025-03-06T13:00:00+00:00");
        let send = single(&actions, ActionKind::SendDocuments);
        assert_eq!(send.due, at(due));
        assert!(send.rules.contains(Rule::T10));
        log(
            &mut p,
            "2025-03-06T16:00:00+00:00",
            sent(ActionKind::SendDocuments, Some(1)),
        );
        assert!(only(
            &plan_at(&p, "2025-03-06T17:00:00+00:00"),
            ActionKind::SendDocuments
        )
        .is_empty());
    }
}

#[test]
fn t11_competing_offer_overrides_the_wait() {
    let mut p = process(START, END, vec![person(1)]);
    log(
        &mut p,
        "2025-03-08T11:00:00+00:00", // a Saturday
        EventKind::CompetingOffer {
            deadline: Some(date("2025-03-11")),
        },
    );
    let actions = plan_at(&p, "2025-03-08T12:00:00+00:00");
    assert!(only(&actions, ActionKind::StatusInquiry).is_empty());
    let note = single(&actions, ActionKind::CompetingOffer);
    assert_eq!(note.due, at("2025-03-10T09:00:00+00:00"));
    assert_eq!(note.latest, at("2025-03-11T17:00:00+00:00"));
    assert!(note.rules.contains(Rule::T11) && note.rules.contains(Rule::T8));
    // Once sent, the next follow-up is the last one (it counted for T8).
    log(
        &mut p,
        "2025-03-10T09:30:00+00:00",
        sent(ActionKind::CompetingOffer, Some(1)),
    );
    let actions = plan_at(&p, "2025-03-10T10:00:00+00:00");
    assert!(only(&actions, ActionKind::CompetingOffer).is_empty());
    single(&actions, ActionKind::SecondInquiry);
}

#[test]
fn t12_rejection_reply_then_nothing() {
    let mut p = process(START, END, vec![person(1)]);
    p.status = ProcessStatus::Rejected;
    log(
        &mut p,
        "2025-03-07T16:00:00+00:00",
        EventKind::Rejection { from: None },
    );
    let actions = plan_at(&p, "2025-03-07T16:30:00+00:00");
    assert_eq!(actions.len(), 1, "only the reply: {actions:#?}");
    let reply = single(&actions, ActionKind::RejectionReply);
    assert_eq!(reply.due, at("2025-03-07T16:00:00+00:00"));
    assert_eq!(reply.latest, at("2025-03-11T17:00:00+00:00"));
    assert!(reply.rules.contains(Rule::T12));
    log(
        &mut p,
        "2025-03-08T10:00:00+00:00",
        sent(ActionKind::RejectionReply, None),
    );
    assert!(plan_at(&p, "2025-03-09T10:00:00+00:00").is_empty());
}

#[test]
fn t13_unsolicited_messages_move_to_business_hours_but_thank_yous_do_not() {
    let mut settings = Settings::default();
    settings.holidays.push(date("2025-03-13")); // the day the inquiry would open
    let p = process(START, END, vec![person(1)]);
    let actions = plan(
        std::slice::from_ref(&p),
        &settings,
        &at("2025-03-07T09:00:00+00:00"),
    );
    let inquiry = single(&actions, ActionKind::StatusInquiry);
    assert_eq!(inquiry.due, at("2025-03-14T09:00:00+00:00"));
    assert!(inquiry.rules.contains(Rule::T13));

    // Friday 16:00-17:00: the thank-you window runs into Saturday evening.
    let friday = process(
        "2025-03-07T16:00:00+00:00",
        "2025-03-07T17:00:00+00:00",
        vec![person(1)],
    );
    let note = plan_at(&friday, "2025-03-07T18:00:00+00:00")
        .into_iter()
        .find(|a| a.kind == ActionKind::ThankYou);
    let note = note.map(|a| (a.due, a.latest));
    assert_eq!(
        note,
        Some((
            at("2025-03-07T20:00:00+00:00"),
            at("2025-03-08T17:00:00+00:00")
        ))
    );
}

#[test]
fn t14_each_round_restarts_thank_yous_and_the_clock() {
    let mut p = process(START, END, vec![person(1)]);
    p.rounds.push(Round {
        uid: None,
        zone: None,
        id: RoundId(20),
        kind: Default::default(),
        format: Default::default(),
        start: at("2025-03-12T14:00:00+00:00"),
        end: at("2025-03-12T15:00:00+00:00"),
        interviewers: vec![person(2)],
        notes: String::new(),
    });
    log(
        &mut p,
        "2025-03-06T14:00:00+00:00",
        sent(ActionKind::ThankYou, Some(1)),
    );
    let actions = plan_at(&p, "2025-03-12T16:00:00+00:00");
    let note = single(&actions, ActionKind::ThankYou);
    assert_eq!(note.round, Some(RoundId(20)));
    assert!(note.rules.contains(Rule::T14));
    let inquiry = single(&actions, ActionKind::StatusInquiry);
    assert_eq!(inquiry.earliest, at("2025-03-19T09:00:00+00:00"));
    assert_eq!(inquiry.recipient.map(|r| r.person), Some(PersonId(2)));
    assert!(inquiry.rules.contains(Rule::T14));
}

#[test]
fn t15_update_due_next_business_day() {
    let mut p = process(START, END, vec![person(1)]);
    log(
        &mut p,
        "2025-03-07T15:00:00+00:00",
        EventKind::UpdateRequested {
            by: Some(InterviewerId(1)),
        },
    );
    let actions = plan_at(&p, "2025-03-07T16:00:00+00:00");
    let update = single(&actions, ActionKind::SendUpdate);
    assert_eq!(update.due, at("2025-03-10T09:00:00+00:00"));
    assert!(update.rules.contains(Rule::T15));
}

#[test]
fn channels_offers_snoozes_and_dismissals() {
    // Phone only when invited or already spoken by phone.
    for (invited, spoke, channel) in [
        (false, false, Channel::Email),
        (true, false, Channel::Phone),
        (false, true, Channel::Phone),
    ] {
        let mut contact = person(1);
        contact.invited_call = invited;
        contact.spoke_by_phone = spoke;
        let p = process(START, END, vec![contact]);
        let actions = plan_at(&p, "2025-03-07T09:00:00+00:00");
        assert_eq!(single(&actions, ActionKind::StatusInquiry).channel, channel);
        assert!(actions.iter().all(|a| a.channel != Channel::InPerson));
    }

    // An offer: a reply within one business day, capped by the deadline; no inquiries.
    let mut p = process(START, END, vec![person(1)]);
    log(
        &mut p,
        "2025-03-07T10:00:00+00:00",
        EventKind::Offer {
            deadline: None,
            from: None,
        },
    );
    let actions = plan_at(&p, "2025-03-07T11:00:00+00:00");
    assert_eq!(
        single(&actions, ActionKind::OfferReply).due,
        at("2025-03-10T17:00:00+00:00")
    );
    assert!(actions.iter().all(|a| !a.kind.is_inquiry()));

    // Snoozing moves the due moment within the window; dismissing removes it.
    let mut p = process(START, END, vec![person(1)]);
    let key = ActionKey {
        kind: ActionKind::StatusInquiry,
        round: Some(RoundId(10)),
        interviewer: None,
    };
    log(
        &mut p,
        "2025-03-13T09:30:00+00:00",
        EventKind::Snoozed {
            action: key,
            until: at("2025-03-17T11:00:00+00:00"),
        },
    );
    let actions = plan_at(&p, "2025-03-13T10:00:00+00:00");
    assert_eq!(
        single(&actions, ActionKind::StatusInquiry).due,
        at("2025-03-17T11:00:00+00:00")
    );
    log(
        &mut p,
        "2025-03-13T09:40:00+00:00",
        EventKind::Dismissed { action: key },
    );
    assert!(only(
        &plan_at(&p, "2025-03-13T10:00:00+00:00"),
        ActionKind::StatusInquiry
    )
    .is_empty());
}
