//! The recipient rule: who each message goes to, across every order of employer messages.

mod common;

use afterview::core::data::model::{
    ActionKind, Channel, Contact, ContactRole, Event, EventId, EventKind, Interviewer,
    InterviewerId, PersonId, Process, ProcessId, Round, RoundId,
};
use afterview::core::planning::action::{Action, RecipientBasis};
use afterview::core::planning::planner::recipient::seniority;
use chrono::{DateTime, FixedOffset, TimeDelta};
use common::{at, plan_at};

fn interviewer(id: u64, name: &str, title: &str) -> Interviewer {
    Interviewer {
        id: InterviewerId(id),
        name: name.to_string(),
        title: title.to_string(),
        ..Interviewer::default()
    }
}

fn contact(id: u64, role: ContactRole, name: &str) -> Contact {
    Contact {
        id: PersonId(id),
        role,
        name: name.to_string(),
        ..Contact::default()
    }
}

/// Contoso, a panel on Monday 3 March 2025 with a head of platform, a senior engineer
/// and a staff engineer (ids 2, 3, 4); people ids 20+ are free for contacts.
fn panel() -> Process {
    let mut process = Process::new(ProcessId(1), "Contoso", "Platform engineer");
    process.rounds.push(Round {
        uid: None,
        zone: None,
        id: RoundId(1),
        kind: Default::default(),
        format: Default::default(),
        start: at("2025-03-03T10:00:00+00:00"),
        end: at("2025-03-03T11:00:00+00:00"),
        interviewers: vec![
            interviewer(2, "Jörg Feldmann", "Senior engineer"),
            interviewer(3, "Zoë Martin", "Head of platform"),
            interviewer(4, "Rui Santos", "Staff engineer"),
        ],
        notes: String::new(),
    });
    process
}

fn log(process: &mut Process, when: DateTime<FixedOffset>, kind: EventKind) {
    let id = EventId(process.next_local_id().max(100));
    process.events.push(Event {
        id,
        at: when,
        round: Some(RoundId(1)),
        kind,
        note: String::new(),
    });
}

fn recipient_of(actions: &[Action], kind: ActionKind) -> Option<PersonId> {
    actions
        .iter()
        .find(|action| action.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} in {actions:#?}"))
        .recipient
        .map(|recipient| recipient.person)
}

fn permutations(items: &[usize]) -> Vec<Vec<usize>> {
    if items.len() <= 1 {
        return vec![items.to_vec()];
    }
    let mut all = Vec::new();
    for (index, &first) in items.iter().enumerate() {
        let mut rest = items.to_vec();
        rest.remove(index);
        for mut tail in permutations(&rest) {
            tail.insert(0, first);
            all.push(tail);
        }
    }
    all
}

/// Four employer messages from four different people, logged in every order of time:
/// the inquiry always goes to whoever wrote last.
#[test]
fn the_inquiry_answers_whoever_wrote_last_in_every_order() {
    let senders = [PersonId(20), PersonId(21), PersonId(3), PersonId(4)];
    let message = |index: usize| -> EventKind {
        let from = Some(senders[index]);
        match index {
            0 => EventKind::ReplyReceived { from },
            1 => EventKind::DecisionDateGiven {
                date: "2025-03-05".parse().unwrap_or_default(),
                from,
            },
            2 => EventKind::ReplyReceived { from },
            _ => EventKind::UpdateRequested {
                by: Some(InterviewerId(4)),
            },
        }
    };
    for order in permutations(&[0, 1, 2, 3]) {
        let mut process = panel();
        process
            .contacts
            .push(contact(20, ContactRole::Recruiter, "Inès Duarte"));
        process
            .contacts
            .push(contact(21, ContactRole::Coordinator, "Björn Åberg"));
        for (slot, &index) in order.iter().enumerate() {
            let when = at("2025-03-04T09:00:00+00:00") + TimeDelta::hours(slot as i64);
            log(&mut process, when, message(index));
        }
        let last = senders[*order.last().unwrap_or(&0)];
        let actions = plan_at(&process, "2025-03-06T09:00:00+00:00");
        let inquiry = actions
            .iter()
            .find(|action| action.kind == ActionKind::StatusInquiry)
            .unwrap_or_else(|| panic!("no inquiry for order {order:?}"));
        let recipient = inquiry.recipient.expect("a recipient");
        assert_eq!(recipient.person, last, "order {order:?}");
        assert!(
            matches!(recipient.basis, RecipientBasis::WroteLast { on } if on.to_string() == "2025-03-04"),
            "{:?}",
            recipient.basis
        );
        assert_eq!(
            inquiry.interviewer, None,
            "an inquiry's key names no person"
        );
    }
}

#[test]
fn a_message_without_a_sender_does_not_hide_the_last_known_one() {
    let mut process = panel();
    process
        .contacts
        .push(contact(20, ContactRole::Recruiter, "Inès Duarte"));
    log(
        &mut process,
        at("2025-03-04T09:00:00+00:00"),
        EventKind::ReplyReceived {
            from: Some(PersonId(4)),
        },
    );
    log(
        &mut process,
        at("2025-03-04T12:00:00+00:00"),
        EventKind::ReplyReceived { from: None },
    );
    let actions = plan_at(&process, "2025-03-06T09:00:00+00:00");
    assert_eq!(
        recipient_of(&actions, ActionKind::StatusInquiry),
        Some(PersonId(4))
    );
}

#[test]
fn offer_and_rejection_replies_go_to_their_sender() {
    let mut offered = panel();
    offered
        .contacts
        .push(contact(20, ContactRole::Hr, "Mónica Ruiz"));
    log(
        &mut offered,
        at("2025-03-04T09:00:00+00:00"),
        EventKind::ReplyReceived {
            from: Some(PersonId(3)),
        },
    );
    log(
        &mut offered,
        at("2025-03-05T09:00:00+00:00"),
        EventKind::Offer {
            deadline: None,
            from: Some(PersonId(20)),
        },
    );
    let actions = plan_at(&offered, "2025-03-05T10:00:00+00:00");
    assert_eq!(
        recipient_of(&actions, ActionKind::OfferReply),
        Some(PersonId(20))
    );

    let mut rejected = panel();
    log(
        &mut rejected,
        at("2025-03-05T09:00:00+00:00"),
        EventKind::Rejection {
            from: Some(PersonId(4)),
        },
    );
    let actions = plan_at(&rejected, "2025-03-05T10:00:00+00:00");
    assert_eq!(
        recipient_of(&actions, ActionKind::RejectionReply),
        Some(PersonId(4))
    );
}

#[test]
fn documents_and_updates_go_to_whoever_asked_a_contact_included() {
    let mut process = panel();
    process
        .contacts
        .push(contact(20, ContactRole::Recruiter, "Inès Duarte"));
    log(
        &mut process,
        at("2025-03-04T09:00:00+00:00"),
        EventKind::DocumentsRequested {
            what: "two references".into(),
            deadline: None,
            by: Some(InterviewerId(20)),
        },
    );
    log(
        &mut process,
        at("2025-03-04T10:00:00+00:00"),
        EventKind::UpdateRequested {
            by: Some(InterviewerId(4)),
        },
    );
    let actions = plan_at(&process, "2025-03-04T12:00:00+00:00");
    assert_eq!(
        recipient_of(&actions, ActionKind::SendDocuments),
        Some(PersonId(20))
    );
    assert_eq!(
        recipient_of(&actions, ActionKind::SendUpdate),
        Some(PersonId(4))
    );
    let documents = actions
        .iter()
        .find(|action| action.kind == ActionKind::SendDocuments)
        .expect("planned");
    assert!(matches!(
        documents.recipient.map(|r| r.basis),
        Some(RecipientBasis::Asked { .. })
    ));
    let settings = afterview::core::data::settings::Settings {
        name: "Sam Rivera".into(),
        ..Default::default()
    };
    let draft = afterview::core::writing::drafts::compose(documents, &process, &settings);
    assert!(draft.body.contains("Inès"), "{}", draft.body);
    assert!(!draft.body.contains('['), "{}", draft.body);
}

#[test]
fn with_no_sender_the_point_of_contact_then_the_most_senior_interviewer() {
    // Nobody recorded: the head of platform, whatever the list order.
    let process = panel();
    let actions = plan_at(&process, "2025-03-12T09:00:00+00:00");
    let inquiry = actions
        .iter()
        .find(|action| action.kind == ActionKind::StatusInquiry)
        .expect("inquiry");
    let recipient = inquiry.recipient.expect("recipient");
    assert_eq!(recipient.person, PersonId(3));
    assert_eq!(recipient.basis, RecipientBasis::SeniorInterviewer);

    // An interviewer titled as talent acquisition is the default point of contact.
    let mut with_recruiting_interviewer = panel();
    with_recruiting_interviewer.rounds[0]
        .interviewers
        .push(interviewer(5, "Aïcha Benali", "Talent acquisition partner"));
    let actions = plan_at(&with_recruiting_interviewer, "2025-03-12T09:00:00+00:00");
    assert_eq!(
        recipient_of(&actions, ActionKind::StatusInquiry),
        Some(PersonId(5))
    );

    // A recruiter contact is preferred over that interviewer...
    let mut with_recruiter = with_recruiting_interviewer.clone();
    with_recruiter
        .contacts
        .push(contact(30, ContactRole::Coordinator, "Léa Roux"));
    with_recruiter
        .contacts
        .push(contact(31, ContactRole::Recruiter, "Inès Duarte"));
    let actions = plan_at(&with_recruiter, "2025-03-12T09:00:00+00:00");
    let inquiry = actions
        .iter()
        .find(|action| action.kind == ActionKind::StatusInquiry)
        .expect("inquiry");
    let recipient = inquiry.recipient.expect("recipient");
    assert_eq!(recipient.person, PersonId(31));
    assert_eq!(
        recipient.reason(&with_recruiter),
        "your recruiter, your point of contact"
    );
    assert_eq!(recipient.name(&with_recruiter), "Inès Duarte");

    // ...and the user's own choice beats every default.
    let mut chosen = with_recruiter.clone();
    chosen.point_of_contact = Some(PersonId(30));
    let actions = plan_at(&chosen, "2025-03-12T09:00:00+00:00");
    assert_eq!(
        recipient_of(&actions, ActionKind::StatusInquiry),
        Some(PersonId(30))
    );
    // A chosen person who was deleted falls back to the default.
    chosen.contacts.retain(|person| person.id != PersonId(30));
    let actions = plan_at(&chosen, "2025-03-12T09:00:00+00:00");
    assert_eq!(
        recipient_of(&actions, ActionKind::StatusInquiry),
        Some(PersonId(31))
    );
}

#[test]
fn reordering_interviewers_never_changes_the_recipient() {
    let base = panel();
    let mut seen = Vec::new();
    for order in permutations(&[0, 1, 2]) {
        let mut process = base.clone();
        process.rounds[0].interviewers = order
            .iter()
            .map(|&index| base.rounds[0].interviewers[index].clone())
            .collect();
        let actions = plan_at(&process, "2025-03-12T09:00:00+00:00");
        seen.push(recipient_of(&actions, ActionKind::StatusInquiry));
    }
    assert!(
        seen.iter().all(|person| *person == Some(PersonId(3))),
        "{seen:?}"
    );

    // Equal seniority: the lowest id wins, in either order.
    for names in [[6, 7], [7, 6]] {
        let mut process = panel();
        process.rounds[0].interviewers = names
            .iter()
            .map(|&id| interviewer(id, "Same", "Engineer"))
            .collect();
        let actions = plan_at(&process, "2025-03-12T09:00:00+00:00");
        assert_eq!(
            recipient_of(&actions, ActionKind::StatusInquiry),
            Some(PersonId(6))
        );
    }
}

#[test]
fn the_phone_follows_the_recipients_own_history() {
    let mut process = panel();
    // The head of platform spoke by phone, but the recruiter receives the inquiry.
    process.rounds[0].interviewers[1].spoke_by_phone = true;
    process
        .contacts
        .push(contact(20, ContactRole::Recruiter, "Inès Duarte"));
    let actions = plan_at(&process, "2025-03-12T09:00:00+00:00");
    let inquiry = actions
        .iter()
        .find(|action| action.kind == ActionKind::StatusInquiry)
        .expect("inquiry");
    assert_eq!(inquiry.channel, Channel::Email);

    process.contacts[0].spoke_by_phone = true;
    let actions = plan_at(&process, "2025-03-12T09:00:00+00:00");
    let inquiry = actions
        .iter()
        .find(|action| action.kind == ActionKind::StatusInquiry)
        .expect("inquiry");
    assert_eq!(inquiry.channel, Channel::Phone);
}

#[test]
fn notes_to_interviewers_go_to_each_of_them() {
    let mut process = panel();
    process
        .contacts
        .push(contact(20, ContactRole::Recruiter, "Inès Duarte"));
    let actions = plan_at(&process, "2025-03-03T14:00:00+00:00");
    let mut thanked: Vec<PersonId> = actions
        .iter()
        .filter(|action| action.kind == ActionKind::ThankYou)
        .filter_map(|action| action.recipient.map(|r| r.person))
        .collect();
    thanked.sort();
    assert_eq!(thanked, [PersonId(2), PersonId(3), PersonId(4)]);
}

#[test]
fn seniority_reads_title_words() {
    assert!(seniority("Chief technology officer") > seniority("VP Engineering"));
    assert!(seniority("VP Engineering") > seniority("Head of platform"));
    assert!(seniority("Engineering director") > seniority("Staff engineer"));
    assert!(seniority("Staff engineer") > seniority("Senior engineer"));
    assert!(seniority("Senior engineer") > seniority("Engineer"));
    assert_eq!(seniority("Senior talent acquisition partner"), 0);
}
