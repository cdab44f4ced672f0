//! Proofreading: fast checks on a draft (generated or edited) that say what to fix and where.
//!
//! `check` runs on every keystroke in the editor, so every check is a single
//! pass over the text (plus small per-word work); nothing is quadratic in the
//! length of the draft.

use crate::core::sort;
use std::collections::HashSet;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::core::data::model::{ActionKind, Channel};

pub(crate) mod names;
mod pictographic;
mod text;

pub use pictographic::is_extended_pictographic;
pub use text::similarity;
use text::{tokens, Token};

/// Two drafts whose word-trigram Jaccard similarity reaches this are near-duplicates.
pub const NEAR_DUPLICATE_THRESHOLD: f64 = 0.5;
/// A thank-you note (email or card) longer than this many words reads like a cover letter.
pub const THANK_YOU_MAX_WORDS: usize = 150;
/// Other letters (offer, rejection, documents, update) stay short too.
pub const LETTER_MAX_WORDS: usize = 200;
/// A status inquiry is two or three sentences.
pub const INQUIRY_MAX_SENTENCES: usize = 3;
/// LinkedIn refuses longer connection notes.
pub const LINKEDIN_MAX_CHARS: usize = 300;
/// This many superlatives in one message reads as flattery.
pub const FLATTERY_LIMIT: usize = 3;

/// Which proofreading rule produced a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    /// A `[...]` placeholder is still in the text.
    Placeholder,
    /// A field the message needs is empty (subject, body, recipient address).
    MissingField,
    /// Slang or text-speak ("gonna", "thx", "u").
    Slang,
    /// An emoji or a text emoticon.
    Emoji,
    /// More than one exclamation mark.
    Exclamation,
    /// Too long for its kind.
    TooLong,
    /// Nothing from the interview itself is mentioned.
    Generic,
    /// A word that looks like a misspelling of the interviewer's name.
    NameSpelling,
    /// The same word twice in a row.
    RepeatedWord,
    /// Two or more spaces between words.
    DoubleSpace,
    /// A letter without a greeting line.
    MissingGreeting,
    /// A letter without a sign-off.
    MissingSignOff,
    /// Superlatives piled up.
    Flattery,
    /// Nearly the same text as another interviewer's draft of the same round.
    NearDuplicate,
    /// Something the user typed was shortened to keep the message to its length.
    Shortened,
}

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Do not send as is.
    Error,
    /// Likely to hurt the impression.
    Warning,
    /// Cosmetic.
    Hint,
    /// Nothing to fix: says what the draft did with the user's input.
    Info,
}

/// The part of the draft a finding points into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    Subject,
    #[default]
    Body,
}

/// One problem found in a draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub check: Check,
    pub severity: Severity,
    /// Says what is wrong and how to fix it.
    pub message: String,
    /// Which text `span` indexes (the body unless stated).
    #[serde(default)]
    pub field: Field,
    /// Byte offsets into that text, when the problem has a place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Range<usize>>,
}

impl Finding {
    fn new(check: Check, severity: Severity, message: String) -> Self {
        Finding {
            check,
            severity,
            message,
            field: Field::Body,
            span: None,
        }
    }

    fn at(mut self, span: Range<usize>) -> Self {
        self.span = Some(span);
        self
    }

    fn in_subject(mut self) -> Self {
        self.field = Field::Subject;
        self
    }
}

/// The editable text of a draft: what the user sees in the subject and body fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct DraftText<'a> {
    /// Empty when the message has no subject (LinkedIn, card, phone script).
    pub subject: &'a str,
    pub body: &'a str,
}

/// What a draft is checked against; built once per draft, reused on every edit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckContext {
    pub kind: ActionKind,
    pub channel: Channel,
    /// The interviewer's name as in the contact record; empty when unknown.
    #[serde(default)]
    pub interviewer_name: String,
    /// What that interviewer discussed plus the round's notes: the specific material.
    #[serde(default)]
    pub material: String,
    /// Where the message goes (email address, profile); checked for email only.
    #[serde(default)]
    pub recipient_address: String,
    /// Names that are spelled right even though they resemble the interviewer's
    /// (the user, the company, other interviewers).
    #[serde(default)]
    pub known_names: Vec<String>,
    /// Bodies of the other interviewers' drafts of the same kind in the same round.
    #[serde(default)]
    pub sibling_bodies: Vec<String>,
    /// What composing shortened (one line each), reported as information.
    #[serde(default)]
    pub shortened: Vec<String>,
}

impl CheckContext {
    /// A context with nothing but the message kind and channel.
    pub fn new(kind: ActionKind, channel: Channel) -> Self {
        CheckContext {
            kind,
            channel,
            interviewer_name: String::new(),
            material: String::new(),
            recipient_address: String::new(),
            known_names: Vec::new(),
            sibling_bodies: Vec::new(),
            shortened: Vec::new(),
        }
    }

    /// A note to self (closing a process) has no reader to impress.
    fn is_note_to_self(&self) -> bool {
        self.kind == ActionKind::MoveOn
    }

    fn is_script(&self) -> bool {
        self.channel == Channel::Phone
    }

    /// Letters (email, card) need a greeting and a sign-off.
    fn is_letter(&self) -> bool {
        matches!(self.channel, Channel::Email | Channel::Handwritten)
            && !self.is_note_to_self()
            && self.kind != ActionKind::LinkedinConnect
    }

    /// Thank-you style notes must mention something from the conversation.
    fn is_personal_note(&self) -> bool {
        matches!(
            self.kind,
            ActionKind::ThankYou | ActionKind::LinkedinConnect | ActionKind::HandwrittenNote
        )
    }
}

/// Runs every check on `text` and returns the findings, most severe first.
pub fn check(text: &DraftText, context: &CheckContext) -> Vec<Finding> {
    let body = text.body;
    let words = tokens(body);
    let layout = Layout::of(body);
    let mut findings = Vec::new();

    check_required_fields(text, context, &mut findings);
    check_placeholders(body, Field::Body, &mut findings);
    check_placeholders(text.subject, Field::Subject, &mut findings);
    check_slang(body, &words, Field::Body, &mut findings);
    check_slang(
        text.subject,
        &tokens(text.subject),
        Field::Subject,
        &mut findings,
    );
    check_emoji(body, Field::Body, &mut findings);
    check_emoji(text.subject, Field::Subject, &mut findings);
    check_exclamations(body, &mut findings);
    check_repeated_words(body, &words, &mut findings);
    check_double_spaces(body, &mut findings);
    check_flattery(body, &words, &layout, &mut findings);
    if !context.is_script() && !context.is_note_to_self() {
        check_length(body, &words, &layout, context, &mut findings);
    }
    if !context.is_note_to_self() {
        check_name_spelling(body, &words, context, &mut findings);
    }
    if context.is_letter() {
        check_greeting_and_sign_off(&layout, &mut findings);
    }
    if context.is_personal_note() {
        check_generic(&words, body, context, &mut findings);
        if !context.is_script() {
            // Call scripts share their cue lines by design.
            check_near_duplicates(body, &layout, context, &mut findings);
        }
    }

    for what in &context.shortened {
        findings.push(Finding::new(
            Check::Shortened,
            Severity::Info,
            format!(
                "Shortened to keep the message brief: {what}. Edit the draft if you want it back."
            ),
        ));
    }

    sort::sort_by_key(&mut findings, |finding| {
        (
            finding.severity,
            finding.field == Field::Body,
            finding.span.as_ref().map_or(0, |span| span.start),
        )
    });
    findings
}

/// Where the greeting line, the message proper and the sign-off sit in a body.
struct Layout {
    has_greeting: bool,
    has_sign_off: bool,
    /// Byte range of the message proper: after the greeting line, before the sign-off.
    core: Range<usize>,
}

const GREETINGS: [&str; 9] = [
    "dear",
    "hello",
    "hi",
    "good morning",
    "good afternoon",
    "good evening",
    "greetings",
    "to whom",
    "hey",
];

const SIGN_OFFS: [&str; 50] = [
    "best regards",
    "kind regards",
    "kindest regards",
    "warm regards",
    "warmest regards",
    "regards",
    "best",
    "best wishes",
    "warm wishes",
    "with best wishes",
    "all the best",
    "all best",
    "sincerely",
    "yours sincerely",
    "sincerely yours",
    "yours faithfully",
    "faithfully",
    "yours truly",
    "respectfully",
    "respectfully yours",
    "thank you",
    "thank you again",
    "thank you so much",
    "thank you very much",
    "thank you for your time",
    "thanks",
    "thanks again",
    "thanks so much",
    "thanks very much",
    "many thanks",
    "many thanks again",
    "with thanks",
    "with many thanks",
    "with gratitude",
    "with appreciation",
    "with warm wishes",
    "gratefully",
    "warmly",
    "cordially",
    "cheers",
    "yours",
    "take care",
    "talk soon",
    "speak soon",
    "looking forward to hearing from you",
    "looking forward to speaking with you",
    "i look forward to hearing from you",
    "hope to hear from you soon",
    "with many thanks and best wishes",
    "best regards and thanks",
];

/// Words that make a short closing line a sign-off even in a wording not
/// listed above ("With kind regards," "Warmest thanks,").
const SIGN_OFF_WORDS: [&str; 10] = [
    "regards",
    "wishes",
    "thanks",
    "thank",
    "sincerely",
    "gratitude",
    "appreciation",
    "faithfully",
    "warmly",
    "best",
];

/// A sign-off line: a listed closing, or a short line ending in a comma made
/// of closing words ("With kind regards,").
fn is_sign_off(line: &str) -> bool {
    let trimmed = line.trim();
    let bare = trimmed.trim_end_matches([',', '.', '!']).to_lowercase();
    if SIGN_OFFS.contains(&bare.as_str()) {
        return true;
    }
    let words: Vec<&str> = bare.split_whitespace().collect();
    trimmed.ends_with(',')
        && (2..=5).contains(&words.len())
        && words.iter().any(|word| SIGN_OFF_WORDS.contains(word))
        && bare
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '\'')
}

impl Layout {
    fn of(body: &str) -> Self {
        let mut lines = Vec::new();
        let mut start = 0;
        for line in body.split('\n') {
            lines.push(start..start + line.len());
            start += line.len() + 1;
        }
        let line_text = |range: &Range<usize>| body[range.clone()].trim();

        let first = lines.iter().find(|range| !line_text(range).is_empty());
        let mut has_greeting = false;
        let mut core_start = 0;
        if let Some(range) = first {
            let line = line_text(range).to_lowercase();
            has_greeting = GREETINGS
                .iter()
                .any(|greeting| starts_with_word(&line, greeting));
            // Only a short line of its own is a greeting line ("Dear Dana,"); a
            // LinkedIn note starts with "Hi Dana, ..." and keeps going.
            if has_greeting && line.len() <= 60 && (line.ends_with(',') || line.ends_with(':')) {
                core_start = range.end.min(body.len());
            }
        }

        let sign_off = lines
            .iter()
            .rev()
            .take(12)
            .find(|range| range.start >= core_start && is_sign_off(line_text(range)));
        let has_sign_off = sign_off.is_some();
        let core_end = sign_off.map_or(body.len(), |range| range.start.max(core_start));
        Layout {
            has_greeting,
            has_sign_off,
            core: core_start..core_end,
        }
    }
}

fn starts_with_word(line: &str, word: &str) -> bool {
    line.strip_prefix(word)
        .is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()))
}

fn check_required_fields(text: &DraftText, context: &CheckContext, out: &mut Vec<Finding>) {
    if text.body.trim().is_empty() {
        out.push(Finding::new(
            Check::MissingField,
            Severity::Error,
            "The message is empty: write the body or restore the draft.".to_string(),
        ));
    }
    if context.channel == Channel::Email && !context.is_note_to_self() {
        if text.subject.trim().is_empty() {
            out.push(
                Finding::new(
                    Check::MissingField,
                    Severity::Warning,
                    "Add a subject line that names you or the role.".to_string(),
                )
                .in_subject(),
            );
        }
        if context.recipient_address.trim().is_empty() {
            let who = if context.interviewer_name.trim().is_empty() {
                "the recipient".to_string()
            } else {
                context.interviewer_name.trim().to_string()
            };
            out.push(Finding::new(
                Check::MissingField,
                Severity::Error,
                format!("There is no email address for {who}: add it to the contact record."),
            ));
        }
    }
}

fn check_placeholders(text: &str, field: Field, out: &mut Vec<Finding>) {
    let mut push = |range: Range<usize>, message: String| {
        let mut finding = Finding::new(Check::Placeholder, Severity::Error, message).at(range);
        finding.field = field;
        out.push(finding);
    };
    let bytes = text.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        let (open, close) = match bytes[index] {
            b'[' => (b'[', b']'),
            b'{' => (b'{', b'}'),
            b'<' => (b'<', b'>'),
            b'_' => {
                // A blank to fill in: two underscores or more.
                let run = bytes[index..].iter().take_while(|&&b| b == b'_').count();
                if run >= 2 {
                    push(
                        index..index + run,
                        "Fill in the blank line ____ with the real detail.".to_string(),
                    );
                }
                index += run;
                continue;
            }
            _ => {
                index += 1;
                continue;
            }
        };
        let line_end = text[index..]
            .find('\n')
            .map_or(text.len(), |offset| index + offset);
        let closing = text[index..line_end]
            .find(char::from(close))
            .map(|offset| index + offset + 1);
        if open == b'[' {
            // A square placeholder ends at its `]`; an unclosed one at the end of its line.
            let end = closing.unwrap_or(line_end);
            let inside = text[index..end].trim_matches(['[', ']']).trim();
            let message = if inside.is_empty() {
                "Remove the empty brackets or fill them in.".to_string()
            } else {
                format!("Replace the placeholder [{inside}] with the real detail.")
            };
            push(index..end, message);
            index = end.max(index + 1);
            continue;
        }
        // `{name}` and `<Your Name>` only count when closed on the line and made
        // of words: "<3", "a < b" and "<sam@example.org>" are not placeholders.
        match closing {
            Some(end) if is_slot_name(&text[index + 1..end - 1]) => {
                push(
                    index..end,
                    format!(
                        "Replace the placeholder {} with the real detail.",
                        &text[index..end]
                    ),
                );
                index = end;
            }
            _ => index += 1,
        }
    }
    // Marker words writers leave for themselves. "TK" before a capitalised
    // word is part of a name ("TK Maxx"), not a marker.
    let words = tokens(text);
    for (index, word) in words.iter().enumerate() {
        let value = word.text(text);
        let starts_name = words.get(index + 1).is_some_and(|next| {
            next.text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        }) && text[word.range.end..]
            .chars()
            .next()
            .is_some_and(|c| c == ' ');
        let marker = (value == "TK" && !starts_name)
            || matches!(value, "TODO" | "TBD" | "TKTK" | "FIXME" | "XX")
            || value.eq_ignore_ascii_case("todo")
            || (value.chars().count() >= 3 && value.chars().all(|c| c == 'x' || c == 'X'));
        if marker {
            push(
                word.range.clone(),
                format!(
                    "\"{value}\" marks something still to write: replace it with the real detail."
                ),
            );
        }
    }
}

/// The inside of `{...}` or `<...>` that reads as a slot to fill ("name", "Your Name", "company_name").
fn is_slot_name(inside: &str) -> bool {
    let inside = inside.trim();
    !inside.is_empty()
        && inside.chars().count() <= 40
        && inside.chars().any(char::is_alphabetic)
        && inside
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-' | '\'' | '.'))
}

/// Casual words and text-speak, with what to write instead. Matched as whole
/// words, ignoring case (except the single letters in [`LOWER_CASE_ONLY`]).
const SLANG: [(&str, &str); 90] = [
    ("gonna", "going to"),
    ("wanna", "want to"),
    ("gotta", "have to"),
    ("kinda", "somewhat"),
    ("sorta", "somewhat"),
    ("dunno", "do not know"),
    ("lemme", "let me"),
    ("gimme", "give me"),
    ("u", "you"),
    ("ur", "your"),
    ("r", "are"),
    ("ya", "you"),
    ("y'all", "you all"),
    ("thx", "thank you"),
    ("thanx", "thank you"),
    ("tnx", "thank you"),
    ("ty", "thank you"),
    ("tysm", "thank you"),
    ("tyvm", "thank you"),
    ("pls", "please"),
    ("plz", "please"),
    ("plss", "please"),
    ("asap", "as soon as possible"),
    ("ppl", "people"),
    ("msg", "message"),
    ("txt", "message"),
    ("abt", "about"),
    ("bc", "because"),
    ("tho", "though"),
    ("thru", "through"),
    ("rly", "really"),
    ("srsly", "seriously"),
    ("prob", "probably"),
    ("probs", "probably"),
    ("obvs", "obviously"),
    ("tmrw", "tomorrow"),
    ("tmr", "tomorrow"),
    ("2moro", "tomorrow"),
    ("2day", "today"),
    ("convo", "conversation"),
    ("lol", "nothing"),
    ("lmao", "nothing"),
    ("rofl", "nothing"),
    ("omg", "nothing"),
    ("smh", "nothing"),
    ("jk", "nothing"),
    ("ikr", "nothing"),
    ("nvm", "nothing"),
    ("brb", "nothing"),
    ("btw", "by the way"),
    ("imo", "in my view"),
    ("imho", "in my view"),
    ("tbh", "to be honest"),
    ("ngl", "to be honest"),
    ("idk", "I do not know"),
    ("fyi", "for your information"),
    ("afaik", "as far as I know"),
    ("iirc", "if I remember correctly"),
    ("rn", "now"),
    ("np", "no problem"),
    ("nah", "no"),
    ("cos", "because"),
    ("cuz", "because"),
    ("coz", "because"),
    ("b4", "before"),
    ("gr8", "great"),
    ("l8r", "later"),
    ("ttyl", "talk soon"),
    ("cya", "see you"),
    ("k", "all right"),
    ("kk", "all right"),
    ("yeah", "yes"),
    ("yep", "yes"),
    ("nope", "no"),
    ("hey", "hello"),
    ("awesome", "a more measured word"),
    ("cool", "a more measured word"),
    ("sry", "sorry"),
    ("srry", "sorry"),
    ("thnx", "thank you"),
    ("thks", "thank you"),
    ("ofc", "of course"),
    ("wdyt", "what do you think"),
    ("tbf", "to be fair"),
    ("idc", "nothing"),
    ("luv", "nothing"),
    ("w8", "wait"),
    ("cu", "see you"),
    ("omw", "on my way"),
    ("hmu", "get in touch"),
];

/// Text-speak only in lower case: in capitals they are initials or names
/// ("U.S.", "R", "Ty", "BC", "RN", "NP-hard").
const LOWER_CASE_ONLY: [&str; 8] = ["u", "r", "k", "ty", "bc", "rn", "np", "cu"];

fn check_slang(text: &str, words: &[Token], field: Field, out: &mut Vec<Finding>) {
    for word in words {
        let original = word.text(text);
        let lower = original.to_lowercase().replace('\u{2019}', "'");
        if LOWER_CASE_ONLY.contains(&lower.as_str()) && original != lower {
            continue;
        }
        // "k" and "u" between digits or after a dot are units or initials ("5k", "J. K.").
        let before = text[..word.range.start].chars().next_back();
        if lower.len() == 1 && before.is_some_and(|c| c == '.' || c.is_ascii_digit()) {
            continue;
        }
        if let Some((slang, instead)) = SLANG.iter().find(|(slang, _)| *slang == lower) {
            let message = if *instead == "nothing" {
                format!("\"{slang}\" is text-speak: remove it.")
            } else {
                format!("\"{slang}\" is too casual: write \"{instead}\" instead.")
            };
            let mut finding =
                Finding::new(Check::Slang, Severity::Warning, message).at(word.range.clone());
            finding.field = field;
            out.push(finding);
        }
    }
}

/// Pictographs that read as ordinary text symbols (©, ®, ™, ↔, ‼) unless an
/// emoji variation selector follows them.
fn is_text_symbol(c: char) -> bool {
    u32::from(c) < 0x2300
}

/// Joiners and variation selectors belong to the emoji before them.
fn is_emoji_modifier(c: char) -> bool {
    matches!(u32::from(c), 0x200D | 0xFE0E | 0xFE0F | 0x1F3FB..=0x1F3FF)
}

const EMOTICONS: [&str; 12] = [
    ":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":p", "<3", "xD",
];

fn check_emoji(text: &str, field: Field, out: &mut Vec<Finding>) {
    let mut run: Option<Range<usize>> = None;
    let push = |range: Range<usize>, out: &mut Vec<Finding>| {
        let mut finding = Finding::new(
            Check::Emoji,
            Severity::Warning,
            "Emoji look casual in a professional message: remove it.".to_string(),
        )
        .at(range);
        finding.field = field;
        out.push(finding);
    };
    let mut chars = text.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        let end = index + c.len_utf8();
        let selected = chars.peek().is_some_and(|&(_, next)| next == '\u{FE0F}');
        let starts = is_extended_pictographic(c) && (!is_text_symbol(c) || selected);
        let continues = run.is_some() && (is_extended_pictographic(c) || is_emoji_modifier(c));
        match (&mut run, starts || continues) {
            (Some(range), true) => range.end = end,
            (None, true) => run = Some(index..end),
            (Some(_), false) => {
                if let Some(range) = run.take() {
                    push(range, out);
                }
            }
            _ => {}
        }
    }
    if let Some(range) = run {
        push(range, out);
    }

    // Text emoticons stand alone between spaces, possibly before punctuation.
    let mut offset = 0;
    for chunk in text.split(|c: char| c.is_whitespace()) {
        let trimmed = chunk.trim_end_matches([',', '.', '!', '?']);
        if EMOTICONS.contains(&trimmed) {
            let mut finding = Finding::new(
                Check::Emoji,
                Severity::Warning,
                format!("The emoticon {trimmed} looks casual: remove it."),
            )
            .at(offset..offset + trimmed.len());
            finding.field = field;
            out.push(finding);
        }
        // Every whitespace separator here is a single character; find its width.
        offset += chunk.len();
        offset += text[offset..].chars().next().map_or(0, char::len_utf8);
    }
}

fn check_exclamations(body: &str, out: &mut Vec<Finding>) {
    let marks: Vec<usize> = body.match_indices('!').map(|(index, _)| index).collect();
    if let [_, second, ..] = marks.as_slice() {
        out.push(
            Finding::new(
                Check::Exclamation,
                Severity::Warning,
                format!(
                    "{} exclamation marks: keep at most one, and end the other sentences with a full stop.",
                    marks.len()
                ),
            )
            .at(*second..*second + 1),
        );
    }
}

/// Place and brand names that repeat a capitalised word ("Walla Walla",
/// "Bora Bora"); a doubled ordinary word ("The The") is still a typo.
fn is_doubled_name(a: &str, b: &str) -> bool {
    let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
    capitalised(a) && capitalised(b) && !names::is_ordinary_word(&a.to_lowercase())
}

/// Words English doubles on purpose ("that that", "had had").
const DOUBLED_ON_PURPOSE: [&str; 2] = ["that", "had"];

/// Whether the word ending at `end` is part of a larger name such as "AT&T"
/// or "R&D" (joined by `&`, `+`, `/`, `@` or a hyphen to more letters).
fn joined_to_more(body: &str, end: usize) -> bool {
    let mut rest = body[end..].chars();
    matches!(rest.next(), Some('&' | '+' | '/' | '@' | '-'))
        && rest.next().is_some_and(char::is_alphanumeric)
}

/// The same, looking backwards from the start of the first word ("S&P P" is not a typo either).
fn joined_to_more_before(body: &str, start: usize) -> bool {
    let mut before = body[..start].chars().rev();
    matches!(before.next(), Some('&' | '+' | '/' | '@' | '-'))
        && before.next().is_some_and(char::is_alphanumeric)
}

fn check_repeated_words(body: &str, words: &[Token], out: &mut Vec<Finding>) {
    for pair in words.windows(2) {
        let (first, second) = (&pair[0], &pair[1]);
        let between = &body[first.range.end..second.range.start];
        let (a, b) = (first.text(body), second.text(body));
        if !between.is_empty()
            && between.chars().all(char::is_whitespace)
            && a.eq_ignore_ascii_case(b)
            && a.to_lowercase() == b.to_lowercase()
            && !a.chars().all(|c| c.is_ascii_digit())
            && !joined_to_more(body, second.range.end)
            && !joined_to_more_before(body, first.range.start)
            && !DOUBLED_ON_PURPOSE.contains(&a.to_lowercase().as_str())
            && !is_doubled_name(a, b)
        {
            out.push(
                Finding::new(
                    Check::RepeatedWord,
                    Severity::Warning,
                    format!("\"{a}\" appears twice in a row: delete one."),
                )
                .at(first.range.start..second.range.end),
            );
        }
    }
}

fn check_double_spaces(body: &str, out: &mut Vec<Finding>) {
    let mut line_start = 0;
    for line in body.split('\n') {
        // Leading indentation (phone-script branches) is layout, not a typo.
        let indent = line.len() - line.trim_start_matches(' ').len();
        let bytes = line.as_bytes();
        let mut index = indent;
        while index < bytes.len() {
            if bytes[index] == b' ' {
                let run_start = index;
                while index < bytes.len() && bytes[index] == b' ' {
                    index += 1;
                }
                if index - run_start >= 2 && index < bytes.len() {
                    out.push(
                        Finding::new(
                            Check::DoubleSpace,
                            Severity::Hint,
                            "Two spaces between words: keep one.".to_string(),
                        )
                        .at(line_start + run_start..line_start + index),
                    );
                }
            } else {
                index += 1;
            }
        }
        line_start += line.len() + 1;
    }
}

const SUPERLATIVES: [&str; 24] = [
    "amazing",
    "incredible",
    "incredibly",
    "best",
    "outstanding",
    "fantastic",
    "phenomenal",
    "extraordinary",
    "unbelievable",
    "awesome",
    "perfect",
    "brilliant",
    "exceptional",
    "wonderful",
    "greatest",
    "spectacular",
    "stellar",
    "superb",
    "tremendous",
    "remarkable",
    "unparalleled",
    "unmatched",
    "magnificent",
    "flawless",
];

fn check_flattery(body: &str, words: &[Token], layout: &Layout, out: &mut Vec<Finding>) {
    let hits: Vec<&Token> = words
        .iter()
        .filter(|word| word.range.start >= layout.core.start && word.range.end <= layout.core.end)
        .filter(|word| SUPERLATIVES.contains(&word.text(body).to_lowercase().as_str()))
        .collect();
    if let (true, Some(first), Some(last)) =
        (hits.len() >= FLATTERY_LIMIT, hits.first(), hits.last())
    {
        out.push(
            Finding::new(
                Check::Flattery,
                Severity::Warning,
                format!(
                    "{} superlatives in one message sound like flattery: keep one and say something specific instead.",
                    hits.len()
                ),
            )
            .at(first.range.start..last.range.end),
        );
    }
}

/// Counts sentences: runs of `.`, `!` or `?` followed by a space or the end,
/// skipping common abbreviations, plus a final sentence without a full stop.
fn count_sentences(text: &str) -> usize {
    const ABBREVIATIONS: [&str; 12] = [
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "e.g", "i.e",
    ];
    let mut count = 0;
    let mut pending = false;
    let mut chars = text.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?') {
            while chars
                .peek()
                .is_some_and(|(_, next)| matches!(next, '.' | '!' | '?'))
            {
                chars.next();
            }
            let at_boundary = chars.peek().is_none_or(|(_, next)| next.is_whitespace());
            let before = text[..index]
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .unwrap_or("")
                .to_lowercase();
            if at_boundary && pending && !ABBREVIATIONS.contains(&before.as_str()) {
                count += 1;
                pending = false;
            }
        } else if c.is_alphanumeric() {
            pending = true;
        }
    }
    count + usize::from(pending)
}

fn check_length(
    body: &str,
    words: &[Token],
    layout: &Layout,
    context: &CheckContext,
    out: &mut Vec<Finding>,
) {
    let core = &body[layout.core.clone()];
    let core_words = words
        .iter()
        .filter(|word| word.range.start >= layout.core.start && word.range.end <= layout.core.end)
        .count();
    let problem = match context.kind {
        ActionKind::LinkedinConnect => {
            let chars = body.chars().count();
            (chars > LINKEDIN_MAX_CHARS).then(|| {
                format!(
                    "{chars} characters: LinkedIn notes stop at {LINKEDIN_MAX_CHARS}; cut it to one or two sentences."
                )
            })
        }
        ActionKind::StatusInquiry | ActionKind::SecondInquiry => {
            let sentences = count_sentences(core);
            (sentences > INQUIRY_MAX_SENTENCES).then(|| {
                format!(
                    "{sentences} sentences: an inquiry needs at most {INQUIRY_MAX_SENTENCES} (the role, the interview date, your interest, a request for news)."
                )
            })
        }
        ActionKind::ThankYou | ActionKind::HandwrittenNote => {
            (core_words > THANK_YOU_MAX_WORDS).then(|| {
                format!(
                    "{core_words} words: keep a thank-you note under {THANK_YOU_MAX_WORDS} by dropping anything not tied to the conversation."
                )
            })
        }
        _ => (core_words > LETTER_MAX_WORDS).then(|| {
            format!("{core_words} words: shorten it to under {LETTER_MAX_WORDS}; busy readers skim.")
        }),
    };
    if let Some(message) = problem {
        out.push(Finding::new(Check::TooLong, Severity::Warning, message));
    }
}

/// Optimal string alignment distance (edits, counting a swap of neighbours as one).
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

fn check_name_spelling(
    body: &str,
    words: &[Token],
    context: &CheckContext,
    out: &mut Vec<Finding>,
) {
    // Each part of a hyphenated surname is checked on its own, since the
    // tokens of the body split at hyphens too.
    let parts: Vec<(&str, Vec<char>, Vec<char>)> = context
        .interviewer_name
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(|part| part.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|part| part.chars().count() >= 3)
        .map(|part| {
            (
                part,
                part.to_lowercase().chars().collect(),
                names::fold(part),
            )
        })
        .collect();
    if parts.is_empty() {
        return;
    }
    // Words of the user's own material are theirs to spell ("Lean" next to "Lena").
    let known: HashSet<String> = context
        .known_names
        .iter()
        .chain(std::iter::once(&context.material))
        .flat_map(|name| name.split(|c: char| c.is_whitespace() || c == '-'))
        .chain(parts.iter().map(|(part, _, _)| *part))
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    for word in words {
        let text = word.text(body);
        if !text.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let lower_text = text.to_lowercase().replace('\u{2019}', "'");
        let lower_text = lower_text
            .strip_suffix("'s")
            .unwrap_or(&lower_text)
            .to_string();
        if known.contains(&lower_text) || names::is_ordinary_word(&lower_text) {
            continue;
        }
        let lower: Vec<char> = lower_text.chars().collect();
        let folded = names::fold(&lower_text);
        for (part, part_chars, part_folded) in &parts {
            if lower == *part_chars {
                break;
            }
            // Same letters, different accents: "Alvarez" for "Álvarez".
            let accent_only = folded == *part_folded;
            let allowed = if part_chars.len() <= 4 { 1 } else { 2 };
            // Misspellings rarely change the first letter; requiring it keeps
            // ordinary capitalised words ("Data" next to "Dana") mostly out.
            let plausible = folded.first() == part_folded.first()
                && folded.len().abs_diff(part_folded.len()) <= allowed;
            if accent_only || (plausible && edit_distance(&folded, part_folded) <= allowed) {
                let message = if accent_only {
                    format!(
                        "\"{text}\" differs from {part} only by its accents: spell it as the contact record does."
                    )
                } else {
                    format!(
                        "\"{text}\" looks like a misspelling of {part}, as the contact record spells it."
                    )
                };
                out.push(
                    Finding::new(Check::NameSpelling, Severity::Warning, message)
                        .at(word.range.clone()),
                );
                break;
            }
        }
    }
}

fn check_greeting_and_sign_off(layout: &Layout, out: &mut Vec<Finding>) {
    if !layout.has_greeting {
        out.push(
            Finding::new(
                Check::MissingGreeting,
                Severity::Warning,
                "Start with a greeting line such as \"Dear Dana,\".".to_string(),
            )
            .at(0..0),
        );
    }
    if !layout.has_sign_off {
        out.push(Finding::new(
            Check::MissingSignOff,
            Severity::Warning,
            "End with a sign-off such as \"Kind regards,\" and your name.".to_string(),
        ));
    }
}

/// The share of the specific material a personal note should mention.
const GENERIC_MIN_SHARE: f64 = 0.25;

fn check_generic(words: &[Token], body: &str, context: &CheckContext, out: &mut Vec<Finding>) {
    let body_words = text::content_stems(words, body);
    // Each line of the material is one thing the user recorded (what was
    // discussed, a detail, something to add); drawing on any one is enough.
    let mut sources = context
        .material
        .lines()
        .map(|line| text::content_stems(&tokens(line), line))
        .filter(|stems| !stems.is_empty())
        .peekable();
    if sources.peek().is_none() {
        return;
    }
    let personal = sources.any(|source| {
        let mentioned = source.intersection(&body_words).count();
        // Mentioning a quarter of it (at least one word, never more than
        // three) shows the note was written for this conversation.
        let needed = ((source.len() as f64 * GENERIC_MIN_SHARE).ceil() as usize).clamp(1, 3);
        mentioned >= needed
    });
    if !personal {
        let who = context
            .interviewer_name
            .split_whitespace()
            .next()
            .unwrap_or("the interviewer");
        out.push(Finding::new(
            Check::Generic,
            Severity::Warning,
            format!(
                "The note could be sent to anyone: mention something specific you discussed with {who}."
            ),
        ));
    }
}

fn check_near_duplicates(
    body: &str,
    layout: &Layout,
    context: &CheckContext,
    out: &mut Vec<Finding>,
) {
    // The words of this person's own material are left out of the comparison:
    // when two people really did discuss the same thing, only the wording
    // around it can differ.
    let material: HashSet<String> = tokens(&context.material)
        .iter()
        .map(|word| word.text(&context.material).to_lowercase())
        .collect();
    let without_material = |text: &str| -> String {
        tokens(text)
            .iter()
            .map(|word| word.text(text))
            .filter(|word| !material.contains(&word.to_lowercase()))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let core = without_material(&body[layout.core.clone()]);
    let closest = context
        .sibling_bodies
        .iter()
        .map(|sibling| {
            let sibling_layout = Layout::of(sibling);
            similarity(&core, &without_material(&sibling[sibling_layout.core]))
        })
        .fold(0.0_f64, f64::max);
    if closest >= NEAR_DUPLICATE_THRESHOLD {
        out.push(Finding::new(
            Check::NearDuplicate,
            Severity::Warning,
            format!(
                "This note is {:.0}% the same as another interviewer's: build it on what this person discussed.",
                closest * 100.0
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_counted_with_abbreviations_and_a_missing_stop() {
        assert_eq!(count_sentences("One. Two! Three?"), 3);
        assert_eq!(count_sentences("I met Dr. Lee on Monday. Thanks"), 2);
        assert_eq!(count_sentences("Mail me at sam@example.com today."), 1);
        assert_eq!(count_sentences(""), 0);
        assert_eq!(count_sentences("Really?!  Yes..."), 2);
    }

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(edit_distance(&chars("dana"), &chars("danna")), 1);
        assert_eq!(edit_distance(&chars("dana"), &chars("dnaa")), 1);
        assert_eq!(edit_distance(&chars("dana"), &chars("dana")), 0);
        assert_eq!(edit_distance(&chars("kim"), &chars("tom")), 2);
    }

    #[test]
    fn layout_finds_greeting_and_sign_off() {
        let body = "Dear Dana,\n\nThanks again.\n\nKind regards,\nSam";
        let layout = Layout::of(body);
        assert!(layout.has_greeting && layout.has_sign_off);
        assert_eq!(body[layout.core.clone()].trim(), "Thanks again.");
        let bare = Layout::of("Thanks again for the chat.");
        assert!(!bare.has_greeting && !bare.has_sign_off);
    }
}
