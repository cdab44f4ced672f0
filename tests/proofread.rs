//! Each proofreading check, with a text it must catch and one it must leave alone.
// Native tests: the browser build runs tests/browser.rs instead.
#![cfg(not(target_arch = "wasm32"))]

use afterview::core::data::model::{ActionKind, Channel};
use afterview::core::writing::proofread::{
    check, similarity, Check, CheckContext, DraftText, Field, Finding, Severity,
    NEAR_DUPLICATE_THRESHOLD,
};

const CLEAN: &str = "Dear Dana,\n\nThank you for meeting me on Tuesday. I enjoyed our talk about the streaming pipeline and the nightly batch jobs.\n\nKind regards,\nSam Rivera";

fn context(kind: ActionKind) -> CheckContext {
    let mut context = CheckContext::new(kind, Channel::Email);
    context.interviewer_name = "Dana Whitfield".to_string();
    context.recipient_address = "dana@lumen.example".to_string();
    context.material = "moving the nightly batch jobs to a streaming pipeline".to_string();
    context.known_names = vec!["Sam Rivera".to_string(), "Lumen Analytics".to_string()];
    context
}

fn run(body: &str, kind: ActionKind) -> Vec<Finding> {
    check(
        &DraftText {
            subject: "Thank you: data engineer interview",
            body,
        },
        &context(kind),
    )
}

fn found(findings: &[Finding], wanted: Check) -> Vec<&Finding> {
    findings.iter().filter(|f| f.check == wanted).collect()
}

/// The text of the first finding of `wanted` in `body`.
fn flagged<'a>(body: &'a str, findings: &[Finding], wanted: Check) -> &'a str {
    let finding = found(findings, wanted)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{wanted:?} not found in {findings:?}"));
    let span = finding.span.clone().expect("this check has a place");
    &body[span]
}

#[test]
fn a_clean_note_has_no_findings() {
    assert_eq!(run(CLEAN, ActionKind::ThankYou), vec![]);
}

#[test]
fn placeholders_are_errors_with_their_span() {
    let body = CLEAN.replace("Tuesday", "[interview date]");
    let findings = run(&body, ActionKind::ThankYou);
    assert_eq!(
        flagged(&body, &findings, Check::Placeholder),
        "[interview date]"
    );
    assert_eq!(
        found(&findings, Check::Placeholder)[0].severity,
        Severity::Error
    );
    // An unclosed bracket runs to the end of its line.
    let unclosed = CLEAN.replace("Tuesday", "[date");
    let findings = run(&unclosed, ActionKind::ThankYou);
    let span = flagged(&unclosed, &findings, Check::Placeholder);
    assert!(
        span.starts_with("[date") && span.ends_with("batch jobs."),
        "{span}"
    );
    let in_subject = check(
        &DraftText {
            subject: "Thank you: [role]",
            body: CLEAN,
        },
        &context(ActionKind::ThankYou),
    );
    let finding = found(&in_subject, Check::Placeholder)[0];
    assert_eq!(finding.field, Field::Subject);
    assert_eq!(finding.span, Some(11..17));
}

#[test]
fn empty_required_fields_are_reported() {
    let mut no_address = context(ActionKind::ThankYou);
    no_address.recipient_address.clear();
    let findings = check(
        &DraftText {
            subject: "",
            body: CLEAN,
        },
        &no_address,
    );
    let missing = found(&findings, Check::MissingField);
    assert_eq!(missing.len(), 2, "{findings:?}");
    assert!(missing.iter().any(|f| f.field == Field::Subject));
    assert!(missing.iter().any(|f| f.message.contains("Dana Whitfield")));
    let empty = run("   ", ActionKind::StatusInquiry);
    assert!(!found(&empty, Check::MissingField).is_empty());
    // A card has no subject and no address, and needs neither.
    let mut card = context(ActionKind::HandwrittenNote);
    card.channel = Channel::Handwritten;
    card.recipient_address.clear();
    assert_eq!(
        check(
            &DraftText {
                subject: "",
                body: CLEAN
            },
            &card
        ),
        vec![]
    );
}

#[test]
fn slang_and_text_speak_are_caught_as_whole_words() {
    let body = CLEAN.replace("I enjoyed", "I'm gonna say u were great, thx, I enjoyed");
    let findings = run(&body, ActionKind::ThankYou);
    let words: Vec<&str> = found(&findings, Check::Slang)
        .iter()
        .map(|f| &body[f.span.clone().expect("span")])
        .collect();
    assert_eq!(words, ["gonna", "u", "thx"]);
    // "u" inside a word, "Thanks" and "usually" are fine.
    let fine = CLEAN.replace("I enjoyed", "Thanks again; I usually enjoy and I enjoyed");
    assert!(found(&run(&fine, ActionKind::ThankYou), Check::Slang).is_empty());
}

#[test]
fn emoji_and_emoticons_are_caught() {
    let body = CLEAN.replace("jobs.", "jobs 🎉👍🏽 :)");
    let findings = run(&body, ActionKind::ThankYou);
    let emoji = found(&findings, Check::Emoji);
    assert_eq!(emoji.len(), 2, "{findings:?}");
    assert_eq!(flagged(&body, &findings, Check::Emoji), "🎉👍🏽");
    assert_eq!(&body[emoji[1].span.clone().expect("span")], ":)");
    let fine = CLEAN.replace("Tuesday", "Tuesday (10:30)");
    assert!(found(&run(&fine, ActionKind::ThankYou), Check::Emoji).is_empty());
    let accents = CLEAN.replace("Dana", "Dána");
    assert!(found(&run(&accents, ActionKind::ThankYou), Check::Emoji).is_empty());
}

#[test]
fn more_than_one_exclamation_mark_is_flagged() {
    let body = CLEAN.replace("jobs.", "jobs!!");
    let findings = run(&body, ActionKind::ThankYou);
    assert_eq!(flagged(&body, &findings, Check::Exclamation), "!");
    let apart = CLEAN
        .replace("Tuesday.", "Tuesday!")
        .replace("jobs.", "jobs!");
    assert!(!found(&run(&apart, ActionKind::ThankYou), Check::Exclamation).is_empty());
    let one = CLEAN.replace("jobs.", "jobs!");
    assert!(found(&run(&one, ActionKind::ThankYou), Check::Exclamation).is_empty());
}

#[test]
fn too_long_depends_on_the_kind() {
    let inquiry = "Dear Dana,\n\nI interviewed on Tuesday. I am still keen. Is there news? I hope so. Thanks again.\n\nKind regards,\nSam";
    assert!(!found(&run(inquiry, ActionKind::StatusInquiry), Check::TooLong).is_empty());
    let short = "Dear Dana,\n\nI interviewed on Tuesday for the data role and I am still keen. Is there any news?\n\nKind regards,\nSam";
    assert!(found(&run(short, ActionKind::StatusInquiry), Check::TooLong).is_empty());

    let padding = " The streaming pipeline work sounded great.".repeat(25);
    let long_note = CLEAN.replace("batch jobs.", &format!("batch jobs.{padding}"));
    assert!(!found(&run(&long_note, ActionKind::ThankYou), Check::TooLong).is_empty());

    let mut linkedin = context(ActionKind::LinkedinConnect);
    linkedin.channel = Channel::Linkedin;
    let note = format!(
        "Hi Dana, thanks for the talk about the streaming pipeline.{}",
        " More.".repeat(45)
    );
    let findings = check(
        &DraftText {
            subject: "",
            body: &note,
        },
        &linkedin,
    );
    assert!(
        !found(&findings, Check::TooLong).is_empty(),
        "{}",
        note.len()
    );
    let brief = "Hi Dana, thanks for the talk about the streaming pipeline. Glad to stay in touch.";
    assert_eq!(
        check(
            &DraftText {
                subject: "",
                body: brief
            },
            &linkedin
        ),
        vec![]
    );
}

#[test]
fn a_note_without_anything_specific_is_generic() {
    let generic = "Dear Dana,\n\nThank you for your time on Tuesday. I enjoyed meeting you and I am very interested in the role.\n\nKind regards,\nSam Rivera";
    assert!(!found(&run(generic, ActionKind::ThankYou), Check::Generic).is_empty());
    // Word forms differ ("pipelines", "batch") and still count as specific.
    let specific = generic.replace("meeting you", "hearing about your pipelines and batch work");
    assert!(found(&run(&specific, ActionKind::ThankYou), Check::Generic).is_empty());
    // Inquiries are not expected to quote the conversation.
    assert!(found(&run(generic, ActionKind::StatusInquiry), Check::Generic).is_empty());
}

#[test]
fn a_misspelt_interviewer_name_is_caught() {
    for (typo, expected) in [
        ("Danna", "Danna"),
        ("Dnaa", "Dnaa"),
        ("Whitfeld", "Whitfeld"),
    ] {
        let body = CLEAN.replace("Dana", typo);
        let findings = run(&body, ActionKind::ThankYou);
        assert_eq!(flagged(&body, &findings, Check::NameSpelling), expected);
    }
    // The right spelling, the user's own name, other words and lower-case text are fine.
    let fine = CLEAN.replace(
        "Tuesday",
        "Tuesday with Sam from Lumen Analytics, and Whitfield about data",
    );
    assert!(found(&run(&fine, ActionKind::ThankYou), Check::NameSpelling).is_empty());
}

#[test]
fn repeated_words_and_double_spaces() {
    let body = CLEAN.replace("about the streaming", "about the The streaming");
    let findings = run(&body, ActionKind::ThankYou);
    assert_eq!(flagged(&body, &findings, Check::RepeatedWord), "the The");
    let spaced = CLEAN.replace("our talk", "our  talk");
    let findings = run(&spaced, ActionKind::ThankYou);
    assert_eq!(flagged(&spaced, &findings, Check::DoubleSpace), "  ");
    assert_eq!(
        found(&findings, Check::DoubleSpace)[0].severity,
        Severity::Hint
    );
    // Indented lines and "that. That" across a full stop are fine.
    let indented = CLEAN
        .replace("Kind regards", "   Kind regards")
        .replace("Tuesday.", "Tuesday. Tuesday was good.");
    let findings = run(&indented, ActionKind::ThankYou);
    assert!(
        found(&findings, Check::DoubleSpace).is_empty()
            && found(&findings, Check::RepeatedWord).is_empty()
    );
}

#[test]
fn letters_need_a_greeting_and_a_sign_off() {
    let bare = "Thank you for meeting me. I enjoyed the streaming pipeline talk.\n\nSam";
    let findings = run(bare, ActionKind::ThankYou);
    assert!(!found(&findings, Check::MissingGreeting).is_empty());
    assert!(!found(&findings, Check::MissingSignOff).is_empty());
    let mut phone = context(ActionKind::StatusInquiry);
    phone.channel = Channel::Phone;
    let findings = check(
        &DraftText {
            subject: "",
            body: bare,
        },
        &phone,
    );
    assert!(found(&findings, Check::MissingGreeting).is_empty());
    let hello = CLEAN
        .replace("Dear Dana,", "Hello Dana,")
        .replace("Kind regards,", "Best wishes,");
    assert_eq!(run(&hello, ActionKind::ThankYou), vec![]);
}

#[test]
fn piled_up_superlatives_are_flattery() {
    let body = CLEAN.replace(
        "I enjoyed",
        "It was an amazing, incredible and outstanding day. I enjoyed",
    );
    let findings = run(&body, ActionKind::ThankYou);
    assert_eq!(
        flagged(&body, &findings, Check::Flattery),
        "amazing, incredible and outstanding"
    );
    // Two, plus "Best regards" as a sign-off, is not flattery.
    let mild = CLEAN
        .replace(
            "I enjoyed",
            "It was an amazing and outstanding day. I enjoyed",
        )
        .replace("Kind regards", "Best regards");
    assert!(found(&run(&mild, ActionKind::ThankYou), Check::Flattery).is_empty());
}

#[test]
fn near_duplicates_of_a_sibling_are_flagged() {
    let mut with_sibling = context(ActionKind::ThankYou);
    with_sibling.sibling_bodies = vec![CLEAN.replace("Dana", "Lee")];
    let findings = check(
        &DraftText {
            subject: "Thanks",
            body: CLEAN,
        },
        &with_sibling,
    );
    assert!(!found(&findings, Check::NearDuplicate).is_empty());
    with_sibling.sibling_bodies = vec!["Dear Lee,\n\nThank you for explaining how the on-call rotation works across teams; the incident reviews sounded thorough.\n\nKind regards,\nSam Rivera".to_string()];
    let findings = check(
        &DraftText {
            subject: "Thanks",
            body: CLEAN,
        },
        &with_sibling,
    );
    assert!(found(&findings, Check::NearDuplicate).is_empty());
}

#[test]
fn similarity_threshold_separates_copies_from_different_notes() {
    let copy = CLEAN.replace("Dana", "Lee");
    assert!(similarity(CLEAN, &copy) >= NEAR_DUPLICATE_THRESHOLD);
    assert!(
        similarity(
            CLEAN,
            "Hello Lee, the on-call rotation talk was useful. Regards, Sam"
        ) < NEAR_DUPLICATE_THRESHOLD
    );
    assert_eq!(similarity(CLEAN, CLEAN), 1.0);
}

#[test]
fn findings_are_sorted_by_severity() {
    let body = CLEAN
        .replace("Tuesday", "[date]")
        .replace("our talk", "our  talk")
        + " gonna";
    let findings = run(&body, ActionKind::ThankYou);
    let severities: Vec<Severity> = findings.iter().map(|f| f.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort();
    assert_eq!(severities, sorted);
    assert_eq!(severities.first(), Some(&Severity::Error));
}

#[test]
fn checking_a_long_text_stays_fast() {
    let body = CLEAN.repeat(2000);
    let started = std::time::Instant::now();
    let findings = run(&body, ActionKind::ThankYou);
    let elapsed = started.elapsed();
    assert!(!findings.is_empty());
    println!("checked {} bytes in {elapsed:?}", body.len());
    assert!(elapsed.as_secs() < 5, "{elapsed:?}");
}

proptest::proptest! {
    /// Whatever the user types, checking never panics and every span is a valid slice.
    #[test]
    fn any_text_is_checked_without_panicking(body in "(\\PC|\n| ){0,200}", subject in "\\PC{0,30}") {
        for kind in ActionKind::ALL {
            let mut ctx = context(kind);
            ctx.sibling_bodies = vec![body.chars().rev().collect()];
            for finding in check(&DraftText { subject: &subject, body: &body }, &ctx) {
                if let Some(span) = finding.span {
                    let text = if finding.field == Field::Subject { &subject } else { &body };
                    proptest::prop_assert!(text.get(span.clone()).is_some(), "{span:?}");
                }
            }
        }
    }
}
