//! The example interview offered at first run, so a new user can see a plan before typing.

use chrono::{DateTime, Duration, FixedOffset, NaiveTime};

use crate::core::data::model::{
    ActionKind, Channel, Event, EventId, EventKind, Interviewer, InterviewerId, Process, ProcessId,
    Round, RoundFormat, RoundId, RoundKind,
};

/// A two-round process whose second round ended shortly before `now`: it yields thank-you notes
/// due today for two interviewers, so the Today view has something real to show.
pub fn sample_process(id: ProcessId, now: DateTime<FixedOffset>) -> Process {
    let zone = *now.offset();
    let ten_am = |days_back: i64| {
        let day = now.date_naive() - Duration::days(days_back);
        day.and_time(NaiveTime::from_hms_opt(10, 0, 0).unwrap_or_default())
            .and_local_timezone(zone)
            .single()
            .unwrap_or(now - Duration::days(days_back))
    };
    // The panel ended three hours ago: its thank-you notes are due now (rule T1).
    let panel_end = now - Duration::hours(3);
    let screen_start = ten_am(9);
    let screen_end = screen_start + Duration::minutes(30);
    let mut process = Process::new(id, "Northwind Studio (example)", "Product Designer");
    process.sample = true;
    process.notes = "An example to explore. Remove it from Settings once you add your own.".into();
    process.rounds = vec![
        Round {
            uid: None,
            zone: None,
            id: RoundId(1),
            kind: RoundKind::PhoneScreen,
            format: RoundFormat::Phone,
            start: screen_start,
            end: screen_end,
            interviewers: vec![Interviewer {
                id: InterviewerId(2),
                name: "Priya Raman".into(),
                title: "Recruiter".into(),
                email: "priya.raman@northwind.example".into(),
                spoke_by_phone: true,
                discussed: "the team's move to a four-day week and the hiring timeline".into(),
                ..Interviewer::default()
            }],
            notes: String::new(),
        },
        Round {
            uid: None,
            zone: None,
            id: RoundId(3),
            kind: RoundKind::Panel,
            format: RoundFormat::Video,
            start: panel_end - Duration::hours(1),
            end: panel_end,
            interviewers: vec![
                Interviewer {
                    id: InterviewerId(4),
                    name: "Tomás Ferreira".into(),
                    title: "Design Lead".into(),
                    email: "tomas@northwind.example".into(),
                    linkedin: "https://www.linkedin.com/in/tomas-ferreira-example".into(),
                    discussed: "how the checkout redesign cut support tickets, and my usability-testing routine".into(),
                    ..Interviewer::default()
                },
                Interviewer {
                    id: InterviewerId(5),
                    name: "Helen Okafor".into(),
                    title: "Engineering Manager".into(),
                    email: "helen.okafor@northwind.example".into(),
                    discussed: "handing designs over to engineers and keeping the component library tidy".into(),
                    ..Interviewer::default()
                },
            ],
            notes: "I meant to mention the accessibility audit I ran last spring.".into(),
        },
    ];
    // The recruiter was already thanked the evening of the phone screen.
    process.events = vec![Event {
        id: EventId(6),
        at: screen_end + Duration::hours(4),
        round: Some(RoundId(1)),
        kind: EventKind::MessageSent {
            message: ActionKind::ThankYou,
            channel: Channel::Email,
            to: Some(InterviewerId(2)),
        },
        note: String::new(),
    }];
    process
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_is_marked_and_its_rounds_are_in_the_past_and_ordered() {
        let now = DateTime::parse_from_rfc3339("2026-11-22T11:00:00+01:00").expect("time");
        let process = sample_process(ProcessId(7), now);
        assert!(process.sample);
        assert!(process
            .rounds
            .windows(2)
            .all(|pair| pair[0].end <= pair[1].start));
        assert!(process
            .rounds
            .iter()
            .all(|round| round.end < now && round.start < round.end));
    }

    #[test]
    fn the_sample_plans_two_thank_you_notes_due_today_and_none_late() {
        use crate::core::data::settings::Settings;
        use crate::core::planning::action::ActionState;
        let now = DateTime::parse_from_rfc3339("2026-11-19T18:30:00+01:00").expect("time");
        let process = sample_process(ProcessId(1), now);
        let actions = crate::core::planning::planner::plan(&[process], &Settings::default(), &now);
        let thanks: Vec<_> = actions
            .iter()
            .filter(|a| a.kind == ActionKind::ThankYou)
            .collect();
        assert_eq!(thanks.len(), 2);
        assert!(thanks.iter().all(|a| a.state == ActionState::DueToday));
        assert!(actions.iter().all(|a| a.state != ActionState::Late));
    }
}
