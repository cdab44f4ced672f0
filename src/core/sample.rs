//! The example interview offered at first run, so a new user can see a plan before typing.

use chrono::{DateTime, Duration, FixedOffset, NaiveTime};

use super::model::{
    Interviewer, InterviewerId, Process, ProcessId, Round, RoundFormat, RoundId, RoundKind,
};

/// A two-round process whose second round ended shortly before `now`: it yields thank-you notes
/// due today for two interviewers, so the Today view has something real to show.
pub fn sample_process(id: ProcessId, now: DateTime<FixedOffset>) -> Process {
    let zone = *now.offset();
    let today_morning = now
        .date_naive()
        .and_time(NaiveTime::from_hms_opt(9, 30, 0).unwrap_or_default());
    let at = |days_back: i64, hour_shift: i64| {
        let local = today_morning - Duration::days(days_back) + Duration::hours(hour_shift);
        local.and_local_timezone(zone).single().unwrap_or(now)
    };
    let mut process = Process::new(id, "Northwind Studio (example)", "Product Designer");
    process.sample = true;
    process.notes =
        "An example to explore. Remove it from Settings or here once you add your own.".into();
    process.rounds = vec![
        Round {
            id: RoundId(1),
            kind: RoundKind::PhoneScreen,
            format: RoundFormat::Phone,
            start: at(9, 0),
            end: at(9, 0) + Duration::minutes(30),
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
            id: RoundId(3),
            kind: RoundKind::Panel,
            format: RoundFormat::Video,
            start: at(1, 5),
            end: at(1, 6),
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
}
