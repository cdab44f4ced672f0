//! Drafts for every kind, channel and tone, built from a realistic process.

use afterview::core::action::{Action, ActionState, Rules};
use afterview::core::drafts::{check_context, compose, compose_with_tone, Draft};
use afterview::core::explain::Reason;
use afterview::core::model::{
    ActionKind, Channel, Event, EventId, EventKind, Interviewer, InterviewerId, Process, ProcessId,
    Round, RoundFormat, RoundId, RoundKind,
};
use afterview::core::proofread::{check, similarity, Check, NEAR_DUPLICATE_THRESHOLD};
use afterview::core::settings::{Settings, Tone};
use chrono::{DateTime, FixedOffset, NaiveDate};

const CHANNELS: [Channel; 5] = [
    Channel::Email,
    Channel::Phone,
    Channel::Linkedin,
    Channel::Handwritten,
    Channel::InPerson,
];

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("test timestamps are valid")
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test dates are valid")
}

/// The one place that builds an `Action` by hand (the planner makes real ones).
fn action(
    kind: ActionKind,
    channel: Channel,
    round: Option<u64>,
    interviewer: Option<u64>,
) -> Action {
    let moment = at("2026-03-05T10:00:00+00:00");
    Action {
        process: ProcessId(1),
        round: round.map(RoundId),
        interviewer: interviewer.map(InterviewerId),
        kind,
        channel,
        earliest: moment,
        due: moment,
        latest: moment,
        state: ActionState::Open,
        rules: Rules::empty(),
        reason: Reason::default(),
    }
}

fn person(id: u64, name: &str, email: &str, discussed: &str) -> Interviewer {
    Interviewer {
        id: InterviewerId(id),
        name: name.to_string(),
        title: String::new(),
        email: email.to_string(),
        linkedin: format!(
            "https://www.linkedin.com/in/{}",
            name.to_lowercase().replace(' ', "-")
        ),
        discussed: discussed.to_string(),
        invited_call: false,
        spoke_by_phone: true,
    }
}

fn event(id: u64, when: &str, kind: EventKind, note: &str) -> Event {
    Event {
        id: EventId(id),
        at: at(when),
        round: None,
        kind,
        note: note.to_string(),
    }
}

fn settings() -> Settings {
    Settings {
        name: "Sam Rivera".to_string(),
        signature: "Data engineer, Lisbon".to_string(),
        email: "sam.rivera@example.org".to_string(),
        phone: "+351 912 345 678".to_string(),
        ..Settings::default()
    }
}

/// A panel round (id 10) with two interviewers (11, 12) and a technical round (20) with one (21).
fn process() -> Process {
    let mut process = Process::new(ProcessId(1), "Lumen Analytics", "Senior data engineer");
    process.rounds = vec![
        Round {
            id: RoundId(10),
            kind: RoundKind::Panel,
            format: RoundFormat::Video,
            start: at("2026-03-03T14:00:00+00:00"),
            end: at("2026-03-03T15:00:00+00:00"),
            interviewers: vec![
                person(
                    11,
                    "Dana Whitfield",
                    "dana.whitfield@lumen.example",
                    "moving the nightly batch jobs to a streaming pipeline",
                ),
                person(
                    12,
                    "Lee Okafor",
                    "lee.okafor@lumen.example",
                    "how the on-call rotation shares incidents across teams",
                ),
            ],
            notes: "I have run Kafka clusters in production for three years".to_string(),
        },
        Round {
            id: RoundId(20),
            kind: RoundKind::Technical,
            format: RoundFormat::InPerson,
            start: at("2026-03-10T09:30:00+00:00"),
            end: at("2026-03-10T11:00:00+00:00"),
            interviewers: vec![person(
                21,
                "Priya Raman",
                "priya.raman@lumen.example",
                "designing an idempotent loader for late-arriving events",
            )],
            notes: String::new(),
        },
    ];
    process.events = vec![
        event(
            1,
            "2026-03-10T12:00:00+00:00",
            EventKind::DocumentsRequested {
                what: "two references and a code sample".to_string(),
                deadline: Some(date("2026-03-13")),
                by: Some(InterviewerId(21)),
            },
            "",
        ),
        event(
            2,
            "2026-03-10T12:05:00+00:00",
            EventKind::UpdateRequested {
                by: Some(InterviewerId(21)),
            },
            "I passed the cloud data engineering certification last week",
        ),
        event(
            3,
            "2026-03-17T09:00:00+00:00",
            EventKind::MessageSent {
                message: ActionKind::StatusInquiry,
                channel: Channel::Email,
                to: Some(InterviewerId(21)),
            },
            "",
        ),
        event(
            4,
            "2026-03-20T09:00:00+00:00",
            EventKind::CompetingOffer {
                deadline: Some(date("2026-03-27")),
            },
            "",
        ),
        event(
            5,
            "2026-03-24T09:00:00+00:00",
            EventKind::Offer {
                deadline: Some(date("2026-04-01")),
            },
            "",
        ),
    ];
    process
}

fn placeholders(draft: &Draft) -> Vec<&afterview::core::proofread::Finding> {
    draft
        .findings
        .iter()
        .filter(|finding| finding.check == Check::Placeholder)
        .collect()
}

/// Which interviewer an action of this kind is addressed to in the fixture.
fn target(kind: ActionKind) -> (Option<u64>, Option<u64>) {
    match kind {
        ActionKind::ThankYou | ActionKind::LinkedinConnect | ActionKind::HandwrittenNote => {
            (Some(10), Some(11))
        }
        _ => (Some(20), Some(21)),
    }
}

#[test]
fn print_everything_for_review() {
    let process = process();
    let settings = settings();
    for kind in ActionKind::ALL {
        for channel in [
            Channel::Email,
            Channel::Phone,
            Channel::Linkedin,
            Channel::Handwritten,
        ] {
            for tone in Tone::ALL {
                let (round, person) = target(kind);
                let draft = compose_with_tone(
                    &action(kind, channel, round, person),
                    &process,
                    &settings,
                    tone,
                );
                println!(
                    "==== {kind:?} {channel:?} {tone:?}\n{}\n-- {:?}\n",
                    draft.plain_text(),
                    draft.findings
                );
            }
        }
    }
}
