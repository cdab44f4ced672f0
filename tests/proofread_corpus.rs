//! Proofreading measured on our own letters: recall on injected defects and
//! false alarms on well-written letters (tests/letters/*.txt).
// Native tests: the browser build runs tests/browser.rs instead.
#![cfg(not(target_arch = "wasm32"))]

use afterview::core::data::model::{ActionKind, Channel};
use afterview::core::writing::proofread::{check, Check, CheckContext, DraftText, Severity};

const GOOD: &str = include_str!("letters/good.txt");
const DEFECTS: &str = include_str!("letters/defects.txt");

fn kind_and_channel(kind: &str) -> (ActionKind, Channel) {
    match kind {
        "thank-you" => (ActionKind::ThankYou, Channel::Email),
        "linkedin" => (ActionKind::LinkedinConnect, Channel::Linkedin),
        "card" => (ActionKind::HandwrittenNote, Channel::Handwritten),
        "inquiry" => (ActionKind::StatusInquiry, Channel::Email),
        "documents" => (ActionKind::SendDocuments, Channel::Email),
        "update" => (ActionKind::SendUpdate, Channel::Email),
        "offer-reply" => (ActionKind::OfferReply, Channel::Email),
        "rejection" => (ActionKind::RejectionReply, Channel::Email),
        "competing" => (ActionKind::CompetingOffer, Channel::Email),
        other => panic!("unknown kind {other:?} in the letter corpus"),
    }
}

fn context(kind: &str, to: &str, about: &str, sender: &str) -> CheckContext {
    let (kind, channel) = kind_and_channel(kind);
    let mut context = CheckContext::new(kind, channel);
    context.interviewer_name = to.to_string();
    context.recipient_address = "someone@employer.example".to_string();
    context.material = about.to_string();
    context.known_names = vec![sender.to_string()];
    context
}

fn check_name(name: &str) -> Check {
    match name {
        "placeholder" => Check::Placeholder,
        "emoji" => Check::Emoji,
        "slang" => Check::Slang,
        "name-spelling" => Check::NameSpelling,
        "repeated-word" => Check::RepeatedWord,
        "exclamation" => Check::Exclamation,
        "flattery" => Check::Flattery,
        other => panic!("unknown check {other:?} in the defect corpus"),
    }
}

/// (to, kind, about, body) for every well-written letter.
fn good_letters() -> Vec<(String, String, String, String)> {
    let mut letters = Vec::new();
    for block in GOOD.split("=== ").skip(1) {
        let (header, body) = block.split_once('\n').expect("a header line");
        let field = |name: &str| {
            header
                .split(';')
                .find_map(|part| part.trim().strip_prefix(name))
                .map(|value| value.trim().to_string())
                .unwrap_or_default()
        };
        letters.push((
            field("to:"),
            field("kind:"),
            field("about:"),
            body.trim_end().to_string(),
        ));
    }
    letters
}

#[test]
fn well_written_letters_get_no_findings() {
    let letters = good_letters();
    assert!(letters.len() >= 40, "{} letters", letters.len());
    let mut false_alarms = Vec::new();
    for (to, kind, about, body) in &letters {
        let sender = body.lines().last().unwrap_or("");
        let findings = check(
            &DraftText {
                subject: "Thank you",
                body,
            },
            &context(kind, to, about, sender),
        );
        if !findings.is_empty() {
            false_alarms.push(format!("{to} ({kind}): {findings:?}"));
        }
    }
    println!(
        "proofreading false positives: {} of {} letters",
        false_alarms.len(),
        letters.len()
    );
    assert!(false_alarms.is_empty(), "{false_alarms:#?}");
}

#[test]
fn injected_defects_are_found() {
    let mut total = 0;
    let mut missed = Vec::new();
    for line in DEFECTS.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.splitn(3, " | ");
        let (Some(wanted), Some(to), Some(sentence)) =
            (fields.next(), fields.next(), fields.next())
        else {
            panic!("malformed defect line {line:?}");
        };
        let first = to.split_whitespace().next().unwrap_or(to);
        let body = format!(
            "Dear {first},\n\nThank you for our conversation on Tuesday about the plans for next year. {sentence}\n\nKind regards,\nSam Rivera"
        );
        let findings = check(
            &DraftText {
                subject: "Thank you",
                body: &body,
            },
            &context("thank-you", to, "the plans for next year", "Sam Rivera"),
        );
        total += 1;
        let wanted = check_name(wanted);
        let hit = findings
            .iter()
            .any(|f| f.check == wanted && f.severity <= Severity::Warning);
        if !hit {
            missed.push(format!("{wanted:?}: {sentence} -> {findings:?}"));
        }
    }
    assert!(total >= 60, "{total} defects");
    let recall = (total - missed.len()) as f64 / total as f64;
    println!(
        "proofreading recall: {:.1}% ({} of {total} defects found)",
        recall * 100.0,
        total - missed.len()
    );
    assert!(recall >= 0.95, "recall {recall:.3}, missed {missed:#?}");
}
