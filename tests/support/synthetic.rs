//! A deterministic generator of realistic-looking processes for tests, benchmarks and the
//! synthetic backup example, kept out of the shipped library (no randomness source needed: a fixed linear congruential sequence).

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};

use afterview::core::data::model::{
    ActionKind, Channel, Event, EventId, EventKind, IndustryPace, Interviewer, InterviewerId,
    Process, ProcessId, ProcessStatus, Round, RoundId, RoundKind,
};

/// Knuth's MMIX constants: good enough spread for test data, identical on every platform.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }
}

fn shifted(base: DateTime<FixedOffset>, minutes: i64) -> DateTime<FixedOffset> {
    base.checked_add_signed(TimeDelta::minutes(minutes))
        .unwrap_or(base)
}

/// `count` processes of three rounds with two interviewers each, spread over the
/// weeks before `now`, with mixed event logs (thank-yous logged, replies, decision
/// dates, inquiries, document and update requests, offers, rejections) and statuses.
pub fn synthetic_processes(count: usize, now: DateTime<FixedOffset>) -> Vec<Process> {
    let mut sequence = Sequence(0x5eed);
    let mut processes = Vec::with_capacity(count);
    for index in 0..count {
        let mut process = Process::new(
            ProcessId(index as u64 + 1),
            format!("Company {index}"),
            "Engineer",
        );
        process.pace = if sequence.below(5) == 0 {
            IndustryPace::Traditional
        } else {
            IndustryPace::FastMoving
        };
        process.status = match sequence.below(20) {
            0 => ProcessStatus::Rejected,
            1 => ProcessStatus::Withdrawn,
            2 => ProcessStatus::Offer,
            _ => ProcessStatus::Active,
        };
        // The last round ended between 0 and 40 days ago; rounds a week apart.
        let last_end = shifted(now, -(sequence.below(40 * 24 * 60) as i64));
        let mut next_id = 1u64;
        for round_index in 0..3u64 {
            let end = shifted(last_end, -((2 - round_index as i64) * 7 * 24 * 60));
            let start = shifted(end, -60);
            let mut interviewers = Vec::with_capacity(2);
            for person in 0..2u64 {
                interviewers.push(Interviewer {
                    id: InterviewerId(next_id),
                    name: format!("Interviewer {round_index}-{person}"),
                    linkedin: if sequence.below(2) == 0 {
                        "https://www.linkedin.com/in/example".to_string()
                    } else {
                        String::new()
                    },
                    invited_call: sequence.below(6) == 0,
                    ..Interviewer::default()
                });
                next_id += 1;
            }
            process.rounds.push(Round {
                uid: None,
                zone: None,
                id: RoundId(next_id),
                kind: RoundKind::ALL[(round_index as usize) % RoundKind::ALL.len()],
                format: Default::default(),
                start,
                end,
                interviewers,
                notes: String::new(),
            });
            next_id += 1;
        }
        let mut push = |at: DateTime<FixedOffset>, round: Option<RoundId>, kind: EventKind| {
            process.events.push(Event {
                id: EventId(next_id),
                at,
                round,
                kind,
                note: String::new(),
            });
            next_id += 1;
        };
        // Thank-yous: older rounds nearly always logged, the latest one often not yet.
        let rounds: Vec<(RoundId, DateTime<FixedOffset>, Vec<InterviewerId>)> = process
            .rounds
            .iter()
            .map(|round| {
                (
                    round.id,
                    round.end,
                    round.interviewers.iter().map(|p| p.id).collect(),
                )
            })
            .collect();
        for (position, (round_id, end, people)) in rounds.iter().enumerate() {
            for person in people {
                let logged = position < 2 || sequence.below(3) != 0;
                if logged && shifted(*end, 300) < now {
                    push(
                        shifted(*end, 300),
                        Some(*round_id),
                        EventKind::MessageSent {
                            message: ActionKind::ThankYou,
                            channel: Channel::Email,
                            to: Some(*person),
                        },
                    );
                    if sequence.below(4) == 0 {
                        push(
                            shifted(*end, 600),
                            None,
                            EventKind::MessageSent {
                                message: ActionKind::LinkedinConnect,
                                channel: Channel::Linkedin,
                                to: Some(*person),
                            },
                        );
                    }
                }
            }
        }
        let last_round = rounds.last().map(|(id, _, _)| *id);
        match sequence.below(8) {
            0 => {
                let date: NaiveDate = shifted(last_end, 10 * 24 * 60).date_naive();
                push(
                    shifted(last_end, 60),
                    last_round,
                    EventKind::DecisionDateGiven { date, from: None },
                );
            }
            1 => push(
                shifted(last_end, 8 * 24 * 60),
                None,
                EventKind::MessageSent {
                    message: ActionKind::StatusInquiry,
                    channel: Channel::Email,
                    to: None,
                },
            ),
            2 => {
                push(
                    shifted(last_end, 8 * 24 * 60),
                    None,
                    EventKind::MessageSent {
                        message: ActionKind::StatusInquiry,
                        channel: Channel::Email,
                        to: None,
                    },
                );
                push(
                    shifted(last_end, 16 * 24 * 60),
                    None,
                    EventKind::MessageSent {
                        message: ActionKind::SecondInquiry,
                        channel: Channel::Email,
                        to: None,
                    },
                );
            }
            3 => push(
                shifted(last_end, 3 * 24 * 60),
                None,
                EventKind::ReplyReceived { from: None },
            ),
            4 => push(
                shifted(last_end, 24 * 60),
                last_round,
                EventKind::DocumentsRequested {
                    what: "References".to_string(),
                    deadline: None,
                    by: None,
                },
            ),
            5 => push(
                shifted(last_end, 2 * 24 * 60),
                None,
                EventKind::CompetingOffer { deadline: None },
            ),
            6 => push(
                shifted(last_end, 120),
                last_round,
                EventKind::UpdateRequested { by: None },
            ),
            _ => {}
        }
        if process.status == ProcessStatus::Rejected {
            push(
                shifted(last_end, 4 * 24 * 60),
                None,
                EventKind::Rejection { from: None },
            );
        }
        if process.status == ProcessStatus::Offer {
            push(
                shifted(last_end, 5 * 24 * 60),
                None,
                EventKind::Offer {
                    deadline: None,
                    from: None,
                },
            );
        }
        // Some users log out of order (a late entry for something earlier).
        if sequence.below(10) == 0 && process.events.len() > 1 {
            process.events.swap(0, 1);
        }
        processes.push(process);
    }
    processes
}
