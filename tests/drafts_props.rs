//! Drafts measured over many realistic processes: our own proofreading finds
//! nothing to warn about, and the notes for one round's interviewers differ.
// Native tests: the browser build runs tests/browser.rs instead.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, HashSet};

use afterview::core::data::model::{
    ActionKind, Channel, Event, EventId, EventKind, Interviewer, InterviewerId, Process, ProcessId,
    Round, RoundFormat, RoundId, RoundKind,
};
use afterview::core::data::settings::{Settings, Tone};
use afterview::core::planning::action::{Action, ActionState, Rules};
use afterview::core::planning::explain::Reason;
use afterview::core::planning::planner::plan;
use afterview::core::writing::drafts::{compose_with_tone, Draft};
use afterview::core::writing::proofread::{similarity, Severity};
use chrono::{DateTime, Duration, FixedOffset, TimeZone};

/// A small deterministic generator (xorshift), so a seed always gives the same process.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        let mut x = self.0 | 1;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn one<'a>(&mut self, options: &[&'a str]) -> &'a str {
        options[self.below(options.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const NAMES: &[&str] = &[
    "Marcus Webb",
    "Callum Reid",
    "Mei Ong",
    "Dr. Amara Okonkwo",
    "Sofía Álvarez",
    "Anna Smith-Jones",
    "Jan van der Berg",
    "Priya Raman (she/her)",
    "Prof Lena Hoffmann",
    "Ms Grace Liu",
    "Mr. Tomás de la Cruz",
    "王芳",
    "Björn Åkesson",
    "Kenji Sato",
    "Fatima Zahra",
    "José García-López",
    "Madonna",
    "Mx Sam Lee (they/them)",
    "Olivia Chen",
    "Rafael Mendes",
    "Yusuf Demir",
    "Chloé Martin",
    "Ben Adler",
    "August Lindgren",
    "Daniel O'Brien",
    "Noor Khalil",
];
const COMPANIES: &[&str] = &[
    "AT&T",
    "Vireo Analytics",
    "Lumen Analytics",
    "Ernst & Young",
    "Harbour Freight Lines",
    "Northwind",
    "R&D Partners",
    "Kestrel Health",
    "Bright Path Schools",
    "Ocean & Pine Legal",
];
const ROLES: &[&str] = &[
    "Senior data engineer",
    "Product designer",
    "Finance lead",
    "Analytics engineer",
    "Support team lead",
    "Paralegal",
    "Site reliability engineer",
    "Marketing manager",
];
const DISCUSSED: &[&str] = &[
    "Asked about my experience with dbt and Looker.",
    "we talked about their move to Snowflake",
    "How do they handle on-call?",
    "dbt, Looker, data modelling",
    "the roadmap for the mobile app",
    "Discussed the March release and the support backlog",
    "She explained how the team runs design critiques",
    "They are hiring two more analysts next quarter.",
    "pricing experiments in Brazil",
    "What are the next steps?",
    "my portfolio, especially the checkout redesign",
    "Onboarding for new stores. Also the regional budgets.",
    "the audit of the payment service and who approves changes",
    "He asked me about a time I handled a difficult client",
    "One of the biggest challenges is the legacy billing system",
    "moving the nightly batch jobs to a streaming pipeline, which they want done by summer, and the hiring plan for the data team next year including two new seniors",
    "Kafka migration",
    "the AT&T account and its renewal",
];
const DETAILS: &[&str] = &[
    "",
    "",
    "the whiteboard covered in release dates",
    "Their team plays chess at lunch.",
    "a story about a failed launch in Berlin",
    "they ship every Friday",
];
const TO_TELL: &[&str] = &[
    "",
    "",
    "I also hold a PMP certification",
    "forgot to mention my portfolio site",
    "I have run Kafka clusters in production for three years.",
    "tell them I speak Portuguese",
    "my notice period is one month",
];
const WHY_FIT: &[&str] = &[
    "",
    "",
    "five years of Python; led the migration of 40 models to dbt",
    "experience running support teams across three time zones",
    "cut report run time by half, mentored two juniors",
];

fn at(minutes: i64) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(0)
        .expect("UTC")
        .with_ymd_and_hms(2026, 3, 2, 9, 0, 0)
        .single()
        .expect("a valid start")
        + Duration::minutes(minutes)
}

fn realistic(seed: u64) -> (Process, Settings) {
    let mut dice = Dice(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(7));
    let mut process = Process::new(ProcessId(seed + 1), dice.one(COMPANIES), dice.one(ROLES));
    process.why_fit = dice.one(WHY_FIT).to_string();
    let mut next = 10;
    let mut used = HashSet::new();
    let rounds = 1 + dice.below(3);
    let mut start = 60 * dice.below(24 * 5) as i64;
    for _ in 0..rounds {
        let size = 1 + dice.below(3);
        let mut interviewers = Vec::new();
        for _ in 0..size {
            let mut name = dice.one(NAMES);
            while used.contains(name) {
                name = dice.one(NAMES);
            }
            used.insert(name);
            next += 1;
            let handle = name
                .chars()
                .filter(char::is_ascii_alphabetic)
                .collect::<String>()
                .to_lowercase();
            interviewers.push(Interviewer {
                id: InterviewerId(next),
                name: name.to_string(),
                email: format!("{handle}{next}@employer.example"),
                linkedin: format!("https://www.linkedin.com/in/{handle}{next}"),
                discussed: dice.one(DISCUSSED).to_string(),
                detail: dice.one(DETAILS).to_string(),
                to_tell: dice.one(TO_TELL).to_string(),
                spoke_by_phone: dice.chance(20),
                invited_call: dice.chance(10),
                ..Interviewer::default()
            });
        }
        next += 1;
        process.rounds.push(Round {
            id: RoundId(next),
            kind: RoundKind::ALL[dice.below(RoundKind::ALL.len())],
            format: RoundFormat::ALL[dice.below(RoundFormat::ALL.len())],
            start: at(start),
            end: at(start + 60),
            interviewers,
            notes: "private: ask the recruiter about parking".to_string(),
            uid: None,
            zone: None,
        });
        start += 60 * 24 * (3 + dice.below(6) as i64);
    }
    let last = process.rounds.last().map(|round| round.id);
    let people: Vec<InterviewerId> = process
        .rounds
        .iter()
        .flat_map(|round| round.interviewers.iter().map(|person| person.id))
        .collect();
    let mut minute = start + 60 * 24 * 2;
    let mut event = |kind: EventKind, note: &str, minute: i64| {
        next += 1;
        process.events.push(Event {
            id: EventId(next),
            at: at(minute),
            round: last,
            kind,
            note: note.to_string(),
        });
    };
    if dice.chance(40) {
        event(
            EventKind::DocumentsRequested {
                what: "two references".to_string(),
                deadline: None,
                by: Some(people[dice.below(people.len())]),
            },
            "",
            minute,
        );
    }
    if dice.chance(30) {
        event(
            EventKind::UpdateRequested {
                by: Some(people[dice.below(people.len())]),
            },
            "I passed the cloud certification last week",
            minute + 5,
        );
    }
    if dice.chance(50) {
        minute += 60 * 24 * 7;
        let channel = if dice.chance(30) {
            Channel::Phone
        } else {
            Channel::Email
        };
        event(
            EventKind::MessageSent {
                message: ActionKind::StatusInquiry,
                channel,
                to: Some(people[0]),
            },
            "",
            minute,
        );
        if dice.chance(50) {
            event(
                EventKind::ReplyReceived {
                    from: Some(people[0].into()),
                },
                "",
                minute + 60 * 24 * 2,
            );
        }
    }
    if dice.chance(20) {
        event(
            EventKind::CompetingOffer { deadline: None },
            "",
            minute + 60,
        );
    }
    let settings = Settings {
        name: dice
            .one(&[
                "Sam Rivera",
                "Nadia Hussain",
                "Tomás Ferreira",
                "Oliver Grant",
            ])
            .to_string(),
        email: "me@example.org".to_string(),
        phone: "+44 20 7946 0000".to_string(),
        ..Settings::default()
    };
    (process, settings)
}

fn action_for(
    process: &Process,
    kind: ActionKind,
    channel: Channel,
    round: Option<RoundId>,
    person: Option<InterviewerId>,
) -> Action {
    let due = process
        .events
        .iter()
        .map(|event| event.at)
        .chain(process.rounds.iter().map(|round| round.end))
        .max()
        .unwrap_or_else(|| at(0))
        + Duration::days(1);
    Action {
        process: process.id,
        round,
        interviewer: person,
        kind,
        channel,
        earliest: due,
        due,
        latest: due,
        state: ActionState::Open,
        rules: Rules::empty(),
        reason: Reason::DocumentsSoon {
            requested_on: due.date_naive(),
        },
        recipient: None,
    }
}

/// Every action the planner proposes at a few moments, plus every kind on its
/// usual channel for every interviewer, in both tones.
fn drafts_of(process: &Process, settings: &Settings) -> Vec<(Action, Draft)> {
    let mut actions: Vec<Action> = Vec::new();
    for days in [0, 1, 3, 8, 15, 30] {
        let now = process.rounds[0].end + Duration::days(days);
        actions.extend(plan(std::slice::from_ref(process), settings, &now));
    }
    for round in &process.rounds {
        for person in &round.interviewers {
            for (kind, channel) in [
                (ActionKind::ThankYou, Channel::Email),
                (ActionKind::LinkedinConnect, Channel::Linkedin),
                (ActionKind::HandwrittenNote, Channel::Handwritten),
                (ActionKind::ThankYou, Channel::Phone),
            ] {
                actions.push(action_for(
                    process,
                    kind,
                    channel,
                    Some(round.id),
                    Some(person.id),
                ));
            }
        }
    }
    let contact = process
        .rounds
        .last()
        .and_then(|round| round.interviewers.first());
    // Kinds that need no recorded request (documents and updates come from the plan).
    for kind in [
        ActionKind::StatusInquiry,
        ActionKind::SecondInquiry,
        ActionKind::CompetingOffer,
        ActionKind::RejectionReply,
        ActionKind::OfferReply,
        ActionKind::MoveOn,
    ] {
        actions.push(action_for(
            process,
            kind,
            Channel::Email,
            process.rounds.last().map(|round| round.id),
            contact.map(|person| person.id),
        ));
    }
    let mut out = Vec::new();
    for action in actions {
        for tone in Tone::ALL {
            let draft = compose_with_tone(&action, process, settings, tone);
            out.push((action, draft));
        }
    }
    out
}

fn serious(draft: &Draft) -> Vec<String> {
    draft
        .findings
        .iter()
        .filter(|finding| finding.severity <= Severity::Warning)
        .map(|finding| format!("{:?}: {}", finding.check, finding.message))
        .collect()
}

#[test]
fn thirty_processes_give_no_self_findings() {
    let mut drafts = 0;
    let mut flagged = Vec::new();
    let mut closings = HashSet::new();
    for seed in 0..30 {
        let (process, settings) = realistic(seed);
        for (action, draft) in drafts_of(&process, &settings) {
            drafts += 1;
            let found = serious(&draft);
            if !found.is_empty() {
                flagged.push(format!(
                    "seed {seed} {:?}/{:?}/{:?}: {found:?}\n{}",
                    action.kind, action.channel, draft.tone, draft.body
                ));
            }
            if action.kind == ActionKind::ThankYou
                && action.channel == Channel::Email
                && draft.tone == Tone::Warm
            {
                let body = draft.body.split("\n\n").collect::<Vec<_>>();
                if let Some(closing) = body.get(body.len().saturating_sub(2)) {
                    closings.insert(closing.to_string());
                }
            }
        }
    }
    println!(
        "self-findings: {} of {drafts} drafts flagged (30 processes, every action, both tones)",
        flagged.len()
    );
    assert!(flagged.is_empty(), "{}", flagged.join("\n\n"));
    assert!(closings.len() >= 4, "closing lines: {closings:?}");
}

/// Words that are names or topics: removed before comparing two notes' structure.
fn content_words(process: &Process, settings: &Settings) -> HashSet<String> {
    let mut texts: Vec<String> = vec![
        process.company.clone(),
        process.role.clone(),
        process.why_fit.clone(),
        settings.name.clone(),
    ];
    for round in &process.rounds {
        for person in &round.interviewers {
            texts.extend([
                person.name.clone(),
                person.discussed.clone(),
                person.detail.clone(),
                person.to_tell.clone(),
            ]);
        }
    }
    let mut words: HashSet<String> = HashSet::new();
    for text in texts {
        for word in text.split(|c: char| !c.is_alphanumeric() && c != '\'') {
            if !word.is_empty() {
                words.insert(word.to_lowercase());
            }
        }
    }
    // Pronouns the notes turn towards the reader.
    for word in ["you", "your", "yours", "how", "whether", "i", "my"] {
        words.insert(word.to_string());
    }
    words
}

fn structure(body: &str, content: &HashSet<String>) -> String {
    body.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|word| !word.is_empty() && !content.contains(&word.to_lowercase()))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn interviewers_of_one_round_never_share_a_structure() {
    let mut highest: f64 = 0.0;
    let mut worst = String::new();
    for seed in 0..60 {
        let (process, settings) = realistic(seed);
        let content = content_words(&process, &settings);
        for round in &process.rounds {
            for (kind, channel) in [
                (ActionKind::ThankYou, Channel::Email),
                (ActionKind::LinkedinConnect, Channel::Linkedin),
                (ActionKind::HandwrittenNote, Channel::Handwritten),
            ] {
                for tone in Tone::ALL {
                    let bodies: BTreeMap<u64, String> = round
                        .interviewers
                        .iter()
                        .map(|person| {
                            let action = action_for(
                                &process,
                                kind,
                                channel,
                                Some(round.id),
                                Some(person.id),
                            );
                            let draft = compose_with_tone(&action, &process, &settings, tone);
                            (person.id.0, structure(&draft.body, &content))
                        })
                        .collect();
                    let list: Vec<&String> = bodies.values().collect();
                    for (i, a) in list.iter().enumerate() {
                        for b in &list[i + 1..] {
                            let score = similarity(a, b);
                            if score > highest {
                                highest = score;
                                worst = format!("seed {seed} {kind:?} {tone:?}:\n{a}\n---\n{b}");
                            }
                        }
                    }
                }
            }
        }
    }
    println!("maximum pairwise similarity between one round's interviewers: {highest:.3}");
    assert!(highest < 0.35, "{highest:.3}\n{worst}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 48, ..proptest::prelude::ProptestConfig::default() })]
    /// Any realistic process: every planned action in every tone passes our own proofreading.
    #[test]
    fn composed_drafts_pass_our_own_proofreading(seed in 1000u64..1_000_000) {
        let (process, settings) = realistic(seed);
        for (action, draft) in drafts_of(&process, &settings) {
            let found = serious(&draft);
            proptest::prop_assert!(
                found.is_empty(),
                "{:?}/{:?}/{:?}: {:?}\n{}",
                action.kind, action.channel, draft.tone, found, draft.body
            );
        }
    }
}
