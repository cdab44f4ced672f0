//! Property tests over random processes and clocks, plus bad-input tests.
// Native tests: the browser build runs tests/browser.rs instead.
#![cfg(not(target_arch = "wasm32"))]

use afterview::core::data::model::{
    ActionKind, Channel, Event, EventId, EventKind, Interviewer, InterviewerId, Process, ProcessId,
    ProcessStatus, Round, RoundId,
};
use afterview::core::data::settings::Settings;
use afterview::core::planning::action::Action;
use afterview::core::planning::calendar::BusinessCalendar;
use afterview::core::planning::planner::plan;
use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};
use proptest::prelude::*;

fn base() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2025-03-03T08:00:00+01:00").unwrap_or_default()
}

fn minutes_after(minutes: i64) -> DateTime<FixedOffset> {
    base() + TimeDelta::minutes(minutes)
}

fn interviewer(id: u64, phone: bool) -> Interviewer {
    Interviewer {
        id: InterviewerId(id),
        name: format!("P{id}"),
        linkedin: if id % 2 == 0 {
            "in/x".into()
        } else {
            String::new()
        },
        invited_call: phone,
        ..Interviewer::default()
    }
}

/// Random event kinds; recipients are 1..=4, decision dates within ~6 weeks.
fn event_kind() -> impl Strategy<Value = EventKind> {
    let kind = prop_oneof![
        Just(ActionKind::ThankYou),
        Just(ActionKind::StatusInquiry),
        Just(ActionKind::SecondInquiry),
        Just(ActionKind::LinkedinConnect),
        Just(ActionKind::SendDocuments),
    ];
    prop_oneof![
        (kind, prop::option::of(1u64..=4)).prop_map(|(message, to)| EventKind::MessageSent {
            message,
            channel: Channel::Email,
            to: to.map(InterviewerId),
        }),
        Just(EventKind::ReplyReceived { from: None }),
        (0u64..45).prop_map(|days| EventKind::DecisionDateGiven {
            date: NaiveDate::from_ymd_opt(2025, 3, 3)
                .and_then(|d| d.checked_add_days(chrono::Days::new(days)))
                .unwrap_or_default(),
            from: None,
        }),
        Just(EventKind::DocumentsRequested {
            what: String::new(),
            deadline: None,
            by: None
        }),
        Just(EventKind::UpdateRequested { by: None }),
        Just(EventKind::CompetingOffer { deadline: None }),
    ]
}

prop_compose! {
    fn a_process(id: u64)(
        rounds in prop::collection::vec((0i64..40 * 24 * 60, -60i64..180, any::<bool>()), 0..3),
        events in prop::collection::vec((0i64..50 * 24 * 60, event_kind()), 0..6),
        status in prop::sample::select(ProcessStatus::ALL.to_vec()),
    ) -> Process {
        let mut process = Process::new(ProcessId(id), "Co", "Role");
        process.status = status;
        for (index, (start, length, phone)) in rounds.into_iter().enumerate() {
            let index = index as u64;
            process.rounds.push(Round {
                uid: None,
                zone: None,
                id: RoundId(10 + index),
                kind: Default::default(),
                format: Default::default(),
                start: minutes_after(start),
                // Negative lengths model a round whose end was typed before its start.
                end: minutes_after(start + length),
                interviewers: vec![interviewer(1 + 2 * index, phone), interviewer(2 + 2 * index, false)],
                notes: String::new(),
            });
        }
        for (index, (at, kind)) in events.into_iter().enumerate() {
            process.events.push(Event {
                id: EventId(100 + index as u64),
                at: minutes_after(at),
                round: None,
                kind,
                note: String::new(),
            });
        }
        process
    }
}

fn processes() -> impl Strategy<Value = Vec<Process>> {
    (a_process(1), a_process(2), a_process(3)).prop_map(|(a, b, c)| vec![a, b, c])
}

fn clock() -> impl Strategy<Value = DateTime<FixedOffset>> {
    (0i64..70 * 24 * 60).prop_map(minutes_after)
}

fn is_follow_up(kind: ActionKind) -> bool {
    matches!(
        kind,
        ActionKind::StatusInquiry | ActionKind::SecondInquiry | ActionKind::MoveOn
    )
}

fn log_action(process: &mut Process, action: &Action) {
    let id = EventId(process.next_local_id());
    process.events.push(Event {
        id,
        at: action.due,
        round: action.round,
        kind: EventKind::MessageSent {
            message: action.kind,
            channel: action.channel,
            to: action.interviewer,
        },
        note: String::new(),
    });
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn windows_are_ordered_and_unsolicited_due_in_working_hours(list in processes(), now in clock()) {
        let settings = Settings::default();
        let calendar = BusinessCalendar::from_settings(&settings);
        let actions = plan(&list, &settings, &now);
        for action in &actions {
            prop_assert!(action.earliest <= action.due && action.due <= action.latest, "{action:?}");
            prop_assert!(action.rules.iter().next().is_some());
            prop_assert!(action.channel != Channel::InPerson);
            if action.kind.is_unsolicited() {
                prop_assert!(calendar.is_business_moment(&action.due), "{action:?}");
            }
        }
        prop_assert!(actions.windows(2).all(|pair| (pair[0].due, pair[0].process) <= (pair[1].due, pair[1].process)));
        // Determinism, and independence from the log order.
        prop_assert_eq!(&actions, &plan(&list, &settings, &now));
        let mut reversed = list.clone();
        for process in &mut reversed {
            process.events.reverse();
        }
        prop_assert_eq!(&actions, &plan(&reversed, &settings, &now));
    }

    #[test]
    fn planned_unsolicited_messages_to_one_person_are_five_business_days_apart(
        list in processes(),
        now in clock(),
        thanked_after in 0i64..15 * 24 * 60,
    ) {
        let calendar = BusinessCalendar::default();
        let zone = *now.offset();
        // Everyone on LinkedIn, so invitations and inquiries can meet on one person.
        let mut list = list;
        for person in list.iter_mut().flat_map(|p| p.rounds.iter_mut()).flat_map(|r| r.interviewers.iter_mut()) {
            person.linkedin = "in/someone".into();
        }
        // The latest round's contact was thanked some time after it: their invitation
        // then lands near the status inquiry, which also goes to them.
        for process in &mut list {
            let latest = process.rounds.iter().max_by_key(|r| (r.end.max(r.start), r.start, r.id));
            let Some((end, contact)) = latest.and_then(|r| Some((r.end.max(r.start), r.interviewers.first()?.id))) else {
                continue;
            };
            let id = EventId(process.next_local_id());
            process.events.push(Event {
                id,
                at: end + TimeDelta::minutes(thanked_after),
                round: None,
                kind: EventKind::MessageSent { message: ActionKind::ThankYou, channel: Channel::Email, to: Some(contact) },
                note: String::new(),
            });
        }
        let actions = plan(&list, &Settings::default(), &now);
        let spaced: Vec<&Action> = actions
            .iter()
            .filter(|a| a.kind.is_unsolicited() && a.interviewer.is_some())
            .collect();
        // `plan` sorts by due moment, so each pair is (earlier, later).
        for (position, earlier) in spaced.iter().enumerate() {
            for later in &spaced[position + 1..] {
                if later.process != earlier.process || later.interviewer != earlier.interviewer {
                    continue;
                }
                let day = earlier.due.with_timezone(&zone).date_naive();
                let floor = calendar.opening_of(calendar.add_business_days(day, 5), &zone);
                prop_assert!(later.due >= floor, "{later:?} too close to {earlier:?}");
            }
        }
    }

    #[test]
    fn nothing_before_a_given_decision_date(list in processes(), now in clock()) {
        let actions = plan(&list, &Settings::default(), &now);
        for action in actions.iter().filter(|a| is_follow_up(a.kind)) {
            let process = list.iter().find(|p| p.id == action.process);
            let decision = process.and_then(|p| p.events.iter().filter_map(|e| match e.kind {
                EventKind::DecisionDateGiven { date, .. } => Some((e.at, e.id, date)),
                _ => None,
            }).max());
            if let Some((_, _, date)) = decision {
                prop_assert!(action.earliest.date_naive() > date, "{action:?} before {date}");
            }
        }
    }

    #[test]
    fn logging_each_inquiry_never_leads_to_a_third(list in processes(), now in clock()) {
        let settings = Settings::default();
        for mut process in list {
            let mut logged = 0;
            for _ in 0..6 {
                let actions = plan(std::slice::from_ref(&process), &settings, &now);
                let Some(inquiry) = actions.iter().find(|a| a.kind.is_inquiry()) else { break };
                let inquiry = *inquiry;
                log_action(&mut process, &inquiry);
                logged += 1;
            }
            let already = process.events.iter().filter(|e| matches!(
                &e.kind, EventKind::MessageSent { message, .. } if message.is_inquiry())).count();
            prop_assert!(logged == 0 || already <= 2, "{already} inquiries after logging {logged}");
        }
    }

    #[test]
    fn logging_the_proposed_action_removes_it(list in processes(), now in clock()) {
        let settings = Settings::default();
        for process in list {
            let actions = plan(std::slice::from_ref(&process), &settings, &now);
            for action in actions {
                let mut changed = process.clone();
                log_action(&mut changed, &action);
                let after = plan(std::slice::from_ref(&changed), &settings, &now);
                prop_assert!(after.iter().all(|a| a.key() != action.key()), "{action:?} still planned");
            }
        }
    }
}

#[test]
fn bad_input_never_panics_and_plans_sensibly() {
    let far = [
        DateTime::parse_from_rfc3339("0001-01-01T00:00:00+00:00").unwrap_or_default(),
        DateTime::parse_from_rfc3339("9999-12-31T23:59:59+00:00").unwrap_or_default(),
        DateTime::parse_from_rfc3339("9999-12-31T23:59:59-23:59").unwrap_or_default(),
    ];
    for moment in far {
        let mut process = Process::new(ProcessId(1), "", "");
        process.rounds.push(Round {
            uid: None,
            zone: None,
            id: RoundId(1),
            kind: Default::default(),
            format: Default::default(),
            start: moment,
            end: moment - TimeDelta::hours(3),
            interviewers: vec![Interviewer::default()],
            notes: String::new(),
        });
        process.events.push(Event {
            id: EventId(2),
            at: moment,
            round: Some(RoundId(99)),
            kind: EventKind::DecisionDateGiven {
                date: NaiveDate::MAX,
                from: None,
            },
            note: String::new(),
        });
        process.events.push(Event {
            id: EventId(3),
            at: moment,
            round: None,
            kind: EventKind::DocumentsRequested {
                what: String::new(),
                deadline: Some(NaiveDate::MIN),
                by: None,
            },
            note: String::new(),
        });
        for now in far {
            let actions = plan(std::slice::from_ref(&process), &Settings::default(), &now);
            for action in &actions {
                assert!(action.earliest <= action.due && action.due <= action.latest);
            }
            // A round ending before it starts is read as ending when it starts.
            let note = actions.iter().find(|a| a.kind == ActionKind::ThankYou);
            if let Some(note) = note {
                assert!(note.earliest >= moment);
            }
        }
    }

    // No rounds at all: no thank-you and no status inquiry, but employer requests still count.
    let mut empty = Process::new(ProcessId(5), "", "");
    empty.events.push(Event {
        id: EventId(1),
        at: base(),
        round: None,
        kind: EventKind::UpdateRequested { by: None },
        note: String::new(),
    });
    let actions = plan(std::slice::from_ref(&empty), &Settings::default(), &base());
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0].kind, ActionKind::SendUpdate);

    // Settings with no work days and inverted hours still plan on weekdays 09:00-17:00.
    let mut settings = Settings::default();
    settings.work_days.clear();
    settings.work_end = settings.work_start;
    let plain = Settings::default();
    let process = {
        let mut p = Process::new(ProcessId(6), "A", "B");
        p.rounds.push(Round {
            uid: None,
            zone: None,
            id: RoundId(1),
            kind: Default::default(),
            format: Default::default(),
            start: base(),
            end: base() + TimeDelta::hours(1),
            interviewers: vec![interviewer(1, false)],
            notes: String::new(),
        });
        p
    };
    assert_eq!(
        plan(std::slice::from_ref(&process), &settings, &base()),
        plan(std::slice::from_ref(&process), &plain, &base())
    );
}

/// The recruiting-title check as first written: five substring searches and a split into words.
fn recruiting_title_by_words(title: &str) -> bool {
    let lower = title.to_ascii_lowercase();
    [
        "recruit",
        "talent",
        "human resources",
        "people partner",
        "sourcing",
    ]
    .iter()
    .any(|part| lower.contains(part))
        || title
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| word.eq_ignore_ascii_case("hr"))
}

proptest! {
    /// The one-pass check reads every title as the word-by-word definition does, accents,
    /// dashes and letter case included.
    #[test]
    fn recruiting_titles_read_as_the_word_by_word_definition(
        pieces in prop::collection::vec(
            prop_oneof![
                Just("HR"), Just("hr"), Just("Hr"), Just("h"), Just("r"), Just("Recruiter"),
                Just("TALENT"), Just("human"), Just(" resources"), Just("Human Resources"),
                Just("people"), Just(" partner"), Just("sourcing"), Just("é"), Just("Ñ"),
                Just("—"), Just("-"), Just(" "), Just("/"), Just("2"), Just("Director"),
                Just("Ingeniería"), Just("ß"), Just("\u{00a0}"),
            ],
            0..8,
        )
    ) {
        let title: String = pieces.concat();
        prop_assert_eq!(
            afterview::core::data::model::is_recruiting_title(&title),
            recruiting_title_by_words(&title),
            "{:?}", title
        );
    }
}
