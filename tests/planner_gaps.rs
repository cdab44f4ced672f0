//! Extras and late thank-yous leave the plan in time; T9 spaces planned messages too.

mod common;

use afterview::core::data::model::{
    ActionKind, Channel, EventKind, IndustryPace, Interviewer, InterviewerId, PersonId, Process,
    ProcessId, RoundId,
};
use afterview::core::planning::action::{Action, ActionState, Rule};
use common::{at, log, plan_at, round};

fn person(id: u64, linkedin: &str) -> Interviewer {
    Interviewer {
        id: InterviewerId(id),
        name: format!("Person {id}"),
        linkedin: linkedin.to_string(),
        ..Interviewer::default()
    }
}

/// Thursday 6 March 2025, 10:00-11:00 UTC, one round.
fn thursday_interview(people: Vec<Interviewer>) -> Process {
    let mut process = Process::new(ProcessId(1), "Acme", "Analyst");
    process.rounds.push(round(
        10,
        "2025-03-06T10:00:00+00:00",
        "2025-03-06T11:00:00+00:00",
        people,
    ));
    process
}

fn thanked(process: &mut Process, when: &str, to: u64) {
    log(
        process,
        when,
        EventKind::MessageSent {
            message: ActionKind::ThankYou,
            channel: Channel::Email,
            to: Some(InterviewerId(to)),
        },
    );
}

fn find(actions: &[Action], kind: ActionKind) -> Option<&Action> {
    let mut found = actions.iter().filter(|a| a.kind == kind);
    let first = found.next();
    assert!(
        found.next().is_none(),
        "more than one {kind:?}: {actions:#?}"
    );
    first
}

#[test]
fn an_unsent_linkedin_invitation_leaves_the_plan_two_weeks_after_its_window() {
    let mut p = thursday_interview(vec![person(1, "in/person-1")]);
    thanked(&mut p, "2025-03-06T15:00:00+00:00", 1);
    // Window: from the thank-you to the end of the fifth business day (Thu 13 March).
    let actions = plan_at(&p, "2025-03-10T12:00:00+00:00");
    let invite = find(&actions, ActionKind::LinkedinConnect).expect("invitation planned");
    assert_eq!(invite.latest, at("2025-03-13T17:00:00+00:00"));
    assert_ne!(invite.state, ActionState::Late);
    assert!(!invite.explanation().contains("leaves the plan"));

    let actions = plan_at(&p, "2025-03-20T12:00:00+00:00");
    let invite = find(&actions, ActionKind::LinkedinConnect).expect("still shown, late");
    assert_eq!(invite.state, ActionState::Late);
    assert!(
        invite
            .explanation()
            .contains("leaves the plan after Thu 27 Mar 2025"),
        "{}",
        invite.explanation()
    );

    let last_moment = plan_at(&p, "2025-03-27T17:00:00+00:00");
    assert!(find(&last_moment, ActionKind::LinkedinConnect).is_some());
    let gone = plan_at(&p, "2025-03-27T17:01:00+00:00");
    assert!(find(&gone, ActionKind::LinkedinConnect).is_none());
    // Only the optional extra went: the process is still followed up.
    assert!(gone.iter().any(|a| a.kind.is_inquiry()));
}

#[test]
fn an_unsent_handwritten_card_leaves_the_plan_two_weeks_after_its_window() {
    let mut p = thursday_interview(vec![person(1, "")]);
    p.pace = IndustryPace::Traditional;
    thanked(&mut p, "2025-03-06T15:00:00+00:00", 1);
    // Window: two business days, to Monday 10 March at closing time.
    let card = plan_at(&p, "2025-03-24T17:00:00+00:00");
    let card = find(&card, ActionKind::HandwrittenNote).expect("card still planned");
    assert_eq!(card.latest, at("2025-03-10T17:00:00+00:00"));
    assert_eq!(card.state, ActionState::Late);
    assert!(card
        .explanation()
        .contains("leaves the plan after Mon 24 Mar 2025"));
    let gone = plan_at(&p, "2025-03-24T17:01:00+00:00");
    assert!(find(&gone, ActionKind::HandwrittenNote).is_none());
}

#[test]
fn a_late_thank_you_stays_until_the_employer_answers() {
    let p = thursday_interview(vec![person(1, "")]);
    let late = plan_at(&p, "2025-03-10T09:00:00+00:00");
    let note = find(&late, ActionKind::ThankYou).expect("late note still shown");
    assert_eq!(note.state, ActionState::Late);
    assert!(note.explanation().contains("still worth sending"));

    let answers = [
        EventKind::ReplyReceived { from: None },
        EventKind::DecisionDateGiven {
            date: "2025-03-21".parse().unwrap_or_default(),
            from: None,
        },
        EventKind::Offer {
            deadline: None,
            from: None,
        },
    ];
    for answer in answers {
        // An answer after the interview ends the late note's usefulness...
        let mut answered = p.clone();
        log(&mut answered, "2025-03-07T16:00:00+00:00", answer.clone());
        let actions = plan_at(&answered, "2025-03-10T09:00:00+00:00");
        assert!(find(&actions, ActionKind::ThankYou).is_none(), "{answer:?}");
        // ...but not while the note is still inside its own window.
        let actions = plan_at(&answered, "2025-03-07T10:00:00+00:00");
        let note = find(&actions, ActionKind::ThankYou).expect("note inside its window");
        assert_eq!(note.state, ActionState::DueToday);
        // A message from before the interview says nothing about it.
        let mut earlier = p.clone();
        log(&mut earlier, "2025-03-05T16:00:00+00:00", answer);
        let actions = plan_at(&earlier, "2025-03-10T09:00:00+00:00");
        assert!(find(&actions, ActionKind::ThankYou).is_some());
    }
}

#[test]
fn a_late_thank_you_stays_until_the_next_round_takes_place() {
    let mut p = thursday_interview(vec![person(1, "")]);
    p.rounds.push(round(
        20,
        "2025-03-12T14:00:00+00:00",
        "2025-03-12T15:00:00+00:00",
        vec![person(2, "")],
    ));
    let first_round_note = |actions: &[Action]| {
        actions
            .iter()
            .find(|a| a.kind == ActionKind::ThankYou && a.round == Some(RoundId(10)))
            .cloned()
    };
    let before = plan_at(&p, "2025-03-12T13:00:00+00:00");
    let note = first_round_note(&before).expect("late note before the next round");
    assert_eq!(note.state, ActionState::Late);

    let after = plan_at(&p, "2025-03-12T16:00:00+00:00");
    assert_eq!(first_round_note(&after), None);
    assert!(after
        .iter()
        .any(|a| a.kind == ActionKind::ThankYou && a.round == Some(RoundId(20))));
}

#[test]
fn t9_pushes_an_inquiry_planned_too_soon_after_a_planned_invitation() {
    // The thank-you went out late, on Wednesday 12 March: the invitation to the same
    // person is due then, and the inquiry (normally Thursday 13 March) must wait.
    let mut p = thursday_interview(vec![person(1, "in/person-1")]);
    thanked(&mut p, "2025-03-12T10:00:00+00:00", 1);
    let actions = plan_at(&p, "2025-03-12T12:00:00+00:00");
    let invite = find(&actions, ActionKind::LinkedinConnect).expect("invitation");
    assert_eq!(invite.due, at("2025-03-12T10:00:00+00:00"));
    assert!(!invite.rules.contains(Rule::T9));
    let inquiry = find(&actions, ActionKind::StatusInquiry).expect("inquiry");
    assert_eq!(inquiry.recipient.map(|r| r.person), Some(PersonId(1)));
    assert_eq!(inquiry.earliest, at("2025-03-19T09:00:00+00:00"));
    assert_eq!(inquiry.due, at("2025-03-19T09:00:00+00:00"));
    assert!(inquiry.latest >= inquiry.due);
    assert!(inquiry.rules.contains(Rule::T9));
    assert!(
        inquiry
            .explanation()
            .contains("five business days after your message of Wed 12 Mar 2025"),
        "{}",
        inquiry.explanation()
    );

    // Someone else's invitation does not move the contact's inquiry.
    let mut p = thursday_interview(vec![person(1, ""), person(2, "in/person-2")]);
    thanked(&mut p, "2025-03-12T10:00:00+00:00", 2);
    let actions = plan_at(&p, "2025-03-12T12:00:00+00:00");
    let inquiry = find(&actions, ActionKind::StatusInquiry).expect("inquiry");
    assert_eq!(inquiry.due, at("2025-03-13T09:00:00+00:00"));
    assert!(!inquiry.rules.contains(Rule::T9));
}

#[test]
fn t9_pushes_an_invitation_planned_too_soon_after_a_planned_inquiry() {
    // Thanked on Friday 14 March: the inquiry (Thursday 13 March) came first, so the
    // invitation waits until the fifth business day after it.
    let mut p = thursday_interview(vec![person(1, "in/person-1")]);
    thanked(&mut p, "2025-03-14T10:00:00+00:00", 1);
    let actions = plan_at(&p, "2025-03-14T12:00:00+00:00");
    let inquiry = find(&actions, ActionKind::StatusInquiry).expect("inquiry");
    assert_eq!(inquiry.due, at("2025-03-13T09:00:00+00:00"));
    let invite = find(&actions, ActionKind::LinkedinConnect).expect("invitation");
    assert_eq!(invite.due, at("2025-03-20T09:00:00+00:00"));
    assert_eq!(invite.earliest, invite.due);
    assert!(invite.latest >= invite.due);
    assert!(invite.rules.contains(Rule::T9));
    assert_eq!(invite.state, ActionState::Upcoming);
    assert!(invite
        .explanation()
        .contains("at least five business days after your message of Thu 13 Mar 2025"));
}
