//! Drafts for every kind, channel and tone, built from a realistic process.
// Native tests: the browser build runs tests/browser.rs instead.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use afterview::core::data::model::{
    ActionKind, Channel, Event, EventId, EventKind, Interviewer, InterviewerId, Process, ProcessId,
    Round, RoundFormat, RoundId, RoundKind,
};
use afterview::core::data::settings::{Settings, Tone};
use afterview::core::planning::action::{Action, ActionState, Rules};
use afterview::core::planning::explain::Reason;
use afterview::core::writing::drafts::{check_context, compose, compose_with_tone, Draft};
use afterview::core::writing::proofread::{check, similarity, Check, NEAR_DUPLICATE_THRESHOLD};
use common::{at, date};

const CHANNELS: [Channel; 5] = [
    Channel::Email,
    Channel::Phone,
    Channel::Linkedin,
    Channel::Handwritten,
    Channel::InPerson,
];

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
        reason: Reason::DocumentsSoon {
            requested_on: moment.date_naive(),
        },
        recipient: None,
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
        ..Interviewer::default()
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
            uid: None,
            zone: None,
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
            uid: None,
            zone: None,
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
                from: None,
            },
            "",
        ),
    ];
    process
}

fn placeholders(draft: &Draft) -> Vec<&afterview::core::writing::proofread::Finding> {
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

fn all_drafts(process: &Process, settings: &Settings) -> Vec<Draft> {
    let mut drafts = Vec::new();
    for kind in ActionKind::ALL {
        for channel in CHANNELS {
            for tone in Tone::ALL {
                let (round, person) = target(kind);
                let action = action(kind, channel, round, person);
                drafts.push(compose_with_tone(&action, process, settings, tone));
            }
        }
    }
    drafts
}

#[test]
fn every_kind_channel_and_tone_renders_clean_when_inputs_are_complete() {
    let drafts = all_drafts(&process(), &settings());
    assert_eq!(
        drafts.len(),
        ActionKind::ALL.len() * CHANNELS.len() * Tone::ALL.len()
    );
    for draft in &drafts {
        assert!(
            !draft.body.contains('[') && !draft.body.contains(']'),
            "{:?}/{:?}/{:?} left a placeholder:\n{}",
            draft.kind,
            draft.channel,
            draft.tone,
            draft.body
        );
        assert!(
            draft.findings.is_empty(),
            "{:?}/{:?}/{:?} has findings {:?}:\n{}",
            draft.kind,
            draft.channel,
            draft.tone,
            draft.findings,
            draft.plain_text()
        );
        assert!(!draft.body.trim().is_empty());
    }
}

#[test]
fn missing_inputs_show_as_placeholders_and_are_flagged() {
    let mut process = process();
    process.role.clear();
    process.company.clear();
    for round in &mut process.rounds {
        round.notes.clear();
        for person in &mut round.interviewers {
            person.name.clear();
            person.discussed.clear();
            person.email.clear();
        }
    }
    let mut settings = settings();
    settings.name.clear();
    for draft in all_drafts(&process, &settings) {
        assert!(
            !placeholders(&draft).is_empty(),
            "{:?}/{:?}/{:?} did not flag its gaps:\n{}",
            draft.kind,
            draft.channel,
            draft.tone,
            draft.body
        );
        for finding in placeholders(&draft) {
            let span = finding.span.clone().expect("placeholders have a place");
            let text = if finding.field == afterview::core::writing::proofread::Field::Subject {
                draft.subject.clone().unwrap_or_default()
            } else {
                draft.body.clone()
            };
            assert!(text[span].starts_with('['));
        }
    }
}

#[test]
fn an_empty_discussed_field_names_the_interviewer_in_the_placeholder() {
    let mut process = process();
    process.rounds[0].interviewers[0].discussed.clear();
    process.rounds[0].interviewers[0].email.clear();
    let draft = compose(
        &action(ActionKind::ThankYou, Channel::Email, Some(10), Some(11)),
        &process,
        &settings(),
    );
    let placeholder = "[what you discussed with Dana]";
    let start = draft
        .body
        .find(placeholder)
        .expect("placeholder in the body");
    let finding = placeholders(&draft)[0];
    assert_eq!(finding.span, Some(start..start + placeholder.len()));
    assert!(draft
        .findings
        .iter()
        .any(|f| f.check == Check::MissingField && f.message.contains("Dana Whitfield")));
    assert_eq!(
        draft.recipient.to_line(draft.channel),
        "To: Dana Whitfield (no email address recorded; add it to the interview)"
    );
}

#[test]
fn a_card_names_no_bracketed_address() {
    let process = process();
    let card = compose(
        &action(
            ActionKind::HandwrittenNote,
            Channel::Handwritten,
            Some(10),
            Some(11),
        ),
        &process,
        &settings(),
    );
    let line = card.recipient.to_line(card.channel);
    assert!(!line.contains('['), "{line}");
    assert!(line.contains("envelope"), "{line}");
}

#[test]
fn thank_you_is_personal_and_signed() {
    let mut process = process();
    process.rounds[0].interviewers[0].to_tell =
        "I also ran Kafka clusters in production for three years".to_string();
    let draft = compose(
        &action(ActionKind::ThankYou, Channel::Email, Some(10), Some(11)),
        &process,
        &settings(),
    );
    assert_eq!(draft.recipient.name, "Dana Whitfield");
    assert_eq!(draft.recipient.address, "dana.whitfield@lumen.example");
    for expected in [
        "Dear Dana,",
        "moving the nightly batch jobs to a streaming pipeline",
        "I ran Kafka clusters in production",
        "Sam Rivera",
        "Data engineer, Lisbon",
        "sam.rivera@example.org",
        "+351 912 345 678",
        "Tuesday 3 March",
    ] {
        assert!(
            draft.body.contains(expected),
            "missing {expected:?}:\n{}",
            draft.body
        );
    }
    let subject = draft.subject.clone().expect("email has a subject");
    assert!(subject.contains("Senior data engineer") || subject.contains("Sam Rivera"));
    // What Dana should hear is not sent to Lee; the round's private note goes to nobody.
    let lee = compose(
        &action(ActionKind::ThankYou, Channel::Email, Some(10), Some(12)),
        &process,
        &settings(),
    );
    assert!(!lee.body.contains("Kafka"), "{}", lee.body);
    assert!(!draft.body.contains("for three years in production"));
}

#[test]
fn round_kind_shifts_the_emphasis() {
    let technical = compose(
        &action(ActionKind::ThankYou, Channel::Email, Some(20), Some(21)),
        &process(),
        &settings(),
    );
    assert!(
        technical.body.contains("technical") || technical.body.contains("engineering"),
        "{}",
        technical.body
    );
    let mut hr_process = process();
    hr_process.rounds[1].kind = RoundKind::Hr;
    let hr = compose(
        &action(ActionKind::ThankYou, Channel::Email, Some(20), Some(21)),
        &hr_process,
        &settings(),
    );
    assert!(!hr.body.contains("technical"), "{}", hr.body);
    let bodies: std::collections::HashSet<String> = RoundKind::ALL
        .iter()
        .map(|kind| {
            let mut varied = process();
            varied.rounds[1].kind = *kind;
            compose(
                &action(ActionKind::ThankYou, Channel::Email, Some(20), Some(21)),
                &varied,
                &settings(),
            )
            .body
        })
        .collect();
    // Round 2 has one person recorded: as a "panel" it reads as the one-to-one talk it was
    // (Other); every other kind has its own emphasis.
    assert_eq!(bodies.len(), RoundKind::ALL.len() - 1);
}

#[test]
fn panel_interviewers_get_different_notes_and_a_copy_is_flagged() {
    let process = process();
    let settings = settings();
    for tone in Tone::ALL {
        for kind in [
            ActionKind::ThankYou,
            ActionKind::LinkedinConnect,
            ActionKind::HandwrittenNote,
        ] {
            let dana_action = action(kind, Channel::Email, Some(10), Some(11));
            let lee_action = action(kind, Channel::Email, Some(10), Some(12));
            let dana = compose_with_tone(&dana_action, &process, &settings, tone);
            let lee = compose_with_tone(&lee_action, &process, &settings, tone);
            assert_ne!(dana.body, lee.body);
            let score = similarity(&dana.body, &lee.body);
            assert!(
                score < NEAR_DUPLICATE_THRESHOLD,
                "{kind:?} {tone:?}: {score}"
            );
            assert!(lee.body.contains("Lee") && lee.body.contains("on-call rotation"));

            // Lee's note pasted over with Dana's text (name swapped) is caught.
            let mut context = check_context(&lee_action, &process, &settings);
            context.sibling_bodies = vec![dana.body.clone()];
            let copied = dana.body.replace("Dana", "Lee");
            let findings = check(
                &afterview::core::writing::proofread::DraftText {
                    subject: lee.subject.as_deref().unwrap_or(""),
                    body: &copied,
                },
                &context,
            );
            assert!(
                findings.iter().any(|f| f.check == Check::NearDuplicate),
                "{kind:?} {tone:?}: {findings:?}"
            );
            // The thank-you copy still carries the round's shared notes; the
            // shorter notes hold nothing of Lee's material at all.
            if kind != ActionKind::ThankYou {
                assert!(findings.iter().any(|f| f.check == Check::Generic));
            }
        }
    }
}

#[test]
fn tones_differ_and_drafts_are_deterministic() {
    let process = process();
    let settings = settings();
    for kind in ActionKind::ALL {
        let (round, person) = target(kind);
        let action = action(kind, Channel::Email, round, person);
        let warm = compose_with_tone(&action, &process, &settings, Tone::Warm);
        let concise = compose_with_tone(&action, &process, &settings, Tone::Concise);
        assert_ne!(warm.body, concise.body, "{kind:?}");
        assert_eq!(
            warm,
            compose_with_tone(&action, &process, &settings, Tone::Warm)
        );
        assert_eq!(warm.tone, Tone::Warm);
        let mut concise_settings = settings.clone();
        concise_settings.tone = Tone::Concise;
        assert_eq!(compose(&action, &process, &concise_settings), concise);
    }
}

fn email(kind: ActionKind, tone: Tone) -> Draft {
    let (round, person) = target(kind);
    compose_with_tone(
        &action(kind, Channel::Email, round, person),
        &process(),
        &settings(),
        tone,
    )
}

#[test]
fn each_kind_says_what_it_must() {
    for tone in Tone::ALL {
        let inquiry = email(ActionKind::StatusInquiry, tone);
        for expected in ["Senior data engineer", "Tuesday 10 March", "?"] {
            assert!(inquiry.body.contains(expected), "{}", inquiry.body);
        }
        assert!(inquiry.body.contains("interested") || inquiry.body.contains("keen"));

        let second = email(ActionKind::SecondInquiry, tone);
        assert!(second.body.contains("Tuesday 17 March"), "{}", second.body);
        assert!(second.body.contains("still being considered"));

        let documents = email(ActionKind::SendDocuments, tone);
        assert!(documents.body.contains("two references and a code sample"));

        let update = email(ActionKind::SendUpdate, tone);
        assert!(update.body.contains("cloud data engineering certification"));

        let offer = email(ActionKind::CompetingOffer, tone);
        assert!(offer.body.contains("Friday 27 March"), "{}", offer.body);
        assert!(offer.body.contains("Lumen Analytics"));
        for money in ["salary", "$", "€", "£", "pay", "compensation"] {
            assert!(!offer.body.to_lowercase().contains(money), "{money}");
        }

        let rejection = email(ActionKind::RejectionReply, tone);
        assert!(rejection.body.contains("feedback"));
        assert!(rejection.body.contains("future"));
        assert!(rejection.body.starts_with("Dear") || rejection.body.starts_with("Hello"));

        let offer_reply = email(ActionKind::OfferReply, tone);
        assert!(
            offer_reply.body.contains("Wednesday 1 April"),
            "{}",
            offer_reply.body
        );
        assert!(offer_reply.body.contains("writ"));

        let move_on = email(ActionKind::MoveOn, tone);
        assert_eq!(move_on.subject, None);
        assert_eq!(move_on.recipient.name, "");
        assert!(
            move_on.body.contains("Tuesday 17 March"),
            "{}",
            move_on.body
        );
        assert_eq!(move_on.plain_text(), move_on.body);
    }
}

#[test]
fn offer_without_deadline_asks_for_one() {
    let mut process = process();
    process.events.retain(|e| {
        !matches!(
            e.kind,
            EventKind::Offer { .. } | EventKind::CompetingOffer { .. }
        )
    });
    let reply = compose(
        &action(ActionKind::OfferReply, Channel::Email, Some(20), Some(21)),
        &process,
        &settings(),
    );
    assert!(reply.body.contains("by when"), "{}", reply.body);
    let competing = compose(
        &action(
            ActionKind::CompetingOffer,
            Channel::Email,
            Some(20),
            Some(21),
        ),
        &process,
        &settings(),
    );
    assert!(competing.body.contains("soon") && !competing.body.contains("27 March"));
}

#[test]
fn linkedin_notes_are_short() {
    for tone in Tone::ALL {
        for person in [11, 12] {
            let draft = compose_with_tone(
                &action(
                    ActionKind::LinkedinConnect,
                    Channel::Linkedin,
                    Some(10),
                    Some(person),
                ),
                &process(),
                &settings(),
                tone,
            );
            assert!(draft.body.chars().count() < 300, "{}", draft.body);
            let sentences = draft.body.matches(". ").count() + 1;
            assert!(sentences <= 2, "{}", draft.body);
            assert_eq!(draft.subject, None);
            assert!(draft.recipient.address.contains("linkedin.com"));
            assert_eq!(draft.plain_text(), draft.body);
        }
    }
}

#[test]
fn phone_scripts_follow_the_call_flow() {
    for tone in Tone::ALL {
        let draft = compose_with_tone(
            &action(
                ActionKind::StatusInquiry,
                Channel::Phone,
                Some(20),
                Some(21),
            ),
            &process(),
            &settings(),
            tone,
        );
        let body = &draft.body;
        let order = [
            "Sam Rivera",
            "decision been made",
            "If not yet",
            "still being considered",
            "When do you expect to decide",
            "a day or two after",
            "a week",
            "Close:",
        ];
        let mut from = 0;
        for cue in order {
            let found = body[from..]
                .find(cue)
                .unwrap_or_else(|| panic!("{cue:?} missing or out of order:\n{body}"));
            from += found;
        }
        assert_eq!(draft.subject, None);
        assert!(body.lines().count() <= 16);
    }
    let offer = compose(
        &action(
            ActionKind::CompetingOffer,
            Channel::Phone,
            Some(20),
            Some(21),
        ),
        &process(),
        &settings(),
    );
    assert!(offer.body.contains("Friday 27 March"));
}

#[test]
fn plain_text_and_mailto_carry_the_draft() {
    let draft = email(ActionKind::ThankYou, Tone::Warm);
    let subject = draft.subject.clone().expect("subject");
    assert_eq!(
        draft.plain_text(),
        format!("Subject: {subject}\n\n{}", draft.body)
    );
    let url = draft.mailto().expect("a short note fits in a mailto URL");
    let (to, parsed_subject, body) = common::parse_mailto(&url).expect("parses back");
    assert_eq!(to, "dana.whitfield@lumen.example");
    assert_eq!(parsed_subject, subject);
    assert_eq!(body, draft.body);
}

#[test]
fn edits_are_rechecked() {
    let process = process();
    let settings = settings();
    let action = action(ActionKind::ThankYou, Channel::Email, Some(10), Some(11));
    let mut draft = compose(&action, &process, &settings);
    let context = check_context(&action, &process, &settings);
    draft.body = draft.body.replace("Dear Dana,", "Dear Danna,") + " Gonna be great!! 🎉 the the";
    draft.recheck(&context);
    for expected in [
        Check::NameSpelling,
        Check::Slang,
        Check::Exclamation,
        Check::Emoji,
        Check::RepeatedWord,
    ] {
        assert!(
            draft.findings.iter().any(|f| f.check == expected),
            "{expected:?}: {:?}",
            draft.findings
        );
    }
}

proptest::proptest! {
    /// Odd user input (braces, brackets, emoji, blanks) never breaks composing.
    #[test]
    fn any_recorded_text_composes(name in "\\PC{0,20}", discussed in "\\PC{0,60}", notes in "\\PC{0,40}") {
        let mut process = process();
        process.rounds[0].interviewers[0].name = name;
        process.rounds[0].interviewers[0].discussed = discussed.clone();
        process.rounds[0].notes = notes;
        for kind in ActionKind::ALL {
            for channel in CHANNELS {
                let draft = compose(&action(kind, channel, Some(10), Some(11)), &process, &settings());
                proptest::prop_assert!(!draft.body.is_empty());
                if kind == ActionKind::ThankYou && channel == Channel::Email && discussed.trim().trim_end_matches(['.', '!', '?', ';', ',', ':']).trim().is_empty() {
                    proptest::prop_assert!(draft.findings.iter().any(|f| f.check == Check::Placeholder));
                }
            }
        }
    }
}

fn thank_you_to(process: &Process, person: u64, tone: Tone) -> Draft {
    let round = process
        .interviewer(InterviewerId(person))
        .map(|(round, _)| round.id.0);
    compose_with_tone(
        &action(ActionKind::ThankYou, Channel::Email, round, Some(person)),
        process,
        &settings(),
        tone,
    )
}

#[test]
fn greetings_use_titles_particles_scripts_and_drop_pronouns() {
    for (recorded, warm, concise) in [
        ("Dr. Amara Okonkwo", "Dear Dr Okonkwo,", "Hello Dr Okonkwo,"),
        (
            "Prof Jan van der Berg",
            "Dear Prof van der Berg,",
            "Hello Prof van der Berg,",
        ),
        (
            "Ms Anna Smith-Jones",
            "Dear Ms Smith-Jones,",
            "Hello Ms Smith-Jones,",
        ),
        ("Mx. Sam Lee (they/them)", "Dear Mx Lee,", "Hello Mx Lee,"),
        ("Jan van der Berg", "Dear Jan,", "Hello Jan,"),
        ("Mary-Kate O'Neil", "Dear Mary-Kate,", "Hello Mary-Kate,"),
        ("Madonna", "Dear Madonna,", "Hello Madonna,"),
        ("王芳", "Dear 王芳,", "Hello 王芳,"),
        ("Priya Raman (she/her)", "Dear Priya,", "Hello Priya,"),
    ] {
        let mut process = process();
        process.rounds[0].interviewers[0].name = recorded.to_string();
        let warm_draft = thank_you_to(&process, 11, Tone::Warm);
        let concise_draft = thank_you_to(&process, 11, Tone::Concise);
        assert!(warm_draft.body.starts_with(warm), "{}", warm_draft.body);
        assert!(
            concise_draft.body.starts_with(concise),
            "{}",
            concise_draft.body
        );
        assert!(!warm_draft.body.contains("she/her") && !warm_draft.body.contains("they/them"));
        assert!(
            warm_draft.findings.is_empty(),
            "{recorded}: {:?}",
            warm_draft.findings
        );
    }
}

#[test]
fn a_march_interview_with_marcus_is_not_a_misspelling() {
    let mut process = process();
    process.company = "AT&T".to_string();
    process.rounds[0].interviewers[0].name = "Marcus Webb".to_string();
    process.rounds[0].interviewers[1].name = "Callum Ong".to_string();
    for tone in Tone::ALL {
        for person in [11, 12] {
            let draft = thank_you_to(&process, person, tone);
            assert!(draft.body.contains("March"), "{}", draft.body);
            assert!(
                draft.findings.is_empty(),
                "{:?}\n{}",
                draft.findings,
                draft.body
            );
        }
    }
}

#[test]
fn typed_sentences_are_normalised_before_they_enter_a_note() {
    let mut process = process();
    process.rounds[0].interviewers[0].discussed =
        "Asked about my experience with dbt and Looker.".to_string();
    process.rounds[0].interviewers[0].to_tell = "I also hold a PMP certification".to_string();
    for tone in Tone::ALL {
        let draft = thank_you_to(&process, 11, tone);
        assert!(
            draft.body.contains("my experience with dbt and Looker"),
            "{}",
            draft.body
        );
        assert!(!draft.body.contains("Asked about"), "{}", draft.body);
        assert!(!draft.body.contains("about Asked"), "{}", draft.body);
        assert!(
            draft.body.contains("I hold a PMP certification"),
            "{}",
            draft.body
        );
        assert!(!draft.body.contains("also hold"), "{}", draft.body);
        assert!(!draft.body.contains(".."), "{}", draft.body);
    }
}

#[test]
fn the_emphasis_uses_the_users_own_words_and_claims_nothing() {
    let mut process = process();
    process.why_fit = "five years of Python; led the migration of 40 models to dbt".to_string();
    let draft = thank_you_to(&process, 21, Tone::Warm);
    assert!(
        draft.body.contains("five years of Python"),
        "{}",
        draft.body
    );
    assert!(
        draft
            .body
            .contains("I led the migration of 40 models to dbt"),
        "{}",
        draft.body
    );
    // Without it, nothing is asserted about what happened in the room.
    for kind in RoundKind::ALL {
        for tone in Tone::ALL {
            let mut plain = self::process();
            plain.rounds[1].kind = kind;
            let body = thank_you_to(&plain, 21, tone).body.to_lowercase();
            for claim in [
                "working through that problem",
                "takes its values",
                "you described",
                "you told me",
                "how seriously",
            ] {
                assert!(!body.contains(claim), "{kind:?} {tone:?}: {claim}\n{body}");
            }
        }
    }
}

#[test]
fn a_second_inquiry_names_the_first_and_a_reply_in_between() {
    let mut process = process();
    // The first inquiry went by phone.
    for event in &mut process.events {
        if let EventKind::MessageSent { channel, .. } = &mut event.kind {
            *channel = Channel::Phone;
        }
    }
    for tone in Tone::ALL {
        let draft = email(ActionKind::SecondInquiry, tone);
        assert!(draft.body.contains("Tuesday 17 March"), "{}", draft.body);
        let by_phone = compose_with_tone(
            &action(
                ActionKind::SecondInquiry,
                Channel::Email,
                Some(20),
                Some(21),
            ),
            &process,
            &settings(),
            tone,
        );
        assert!(
            by_phone.body.contains("phone") || by_phone.body.contains("call"),
            "{}",
            by_phone.body
        );
        assert!(!by_phone.body.contains("I wrote"), "{}", by_phone.body);
        assert!(by_phone.findings.is_empty(), "{:?}", by_phone.findings);
    }
    process.events.push(event(
        9,
        "2026-03-19T10:00:00+00:00",
        EventKind::ReplyReceived {
            from: Some(InterviewerId(21).into()),
        },
        "",
    ));
    let mut later = action(
        ActionKind::SecondInquiry,
        Channel::Email,
        Some(20),
        Some(21),
    );
    later.due = at("2026-03-30T10:00:00+00:00");
    for tone in Tone::ALL {
        let draft = compose_with_tone(&later, &process, &settings(), tone);
        assert!(
            draft.body.contains("reply on Thursday 19 March"),
            "{}",
            draft.body
        );
        assert!(draft.findings.is_empty(), "{:?}", draft.findings);
    }
}

#[test]
fn nothing_thanks_a_meeting_that_has_not_happened() {
    let mut process = Process::new(ProcessId(7), "Vireo Analytics", "Analytics engineer");
    process.applied_on = Some(date("2026-03-02"));
    for kind in [
        ActionKind::StatusInquiry,
        ActionKind::SecondInquiry,
        ActionKind::CompetingOffer,
    ] {
        for tone in Tone::ALL {
            let draft = compose_with_tone(
                &action(kind, Channel::Email, None, None),
                &process,
                &settings(),
                tone,
            );
            assert!(!draft.body.contains("interview date"), "{}", draft.body);
            assert!(!draft.body.contains("interviewed"), "{}", draft.body);
            assert!(!draft.body.contains("our conversation"), "{}", draft.body);
        }
    }
    // A round after the message is due is not referred to either.
    let mut future = self::process();
    future.rounds.retain(|round| round.id == RoundId(20));
    let draft = compose(
        &action(ActionKind::StatusInquiry, Channel::Email, None, Some(21)),
        &future,
        &settings(),
    );
    assert!(draft.body.contains("Tuesday 10 March"), "{}", draft.body);
}

#[test]
fn long_inputs_are_condensed_and_the_user_is_told() {
    let mut process = process();
    let person = &mut process.rounds[0].interviewers[0];
    person.discussed = "moving the nightly batch jobs to a streaming pipeline, which they want done by summer because the reports are late every Monday, and the hiring plan for the data team next year including two new seniors and a manager".to_string();
    person.detail = "the whiteboard covered in release dates going back to the first version of the product, with notes from every team that had worked on it over the years".to_string();
    person.to_tell = "I have run Kafka clusters in production for three years at two companies, including one with a very large volume of events every day across many regions".to_string();
    process.why_fit = "five years of Python and SQL in production systems; led the migration of forty models to dbt with tests; mentored four junior engineers through their first year; wrote the on-call handbook".to_string();
    for tone in Tone::ALL {
        let draft = thank_you_to(&process, 11, tone);
        let core_words = draft
            .body
            .split("\n\n")
            .skip(1)
            .take_while(|paragraph| !paragraph.ends_with(',') && !paragraph.contains("regards"))
            .map(|paragraph| paragraph.split_whitespace().count())
            .sum::<usize>();
        assert!(core_words <= 150, "{core_words} words:\n{}", draft.body);
        let shortened: Vec<_> = draft
            .findings
            .iter()
            .filter(|f| f.check == Check::Shortened)
            .collect();
        assert!(!shortened.is_empty(), "{:?}", draft.findings);
        // Editing keeps the note about what was left out.
        let mut edited = draft.clone();
        let mut tone_settings = settings();
        tone_settings.tone = tone;
        let round = Some(10);
        edited.recheck(&check_context(
            &action(ActionKind::ThankYou, Channel::Email, round, Some(11)),
            &process,
            &tone_settings,
        ));
        assert_eq!(edited.findings, draft.findings);
        assert!(shortened
            .iter()
            .all(|f| f.severity == afterview::core::writing::proofread::Severity::Info));
        assert!(
            draft
                .findings
                .iter()
                .all(|f| f.severity == afterview::core::writing::proofread::Severity::Info),
            "{:?}",
            draft.findings
        );
    }
}

#[test]
fn closing_lines_vary_across_processes() {
    let closings: std::collections::HashSet<String> = (1..=20)
        .map(|id| {
            let mut process = process();
            process.id = ProcessId(id);
            let draft = thank_you_to(&process, 21, Tone::Warm);
            let paragraphs: Vec<&str> = draft.body.split("\n\n").collect();
            paragraphs[paragraphs.len() - 2].to_string()
        })
        .collect();
    assert!(closings.len() >= 4, "{closings:?}");
}

#[test]
fn three_person_panel_in_both_tones() {
    let mut process = process();
    process.rounds[0].interviewers.push(person(
        13,
        "Dr. Amara Okonkwo",
        "amara.okonkwo@lumen.example",
        "How do they decide which dashboards to retire?",
    ));
    process.rounds[0].interviewers[1].detail = "Their team plays chess at lunch.".to_string();
    process.rounds[0].interviewers[0].to_tell =
        "forgot to mention my open-source loader".to_string();
    for tone in Tone::ALL {
        let drafts: Vec<Draft> = [11, 12, 13]
            .iter()
            .map(|id| thank_you_to(&process, *id, tone))
            .collect();
        for draft in &drafts {
            println!(
                "--- {tone:?} to {}\n{}\n",
                draft.recipient.name,
                draft.plain_text()
            );
            assert!(draft.findings.is_empty(), "{:?}", draft.findings);
        }
        for (i, a) in drafts.iter().enumerate() {
            for b in &drafts[i + 1..] {
                assert!(similarity(&a.body, &b.body) < 0.35);
            }
        }
    }
}

#[test]
fn long_logged_news_is_condensed_in_the_update() {
    let mut process = process();
    let long_news = format!(
        "I passed the cloud data engineering certification last week. {}",
        "I also finished a course on streaming systems and rebuilt my home lab with three more nodes so that I can test failover properly. ".repeat(4)
    );
    for event in &mut process.events {
        if matches!(event.kind, EventKind::UpdateRequested { .. }) {
            event.note = long_news.clone();
        }
    }
    for tone in Tone::ALL {
        let draft = compose_with_tone(
            &action(ActionKind::SendUpdate, Channel::Email, Some(20), Some(21)),
            &process,
            &settings(),
            tone,
        );
        assert!(
            draft
                .body
                .contains("I passed the cloud data engineering certification last week"),
            "{}",
            draft.body
        );
        assert!(!draft.body.contains("home lab"), "{}", draft.body);
        assert!(
            draft.findings.iter().any(|f| f.check == Check::Shortened),
            "{:?}",
            draft.findings
        );
        assert!(draft
            .findings
            .iter()
            .all(|f| f.severity == afterview::core::writing::proofread::Severity::Info));
    }
}

#[test]
fn typed_strengths_and_details_keep_sentence_case_mid_sentence() {
    use afterview::core::app::form::{writing_preview, WritingField};
    let fit = writing_preview(
        WritingField::WhyFit,
        "Six years of SQL and dbt; I cut the monthly close reporting from three days to four hours.",
    );
    assert!(
        fit.contains("I would bring six years of SQL and dbt"),
        "{fit}"
    );
    let detail = writing_preview(
        WritingField::Detail,
        "She mentioned the team is moving from Redshift to Snowflake next quarter.",
    );
    assert!(!detail.contains(": You"), "{detail}");
    assert!(detail.contains("Redshift to Snowflake"), "{detail}");
}

#[test]
fn a_panel_with_one_person_recorded_speaks_of_no_team_met_together() {
    let mut process = process();
    process.rounds[0].kind = RoundKind::Panel;
    process.rounds[0].interviewers.truncate(1);
    for tone in Tone::ALL {
        let id = process.rounds[0].interviewers[0].id.0;
        let draft = thank_you_to(&process, id, tone);
        for phrase in ["panel", "together", "several members", "people I met"] {
            assert!(!draft.body.contains(phrase), "{phrase}: {}", draft.body);
        }
    }
}
