//! Today's groups, due labels, the "Missed" fold and upcoming interviews (decided in the core).

mod common;

#[path = "support/synthetic.rs"]
mod synthetic;

use afterview::core::data::model::{
    ActionKind, Event, EventId, EventKind, Interviewer, InterviewerId, Process, ProcessId,
    ProcessStatus, Round, RoundId, RoundKind,
};
use afterview::core::data::settings::Settings;
use afterview::core::planning::action::ActionState;
use afterview::core::planning::calendar::BusinessCalendar;
use afterview::core::planning::planner::plan;
use afterview::core::planning::today::{today_plan, upcoming_interviews, Group, TodayPlan};
use chrono::NaiveDate;
use common::at;
use synthetic::synthetic_processes;

fn person(id: u64, name: &str) -> Interviewer {
    Interviewer {
        id: InterviewerId(id),
        name: name.to_string(),
        ..Interviewer::default()
    }
}

fn round(id: u64, kind: RoundKind, start: &str, end: &str, people: Vec<Interviewer>) -> Round {
    Round {
        uid: None,
        zone: None,
        id: RoundId(id),
        kind,
        format: Default::default(),
        start: at(start),
        end: at(end),
        interviewers: people,
        notes: String::new(),
    }
}

/// Thursday 6 March 2025, 10:00-11:00 UTC, with Ana.
fn thursday(id: u64, company: &str) -> Process {
    let mut process = Process::new(ProcessId(id), company, "Analyst");
    process.rounds.push(round(
        1,
        RoundKind::Technical,
        "2025-03-06T10:00:00+00:00",
        "2025-03-06T11:00:00+00:00",
        vec![person(2, "Ana Lima")],
    ));
    process
}

fn today_at(processes: &[Process], now: &str) -> TodayPlan {
    let settings = Settings::default();
    let now = at(now);
    let actions = plan(processes, &settings, &now);
    today_plan(
        &actions,
        processes,
        &BusinessCalendar::from_settings(&settings),
        &now,
    )
}

fn row(plan: &TodayPlan, kind: ActionKind) -> (Group, String) {
    plan.rows
        .iter()
        .find(|row| row.action.kind == kind)
        .map(|row| (row.group, row.due_label.clone()))
        .unwrap_or_else(|| panic!("no {kind:?} row in {:#?}", plan.rows))
}

#[test]
fn a_note_due_later_today_is_in_today_not_upcoming() {
    let plan = today_at(&[thursday(1, "Contoso")], "2025-03-06T11:30:00+00:00");
    let (group, label) = row(&plan, ActionKind::ThankYou);
    assert_eq!(group, Group::Today);
    assert_eq!(label, "from 13:00");
    assert_eq!(plan.due_now_count(), 1);

    let plan = today_at(&[thursday(1, "Contoso")], "2025-03-06T15:00:00+00:00");
    assert_eq!(
        row(&plan, ActionKind::ThankYou),
        (Group::Today, "due now".to_string())
    );
    // The inquiry a week later is in the next seven days, named by its date.
    assert_eq!(
        row(&plan, ActionKind::StatusInquiry),
        (Group::Next7Days, "Thu 13 Mar 09:00".to_string())
    );
}

#[test]
fn overdue_counts_days_and_missed_notes_leave_the_list() {
    let processes = [thursday(1, "Contoso")];
    let plan = today_at(&processes, "2025-03-07T12:00:00+00:00");
    assert_eq!(
        row(&plan, ActionKind::ThankYou),
        (Group::Overdue, "overdue since 11:00".to_string())
    );
    // Tuesday: two business days after the window closed (Friday), still listed.
    let plan = today_at(&processes, "2025-03-11T12:00:00+00:00");
    assert_eq!(
        row(&plan, ActionKind::ThankYou),
        (Group::Overdue, "4 days overdue".to_string())
    );
    assert!(plan.missed.is_empty());
    assert_eq!(
        row(&plan, ActionKind::StatusInquiry),
        (Group::Next7Days, "Thu 09:00".to_string())
    );
    // Wednesday: more than two business days past, folded into "Missed".
    let plan = today_at(&processes, "2025-03-12T12:00:00+00:00");
    assert!(plan
        .rows
        .iter()
        .all(|row| row.action.kind != ActionKind::ThankYou));
    assert_eq!(plan.missed.len(), 1);
    assert_eq!(
        plan.missed_summary().as_deref(),
        Some("Missed: 1 thank-you note")
    );
    assert!(plan.missed_advice().contains("next message"));
    assert_eq!(plan.due_now_count(), 0);
}

#[test]
fn far_inquiries_are_later_and_open_windows_are_today() {
    let mut process = thursday(1, "Contoso");
    process.events.push(Event {
        id: EventId(10),
        at: at("2025-03-06T12:00:00+00:00"),
        round: Some(RoundId(1)),
        kind: EventKind::DecisionDateGiven {
            date: NaiveDate::from_ymd_opt(2025, 3, 28).unwrap_or_default(),
            from: None,
        },
        note: String::new(),
    });
    process.events.push(Event {
        id: EventId(11),
        at: at("2025-03-06T12:00:00+00:00"),
        round: Some(RoundId(1)),
        kind: EventKind::DocumentsRequested {
            what: "References".into(),
            deadline: NaiveDate::from_ymd_opt(2025, 3, 12),
            by: Some(InterviewerId(2)),
        },
        note: String::new(),
    });
    let plan = today_at(&[process], "2025-03-07T09:30:00+00:00");
    assert_eq!(
        row(&plan, ActionKind::StatusInquiry),
        (Group::Later, "Mon 31 Mar 09:00".to_string())
    );
    let (group, label) = row(&plan, ActionKind::SendDocuments);
    assert_eq!(group, Group::Today);
    assert_eq!(label, "open, due Wed 12 Mar");
    // Rows come in group order.
    let groups: Vec<Group> = plan.rows.iter().map(|row| row.group).collect();
    let mut sorted = groups.clone();
    sorted.sort();
    assert_eq!(groups, sorted);
}

#[test]
fn upcoming_interviews_read_as_plain_sentences() {
    let mut contoso = thursday(1, "Contoso");
    contoso.rounds.push(round(
        5,
        RoundKind::Panel,
        "2025-03-11T14:00:00+00:00",
        "2025-03-11T15:30:00+00:00",
        vec![person(6, "A"), person(7, "B"), person(8, "C")],
    ));
    let mut fabrikam = thursday(2, "Fabrikam");
    fabrikam.rounds.push(round(
        5,
        RoundKind::Final,
        "2025-03-10T09:30:00+00:00",
        "2025-03-10T10:30:00+00:00",
        vec![person(6, "Zoë Martin")],
    ));
    let mut closed = thursday(3, "Closed Co");
    closed.status = ProcessStatus::Withdrawn;
    closed.rounds.push(round(
        5,
        RoundKind::Panel,
        "2025-03-11T09:00:00+00:00",
        "2025-03-11T10:00:00+00:00",
        vec![],
    ));
    let list = upcoming_interviews(
        &[contoso, fabrikam, closed],
        &at("2025-03-10T08:00:00+00:00"),
    );
    let labels: Vec<&str> = list.iter().map(|item| item.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Today 09:30, final interview at Fabrikam with Zoë Martin",
            "Tomorrow 14:00, panel at Contoso with 3 people",
        ]
    );
}

#[test]
fn fifty_processes_open_without_a_pile_of_stale_courtesies() {
    let now = at("2025-06-02T10:00:00+00:00");
    let processes = synthetic_processes(50, now);
    let settings = Settings::default();
    let calendar = BusinessCalendar::from_settings(&settings);
    let actions = plan(&processes, &settings, &now);
    let view = today_plan(&actions, &processes, &calendar, &now);
    for row in &view.rows {
        if matches!(
            row.action.kind,
            ActionKind::ThankYou | ActionKind::LinkedinConnect | ActionKind::HandwrittenNote
        ) && row.action.state == ActionState::Late
        {
            let closed = row.action.latest.date_naive();
            let limit = calendar.add_business_days(closed, 2);
            assert!(now.date_naive() <= limit, "{:?}", row.action);
        }
    }
    assert_eq!(view.rows.len() + view.missed.len(), actions.len());
    let overdue = view.group(Group::Overdue).count();
    assert!(overdue < 50, "overdue pile of {overdue}");
}

#[test]
fn an_interview_that_has_not_begun_is_upcoming_and_thanked_only_after_it() {
    let processes = vec![thursday(1, "Contoso")];
    let settings = Settings::default();
    let thank_yous = |now: &str| {
        plan(&processes, &settings, &at(now))
            .into_iter()
            .filter(|action| action.kind == ActionKind::ThankYou)
            .count()
    };
    // The evening before: listed as coming up, with no thank-you planned yet.
    assert_eq!(thank_yous("2025-03-05T18:00:00+00:00"), 0);
    let upcoming = upcoming_interviews(&processes, &at("2025-03-05T18:00:00+00:00"));
    assert_eq!(upcoming.len(), 1);
    // Once it has begun, the note is planned for after it ends.
    assert_eq!(thank_yous("2025-03-06T10:30:00+00:00"), 1);
    assert_eq!(thank_yous("2025-03-06T13:30:00+00:00"), 1);
}
