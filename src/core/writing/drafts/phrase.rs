//! Normalising what people type (a phrase, a sentence, a question, a list) so it fits a sentence.
//!
//! Notes arrive in every style: "Asked about my experience with dbt.",
//! "we talked about their move to Snowflake", "How do they handle on-call?",
//! "dbt, Looker, data modelling". Each is reduced to one of three shapes a
//! frame can use grammatically: a noun phrase ("about {np}"), a clause
//! ("that {clause}"), or, when neither is safe, a quotation. Words are never
//! invented: only leading report verbs, fillers and punctuation are dropped,
//! pronouns are turned towards the reader ("their team" -> "your team") and
//! question word order is undone.

use crate::core::planning::timing::NUMBER_WORDS;

/// What a frame receives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Fits after "about": "the move to Snowflake", "how you handle on-call".
    Noun(String),
    /// Fits after "that": "you are moving to Snowflake", "I hold a PMP certification".
    Clause(String),
    /// Could not be made to fit: the user's words, to be quoted as they are.
    Quote(String),
}

/// A normalised note: its shape and whether anything was cut to keep it short.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Topic {
    pub shape: Shape,
    pub shortened: bool,
}

impl Topic {
    /// The words a frame will insert (without quotation marks).
    pub fn text(&self) -> &str {
        match &self.shape {
            Shape::Noun(text) | Shape::Clause(text) | Shape::Quote(text) => text,
        }
    }

    /// A noun phrase for any shape: a clause becomes "how ...", a quotation
    /// is introduced as the user's own note.
    pub fn as_noun(&self) -> String {
        match &self.shape {
            Shape::Noun(text) => text.clone(),
            Shape::Clause(text) => format!("how {text}"),
            Shape::Quote(text) => format!("the question I asked, \u{201c}{text}\u{201d}"),
        }
    }
}

/// Longest note kept whole, in words; longer ones are cut at a natural break.
pub const MAX_TOPIC_WORDS: usize = 18;
/// At most this many items of a list are kept.
pub const MAX_LIST_ITEMS: usize = 3;

/// Report verbs and fillers that open a note but belong to no sentence
/// ("Discussed ...", "We talked about ...", "She asked me about ...").
/// Longer openings first, so "we talked about" wins over "talked about".
const OPENINGS: &[&str] = &[
    "the interview focused on",
    "the interview was mostly about",
    "the interview was about",
    "the call was about",
    "the conversation was about",
    "the focus was on",
    "interview focused on",
    "focus was on",
    "it was mostly about",
    "it was mainly about",
    "it was all about",
    "it was about",
    "lots of questions about",
    "a lot of questions about",
    "many questions about",
    "we had a good chat about",
    "we had a long chat about",
    "we had a chat about",
    "we talked a lot about",
    "we talked mostly about",
    "we mostly talked about",
    "we mainly talked about",
    "we talked about",
    "we talked through",
    "we spoke about",
    "we chatted about",
    "we discussed",
    "we covered",
    "we went over",
    "we went through",
    "we got into",
    "we focused on",
    "we looked at",
    "they asked me about",
    "they asked about",
    "he asked me about",
    "he asked about",
    "she asked me about",
    "she asked about",
    "they wanted to know about",
    "they wanted to know",
    "he wanted to know",
    "she wanted to know",
    "wanted to know about",
    "wanted to know",
    "they asked",
    "he asked",
    "she asked",
    "he wanted to know about",
    "she wanted to know about",
    "they walked me through",
    "he walked me through",
    "she walked me through",
    "they told me about",
    "he told me about",
    "she told me about",
    "they explained",
    "he explained",
    "she explained",
    "they described",
    "he described",
    "she described",
    "they showed me",
    "he showed me",
    "she showed me",
    "i talked about",
    "i talked them through",
    "i walked them through",
    "i walked her through",
    "i walked him through",
    "i told them about",
    "i told her about",
    "i told him about",
    "i explained",
    "i described",
    "i mentioned",
    "i presented",
    "i showed them",
    "i showed her",
    "i showed him",
    "i asked about",
    "asked me about",
    "asked about",
    "asked me",
    "asked",
    "questions about",
    "questions on",
    "question about",
    "talked a lot about",
    "talked mostly about",
    "mostly talked about",
    "talked about",
    "talked through",
    "spoke about",
    "chatted about",
    "chat about",
    "talk about",
    "discussion about",
    "discussion of",
    "discussion on",
    "conversation about",
    "discussed",
    "discussing",
    "covered",
    "went over",
    "went through",
    "walked me through",
    "told me about",
    "focused on",
    "focus on",
    "focus was",
    "mostly about",
    "mainly about",
    "mostly",
    "mainly",
    "all about",
    "about",
    "re:",
    "topics:",
    "topic:",
    "notes:",
    "also",
];

/// What to tell someone often opens with a reminder to oneself.
const ADDITION_OPENINGS: &[&str] = &[
    "i forgot to mention that",
    "i forgot to mention",
    "i forgot to say that",
    "i forgot to say",
    "i forgot to tell them that",
    "i forgot to tell them",
    "i forgot to tell her that",
    "i forgot to tell her",
    "i forgot to tell him that",
    "i forgot to tell him",
    "forgot to mention that",
    "forgot to mention",
    "forgot to say that",
    "forgot to say",
    "forgot to tell them that",
    "forgot to tell them",
    "forgot to tell her that",
    "forgot to tell her",
    "forgot to tell him that",
    "forgot to tell him",
    "i should have said that",
    "i should have said",
    "i should have mentioned that",
    "i should have mentioned",
    "should have mentioned that",
    "should have mentioned",
    "should have said that",
    "should have said",
    "i didn't mention that",
    "i didn't mention",
    "didn't mention that",
    "didn't mention",
    "did not mention that",
    "did not mention",
    "tell them that",
    "tell them",
    "tell her that",
    "tell her",
    "tell him that",
    "tell him",
    "mention that",
    "mention",
    "forgot:",
    "also",
    "that",
];

/// Past-tense verbs that open an achievement written without "I" ("led the migration").
const ACHIEVEMENT_VERBS: &[&str] = &[
    "led",
    "built",
    "ran",
    "wrote",
    "grew",
    "cut",
    "taught",
    "won",
    "made",
    "set",
    "drove",
    "brought",
    "sold",
    "shipped",
    "managed",
    "launched",
    "designed",
    "created",
    "reduced",
    "increased",
    "improved",
    "delivered",
    "migrated",
    "automated",
    "founded",
    "mentored",
    "trained",
    "organised",
    "organized",
    "published",
    "saved",
    "scaled",
    "raised",
    "negotiated",
    "implemented",
    "developed",
    "redesigned",
    "rebuilt",
    "halved",
    "doubled",
    "coordinated",
    "owned",
    "hired",
    "spent",
    "worked",
    "have",
    "hold",
    "speak",
];

/// Common words that lose their capital inside a sentence; anything else
/// (names, products, acronyms) keeps it.
const COMMON_OPENERS: &[&str] = &[
    "a",
    "an",
    "the",
    "several",
    "many",
    "years",
    "strong",
    "solid",
    "deep",
    "broad",
    "experience",
    "knowledge",
    "expertise",
    "skills",
    "my",
    "our",
    "your",
    "their",
    "his",
    "her",
    "its",
    "this",
    "that",
    "these",
    "those",
    "some",
    "any",
    "how",
    "what",
    "why",
    "when",
    "where",
    "which",
    "who",
    "whether",
    "each",
    "every",
    "all",
    "both",
    "more",
    "most",
    "new",
    "next",
    "current",
    "future",
    "past",
    "team",
    "teams",
    "company",
    "role",
    "roles",
    "career",
    "growth",
    "plans",
    "plan",
    "roadmap",
    "strategy",
    "budget",
    "culture",
    "values",
    "salary",
    "hiring",
    "onboarding",
    "training",
    "remote",
    "hybrid",
    "office",
    "work",
    "working",
    "product",
    "products",
    "customer",
    "customers",
    "client",
    "clients",
    "data",
    "design",
    "testing",
    "tests",
    "code",
    "review",
    "reviews",
    "process",
    "processes",
    "system",
    "systems",
    "architecture",
    "infrastructure",
    "security",
    "performance",
    "scaling",
    "migration",
    "migrations",
    "pipeline",
    "pipelines",
    "project",
    "projects",
    "experience",
    "background",
    "skills",
    "leadership",
    "management",
    "mentoring",
    "support",
    "sales",
    "marketing",
    "research",
    "analytics",
    "reporting",
    "dashboards",
    "metrics",
    "quality",
    "release",
    "releases",
    "deployment",
    "deployments",
    "incident",
    "incidents",
    "on-call",
    "oncall",
    "priorities",
    "challenges",
    "challenge",
    "goals",
    "goal",
    "expectations",
    "responsibilities",
    "day-to-day",
    "daily",
    "weekly",
    "monthly",
    "quarterly",
    "first",
    "last",
    "long-term",
    "short-term",
    "open",
    "opening",
    "recent",
    "upcoming",
    "travel",
    "tools",
    "tooling",
    "stack",
    "tech",
    "technical",
    "collaboration",
    "communication",
    "feedback",
    "ownership",
    "autonomy",
    "diversity",
    "benefits",
    "learning",
    "budgeting",
    "forecasting",
    "pricing",
    "hiring",
    "interview",
    "interviews",
    "questions",
    "question",
    "ideas",
    "idea",
    "lessons",
    "approach",
    "approaches",
    "moving",
    "building",
    "scaling",
    "running",
    "managing",
    "leading",
    "handling",
    "using",
    "improving",
    "reducing",
    "growing",
    "hiring",
    "migrating",
    "designing",
    "testing",
    "writing",
    "shipping",
    "supporting",
    "working",
    "being",
    "getting",
    "making",
    "taking",
    "setting",
    "choosing",
    "planning",
    "measuring",
    "balancing",
    "joining",
    "what's",
    "how's",
    "i'd",
    "we",
    "they",
    "he",
    "she",
    "it",
    "you",
    "there",
    "one",
    "two",
    "three",
    "several",
    "many",
    "few",
    "lots",
    "plenty",
    "much",
    "why",
    "very",
    "really",
    "also",
    "only",
    "just",
    "it's",
    "there's",
    "we're",
    "they're",
    "everyone",
    "everybody",
    "nobody",
    "someone",
    "references",
];

/// Third-person references to the reader become "you" forms in a letter to them.
fn reader_word(lower: &str) -> Option<&'static str> {
    match lower {
        "they" | "he" | "she" => Some("you"),
        "them" | "him" => Some("you"),
        "their" | "his" => Some("your"),
        "theirs" => Some("yours"),
        "themselves" | "himself" | "herself" => Some("yourselves"),
        _ => None,
    }
}

/// The base form after "he/she" ("uses" -> "use", "is" -> "are", "has" -> "have").
fn base_after_you(word: &str) -> String {
    match word {
        "is" => "are".to_string(),
        "was" => "were".to_string(),
        "has" => "have".to_string(),
        "does" => "do".to_string(),
        "isn't" => "aren't".to_string(),
        "wasn't" => "weren't".to_string(),
        "doesn't" => "don't".to_string(),
        "hasn't" => "haven't".to_string(),
        _ => {
            let lower = word.to_lowercase();
            if lower.len() > 3 && lower.ends_with("ies") {
                format!("{}y", &word[..word.len() - 3])
            } else if lower.ends_with("sses")
                || lower.ends_with("shes")
                || lower.ends_with("ches")
                || lower.ends_with("xes")
            {
                word[..word.len() - 2].to_string()
            } else if lower.len() > 2
                && lower.ends_with('s')
                && !lower.ends_with("ss")
                && !lower.ends_with("us")
            {
                word[..word.len() - 1].to_string()
            } else {
                word.to_string()
            }
        }
    }
}

/// The third-person form after a noun subject ("use" -> "uses").
fn third_person(word: &str) -> String {
    let lower = word.to_lowercase();
    match lower.as_str() {
        "have" => "has".to_string(),
        "do" => "does".to_string(),
        "go" => "goes".to_string(),
        _ if lower.ends_with('y')
            && !matches!(lower.chars().rev().nth(1), Some('a' | 'e' | 'o' | 'u')) =>
        {
            format!("{}ies", &word[..word.len() - 1])
        }
        _ if lower.ends_with('s')
            || lower.ends_with("sh")
            || lower.ends_with("ch")
            || lower.ends_with('x')
            || lower.ends_with('z') =>
        {
            format!("{word}es")
        }
        _ => format!("{word}s"),
    }
}

/// Turns references to the reader into the second person, word by word,
/// fixing the verb after "he"/"she" ("she leads" -> "you lead").
fn towards_reader(text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut index = 0;
    while index < words.len() {
        let word = words[index];
        let lower = word.to_lowercase();
        match reader_word(&lower) {
            Some(replacement) => {
                out.push(replacement.to_string());
                if matches!(lower.as_str(), "he" | "she") {
                    if let Some(next) = words.get(index + 1) {
                        out.push(base_after_you(next));
                        index += 1;
                    }
                } else if lower == "they" {
                    if let Some(next) = words.get(index + 1) {
                        // "they was" never happens, but "they're" becomes "you're".
                        out.push((*next).to_string());
                        index += 1;
                    }
                }
            }
            None if lower == "they're" => out.push("you're".to_string()),
            None if lower == "they've" => out.push("you've".to_string()),
            None if lower == "they'd" => out.push("you'd".to_string()),
            None if lower == "they'll" => out.push("you'll".to_string()),
            None if lower == "he's" || lower == "she's" => out.push("you're".to_string()),
            None => out.push(word.to_string()),
        }
        index += 1;
    }
    out.join(" ")
}

/// Collapses whitespace, drops bullets, wrapping quotes and trailing punctuation.
fn tidy(text: &str) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut value = collapsed.as_str().trim();
    loop {
        let before = value;
        value = value
            .trim_start_matches(['-', '*', '\u{2022}', '\u{2013}', '>', ':'])
            .trim_start();
        value = value
            .trim_end_matches(['.', '!', ';', ',', ':', '\u{2026}'])
            .trim_end();
        for (open, close) in [('"', '"'), ('\u{201c}', '\u{201d}'), ('\'', '\'')] {
            if value.len() > 2 && value.starts_with(open) && value.ends_with(close) {
                value = &value[open.len_utf8()..value.len() - close.len_utf8()];
            }
        }
        if value == before {
            break;
        }
    }
    value.to_string()
}

/// Removes the longest matching opening from `list`, repeatedly ("Also discussed ...").
fn strip_openings(text: &str, list: &[&str]) -> String {
    let mut value = text.trim().to_string();
    loop {
        let lower = value.to_lowercase();
        let found = list.iter().find(|opening| {
            lower.starts_with(*opening)
                && lower[opening.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c == ' ' || c == ':' || c == ',')
        });
        match found {
            Some(opening) => {
                value = value[opening.len()..]
                    .trim_start_matches([' ', ':', ','])
                    .to_string();
            }
            None => return value,
        }
    }
}

/// Lower-cases the first letter when the first word is a common word; names,
/// products and acronyms ("Kafka", "AWS", "iOS") keep theirs. "I" stays.
fn lower_first(text: &str) -> String {
    let first = text.split([' ', ',']).next().unwrap_or("");
    let lower = first.to_lowercase();
    let shouty = first.chars().filter(|c| c.is_uppercase()).count() > 1;
    let common = COMMON_OPENERS.contains(&lower.as_str())
        || NUMBER_WORDS.contains(&lower.as_str())
        || (lower.ends_with("ing") && lower.chars().count() > 5);
    if first == "I" || first.starts_with("I'") || shouty || !common {
        return text.to_string();
    }
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Splits a note into its sentences or list items.
fn items(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    for line in text.split(['\n', ';', '\u{2022}']) {
        let mut rest = line.trim();
        // Sentence ends: ". ", "! " or "? " before a capital or a digit.
        while let Some(cut) = sentence_break(rest) {
            parts.push(rest[..cut].trim().to_string());
            rest = rest[cut..].trim();
        }
        parts.push(rest.to_string());
    }
    let parts: Vec<String> = parts
        .into_iter()
        .map(|part| part.trim_start_matches(['-', '*', ' ']).trim().to_string())
        .filter(|part| part.chars().any(char::is_alphanumeric))
        .collect();
    // "dbt, Looker, data modelling": short comma-separated items form a list.
    if parts.len() == 1 {
        let pieces: Vec<&str> = parts[0]
            .split([',', '/', '+'])
            .map(str::trim)
            .filter(|piece| !piece.is_empty())
            .collect();
        if pieces.len() >= 3 && pieces.iter().all(|piece| piece.split(' ').count() <= 4) {
            // "a, b, c and d": the last piece holds two items.
            return pieces
                .iter()
                .flat_map(|piece| {
                    piece
                        .strip_prefix("and ")
                        .unwrap_or(piece)
                        .split(" and ")
                        .map(|item| item.trim().to_string())
                        .collect::<Vec<_>>()
                })
                .filter(|item| !item.is_empty())
                .collect();
        }
    }
    parts
}

/// Byte offset just after a sentence-ending mark followed by a space and a capital or digit.
fn sentence_break(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    for (index, &byte) in bytes.iter().enumerate() {
        if matches!(byte, b'.' | b'!' | b'?') && bytes.get(index + 1) == Some(&b' ') {
            let next = text[index + 2..].chars().next();
            let before = text[..index]
                .rsplit(' ')
                .next()
                .unwrap_or("")
                .to_lowercase();
            let abbreviation = matches!(
                before.as_str(),
                "dr" | "mr" | "mrs" | "ms" | "prof" | "e.g" | "i.e" | "etc" | "vs" | "approx"
            );
            if !abbreviation && next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
                return Some(index + 1);
            }
        }
    }
    None
}

/// Joins items as "a, b and c".
fn join_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Past forms that are never participles of a noun phrase ("came", not "built").
const IRREGULAR_PAST: &[&str] = &[
    "came", "went", "said", "told", "ran", "grew", "took", "gave", "got", "left", "wrote", "began",
    "sat", "spoke", "knew", "saw",
];

/// The past tense for "did" questions ("why did they move" -> "why you moved").
fn past_tense(verb: &str) -> String {
    let lower = verb.to_lowercase();
    let irregular = [
        ("go", "went"),
        ("make", "made"),
        ("build", "built"),
        ("choose", "chose"),
        ("leave", "left"),
        ("get", "got"),
        ("take", "took"),
        ("come", "came"),
        ("begin", "began"),
        ("grow", "grew"),
        ("run", "ran"),
        ("write", "wrote"),
        ("buy", "bought"),
        ("bring", "brought"),
        ("think", "thought"),
        ("find", "found"),
        ("set", "set"),
        ("put", "put"),
        ("cut", "cut"),
        ("hear", "heard"),
        ("know", "knew"),
        ("pay", "paid"),
        ("say", "said"),
        ("tell", "told"),
        ("give", "gave"),
        ("become", "became"),
        ("do", "did"),
        ("have", "had"),
        ("keep", "kept"),
    ];
    if let Some((_, past)) = irregular.iter().find(|(base, _)| *base == lower) {
        return (*past).to_string();
    }
    if lower.ends_with('e') {
        format!("{verb}d")
    } else if lower.ends_with('y')
        && !matches!(lower.chars().rev().nth(1), Some('a' | 'e' | 'o' | 'u'))
    {
        format!("{}ied", &verb[..verb.len() - 1])
    } else {
        format!("{verb}ed")
    }
}

const SUBJECTS: &[&str] = &["i", "we", "you", "they", "he", "she", "it"];
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "do", "does", "did", "has", "have", "had", "can", "could", "will",
    "would", "should", "shall", "may", "might", "must",
];
const QUESTION_WORDS: &[&str] = &[
    "how", "what", "why", "when", "where", "which", "who", "whom",
];

/// Whether `text` reads as a statement with its own subject and verb
/// ("they are moving to Snowflake", "I hold a PMP", "the team is six people").
fn is_clause(words: &[&str]) -> bool {
    let lower: Vec<String> = words.iter().map(|word| word.to_lowercase()).collect();
    let Some(first) = lower.first() else {
        return false;
    };
    if SUBJECTS.contains(&first.as_str()) {
        return words.len() >= 2;
    }
    if matches!(
        first.as_str(),
        "i'm" | "i've" | "i'd" | "we're" | "they're" | "it's" | "there's"
    ) {
        return true;
    }
    let second = lower.get(1).map(String::as_str).unwrap_or("");
    // "Everyone writes a weekly note", "people are friendly".
    if matches!(
        first.as_str(),
        "everyone" | "everybody" | "nobody" | "someone" | "somebody" | "people" | "there"
    ) && (AUXILIARIES.contains(&second)
        || (second.len() > 3 && second.ends_with('s') && !second.ends_with("ss")))
    {
        return true;
    }
    // "One of the biggest challenges is ...", "references are available":
    // a form of "be" after the subject, unless the note opens like a noun phrase
    // built on a verb ("moving what is left").
    let starts_like_noun = QUESTION_WORDS.contains(&first.as_str())
        || first.ends_with("ing")
        || matches!(first.as_str(), "whether" | "if");
    if !starts_like_noun
        && lower
            .iter()
            .skip(1)
            .take(6)
            .any(|word| matches!(word.as_str(), "is" | "are" | "was" | "were"))
    {
        return true;
    }
    // "The team is six people": a determiner, up to three words, then a form of be/have/modal.
    if matches!(
        first.as_str(),
        "the" | "our" | "your" | "their" | "his" | "her" | "my" | "this"
    ) {
        if lower
            .iter()
            .skip(1)
            .take(4)
            .any(|word| AUXILIARIES.contains(&word.as_str()) && word != "do")
        {
            return true;
        }
        // "Her dog came to the call": a common irregular past after the noun.
        if lower
            .iter()
            .skip(2)
            .take(2)
            .any(|word| IRREGULAR_PAST.contains(&word.as_str()))
        {
            return true;
        }
        // "Their team plays chess at lunch": a present-tense verb after one
        // or two nouns, followed by its object (not "their plans for Q3").
        return (2..lower.len().min(4)).any(|index| {
            let word = lower[index].as_str();
            let previous = lower[index - 1].as_str();
            let next = lower.get(index + 1).map(String::as_str);
            word.len() > 3
                && word.ends_with('s')
                && !word.ends_with("ss")
                && !word.ends_with("'s")
                && !previous.ends_with("'s")
                && !previous.ends_with('s')
                && next.is_some_and(|next| {
                    !matches!(
                        next,
                        "for"
                            | "of"
                            | "in"
                            | "on"
                            | "at"
                            | "with"
                            | "to"
                            | "about"
                            | "and"
                            | "or"
                            | "from"
                            | "by"
                    )
                })
        });
    }
    false
}

/// Undoes question word order where it is safe; `None` means quote it.
fn embedded_question(words: &[&str]) -> Option<String> {
    let lower: Vec<String> = words.iter().map(|word| word.to_lowercase()).collect();
    let first = lower.first()?.as_str();
    let subject_pronoun = |word: &str| SUBJECTS.contains(&word);
    if QUESTION_WORDS.contains(&first) {
        let aux = lower.get(1).map(String::as_str).unwrap_or("");
        let rest = &words[2.min(words.len())..];
        if !AUXILIARIES.contains(&aux) {
            // "How big is the team" -> "how big the team is".
            let third = lower.get(2).map(String::as_str).unwrap_or("");
            if matches!(first, "how" | "what") && matches!(third, "is" | "are") && words.len() > 3 {
                let rest = &words[3..];
                let verb_inside = rest.iter().any(|word| {
                    word.ends_with("ing") || AUXILIARIES.contains(&word.to_lowercase().as_str())
                });
                return (!verb_inside)
                    .then(|| format!("{first} {} {} {third}", words[1], rest.join(" ")));
            }
            // "Who owns the roadmap": already in statement order.
            return Some(words.join(" "));
        }
        if words.len() < 3 {
            return None;
        }
        let subject = lower[2].as_str();
        match aux {
            "do" if subject_pronoun(subject) => Some(format!("{first} {}", rest.join(" "))),
            "did" if subject_pronoun(subject) && rest.len() >= 2 => Some(format!(
                "{first} {} {} {}",
                rest[0],
                past_tense(rest[1]),
                rest[2..].join(" ")
            )),
            "does" if words.len() >= 5 && matches!(subject, "the" | "your" | "their" | "this") => {
                // "How does the team handle X" -> "how the team handles X".
                let verb = third_person(words[4]);
                Some(format!(
                    "{first} {} {} {verb} {}",
                    words[2],
                    words[3],
                    words[5..].join(" ")
                ))
            }
            "is" | "are" | "was" | "were" => {
                // "What are the next steps" -> "what the next steps are".
                let verb_inside = rest.iter().any(|word| {
                    word.ends_with("ing") || AUXILIARIES.contains(&word.to_lowercase().as_str())
                });
                (!verb_inside).then(|| format!("{first} {} {aux}", rest.join(" ")))
            }
            "can" | "could" | "will" | "would" | "should" | "has" | "have" | "might" => {
                // "How would I fit in" -> "how I would fit in"; the subject is
                // a pronoun, a determiner and one noun, or one bare noun
                // ("what would success look like").
                let size = if matches!(subject, "the" | "your" | "their" | "this" | "our") {
                    2
                } else {
                    1
                };
                if rest.len() <= size {
                    return None;
                }
                Some(format!(
                    "{first} {} {aux} {}",
                    rest[..size].join(" "),
                    rest[size..].join(" ")
                ))
            }
            _ => None,
        }
        .map(|text| text.trim().to_string())
    } else if AUXILIARIES.contains(&first) && words.len() >= 3 {
        // Yes-or-no questions become "whether ...".
        let subject = lower[1].as_str();
        let rest = &words[2..];
        match first {
            "do" | "did" if subject_pronoun(subject) && first == "do" => {
                Some(format!("whether {} {}", words[1], rest.join(" ")))
            }
            "does" if words.len() >= 4 && matches!(subject, "the" | "your" | "their") => {
                Some(format!(
                    "whether {} {} {} {}",
                    words[1],
                    words[2],
                    third_person(words[3]),
                    words[4..].join(" ")
                ))
            }
            "is" | "are" | "can" | "could" | "will" | "would" | "should" | "has" | "have"
                if subject_pronoun(subject) || subject == "there" =>
            {
                Some(format!("whether {} {first} {}", words[1], rest.join(" ")))
            }
            "is" | "are" if words.len() == 4 && matches!(subject, "the" | "your" | "their") => {
                Some(format!(
                    "whether {} {} {first} {}",
                    words[1], words[2], words[3]
                ))
            }
            _ => None,
        }
        .map(|text| text.trim().to_string())
    } else {
        None
    }
}

/// Whether a cut phrase may not end on `word` (lower case): articles,
/// prepositions, possessives and joining words need a word after them.
pub(super) fn needs_follower(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "or"
            | "of"
            | "the"
            | "a"
            | "an"
            | "to"
            | "with"
            | "for"
            | "in"
            | "on"
            | "about"
            | "that"
            | "my"
            | "your"
            | "our"
    )
}

/// Keeps at most `MAX_TOPIC_WORDS`, cutting at the last natural break before the limit.
fn limit_words(text: &str) -> (String, bool) {
    let words: Vec<&str> = text.split(' ').collect();
    if words.len() <= MAX_TOPIC_WORDS {
        return (text.to_string(), false);
    }
    let head = &words[..MAX_TOPIC_WORDS];
    // A comma or a dash ends a part; "and" starts one.
    let cut = (4..head.len())
        .rev()
        .find(|&index| {
            head[index - 1].ends_with(',')
                || matches!(
                    head[index],
                    "and" | "-" | "\u{2013}" | "but" | "which" | "so"
                )
        })
        .unwrap_or(head.len());
    let mut kept: Vec<&str> = head[..cut].to_vec();
    // Never end on a word that needs a follower.
    while kept.len() > 3
        && kept.last().is_some_and(|word| {
            let word = word.to_lowercase();
            needs_follower(&word)
                || matches!(
                    word.as_str(),
                    "at" | "which"
                        | "their"
                        | "from"
                        | "by"
                        | "as"
                        | "how"
                        | "is"
                        | "are"
                        | "was"
                        | "were"
                        | "be"
                        | "but"
                        | "so"
                )
        })
    {
        kept.pop();
    }
    let joined = kept.join(" ");
    (
        joined
            .trim_end_matches([',', ';', ':', '-', ' '])
            .to_string(),
        true,
    )
}

/// A noun or clause kept to `MAX_TOPIC_WORDS`; a quote stays whole. Sets
/// `shortened` when words were left out.
fn limit_shape(shape: Shape, shortened: &mut bool) -> Shape {
    match shape {
        Shape::Noun(text) => {
            let (text, cut) = limit_words(&text);
            *shortened |= cut;
            Shape::Noun(text)
        }
        Shape::Clause(text) => {
            let (text, cut) = limit_words(&text);
            *shortened |= cut;
            Shape::Clause(text)
        }
        quote => quote,
    }
}

/// Keeps a longer free text (requested documents, news) to `max_words`: the
/// first sentence when there are several, then a cut at a word boundary.
/// Returns the text and whether anything was left out.
pub fn condense(text: &str, max_words: usize) -> (String, bool) {
    let tidied = tidy(text);
    let words = tidied.split(' ').count();
    if words <= max_words {
        return (tidied, false);
    }
    let first = match sentence_break(&tidied) {
        Some(cut) => tidy(&tidied[..cut]),
        None => tidied.clone(),
    };
    let mut kept: Vec<&str> = first.split(' ').take(max_words).collect();
    while kept.len() > 3
        && kept.last().is_some_and(|word| {
            let word = word.to_lowercase();
            let word = word.trim_end_matches(',');
            needs_follower(word) || matches!(word, "at" | "which" | "from" | "by")
        })
    {
        kept.pop();
    }
    (
        kept.join(" ").trim_end_matches([',', ';', ':']).to_string(),
        true,
    )
}

/// One item of a note as a shape, before length limits.
fn shape_of(item: &str, openings: &[&str]) -> Shape {
    let question = item.trim_end().ends_with('?');
    // A note typed in capitals reads as shouting inside a letter.
    let shouted = item.chars().any(char::is_alphabetic)
        && !item.chars().any(char::is_lowercase)
        && item.split_whitespace().count() >= 3;
    let item = if shouted {
        item.to_lowercase()
    } else {
        item.to_string()
    };
    let body = tidy(&strip_openings(&tidy(&item), openings));
    let body = body.trim_end_matches('?').trim().to_string();
    let words: Vec<&str> = body.split(' ').filter(|word| !word.is_empty()).collect();
    if words.is_empty() {
        return Shape::Noun(String::new());
    }
    let first_lower = words[0].to_lowercase();
    let asks = question
        || (AUXILIARIES.contains(&first_lower.as_str()) && words.len() >= 3)
        || (QUESTION_WORDS.contains(&first_lower.as_str())
            && words
                .get(1)
                .is_some_and(|word| AUXILIARIES.contains(&word.to_lowercase().as_str())));
    if asks {
        return match embedded_question(&words) {
            Some(text) => Shape::Noun(towards_reader(&lower_first(&text))),
            None => Shape::Quote(capitalise(&body) + "?"),
        };
    }
    if is_clause(&words) {
        return Shape::Clause(towards_reader(&lower_first(&body)));
    }
    Shape::Noun(towards_reader(&lower_first(&body)))
}

/// What the user talked about, or a detail that stayed with them, as a topic.
/// `None` when nothing was typed.
pub fn topic(input: &str) -> Option<Topic> {
    let parts = items(input);
    let mut shapes: Vec<Shape> = parts
        .iter()
        .map(|part| shape_of(part, OPENINGS))
        .filter(|shape| !matches!(shape, Shape::Noun(text) if text.is_empty()))
        .collect();
    if shapes.is_empty() {
        return None;
    }
    let mut shortened = false;
    // Noun phrases in a row make a list; anything after the first clause or
    // quotation is left out (the user is told).
    let nouns: Vec<String> = shapes
        .iter()
        .take_while(|shape| matches!(shape, Shape::Noun(_)))
        .map(|shape| match shape {
            Shape::Noun(text) => text.clone(),
            _ => unreachable!("only nouns are taken"),
        })
        .collect();
    let shape = if nouns.len() >= 2 {
        shortened |= nouns.len() > MAX_LIST_ITEMS || shapes.len() > nouns.len();
        Shape::Noun(join_list(&nouns[..nouns.len().min(MAX_LIST_ITEMS)]))
    } else {
        shortened |= shapes.len() > 1;
        shapes.swap_remove(0)
    };
    // A statement about the user themselves is something they said, not news
    // they heard: it reads as "the fact that I ...".
    let shape = match shape {
        Shape::Clause(text)
            if text.starts_with("I ")
                || text.starts_with("I'")
                || text.starts_with("we ")
                || text.starts_with("we're") =>
        {
            Shape::Noun(format!("the fact that {text}"))
        }
        other => other,
    };
    let shape = limit_shape(shape, &mut shortened);
    Some(Topic { shape, shortened })
}

/// Something the user forgot to tell the interviewer, as a topic: usually a
/// clause about themselves ("I hold a PMP certification"), else a noun phrase.
pub fn addition(input: &str) -> Option<Topic> {
    let parts = items(input);
    let first = parts.first()?;
    let mut shape = shape_of(first, ADDITION_OPENINGS);
    // "I also hold ..." : the frame already says it is an addition.
    if let Shape::Clause(text) = &shape {
        let cleaned = text
            .replacen("I also ", "I ", 1)
            .replacen("I'd also ", "I'd ", 1)
            .replacen("I have also ", "I have ", 1);
        shape = Shape::Clause(cleaned);
    }
    if matches!(&shape, Shape::Noun(text) if text.is_empty()) {
        return None;
    }
    let mut shortened = parts.len() > 1;
    shape = limit_shape(shape, &mut shortened);
    Some(Topic { shape, shortened })
}

/// Skills or results to mention, split into things to bring (noun phrases)
/// and things done (clauses starting with "I").
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Strengths {
    pub bring: Vec<String>,
    pub done: Vec<String>,
    pub shortened: bool,
}

pub fn strengths(input: &str) -> Option<Strengths> {
    let mut out = Strengths::default();
    // "cut run time by half, mentored two juniors": achievements joined by commas.
    let parts: Vec<String> = items(input)
        .into_iter()
        .flat_map(|part| {
            let pieces: Vec<String> = part
                .split(',')
                .map(|piece| piece.trim().trim_start_matches("and ").trim().to_string())
                .filter(|piece| !piece.is_empty())
                .collect();
            let achievements = pieces.len() > 1
                && pieces.iter().all(|piece| {
                    let first = piece.split(' ').next().unwrap_or("").to_lowercase();
                    ACHIEVEMENT_VERBS.contains(&first.as_str()) || first == "i"
                });
            if achievements {
                pieces
            } else {
                vec![part]
            }
        })
        .collect();
    let total = parts.len();
    for part in parts.into_iter().take(MAX_LIST_ITEMS) {
        let body = tidy(&part);
        let (body, cut) = limit_words(&body);
        out.shortened |= cut;
        let first = body.split(' ').next().unwrap_or("").to_lowercase();
        if body.is_empty() {
            continue;
        }
        if first == "i" {
            out.done.push(format!("I{}", &body[1..]));
        } else if ACHIEVEMENT_VERBS.contains(&first.as_str()) {
            out.done.push(format!("I {}", lower_first_always(&body)));
        } else {
            out.bring.push(lower_first(&body));
        }
    }
    out.shortened |= total > MAX_LIST_ITEMS;
    (!out.bring.is_empty() || !out.done.is_empty()).then_some(out)
}

fn lower_first_always(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl Strengths {
    /// "I would bring X and Y to the role. I led Z." in the user's own words.
    pub fn sentences(&self, bring_frame: &str) -> String {
        let mut out = Vec::new();
        if !self.bring.is_empty() {
            out.push(bring_frame.replace("{list}", &join_list(&self.bring)));
        }
        if !self.done.is_empty() {
            let mut clauses = self.done.clone();
            for clause in clauses.iter_mut().skip(1) {
                if let Some(rest) = clause.strip_prefix("I ") {
                    *clause = rest.to_string();
                }
            }
            out.push(format!("{}.", join_list(&clauses)));
        }
        out.join(" ")
    }
}

/// Ends a sentence that may close on a quotation with its own question mark.
pub fn finish(sentence: &str) -> String {
    sentence
        .replace("?\u{201d}.", "?\u{201d}")
        .replace("?.", "?")
        .replace("..", ".")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn noun(input: &str) -> String {
        match topic(input).expect("a topic").shape {
            Shape::Noun(text) => text,
            other => panic!("{input:?} gave {other:?}"),
        }
    }

    #[test]
    fn openings_and_punctuation_go() {
        assert_eq!(
            noun("Asked about my experience with dbt and Looker."),
            "my experience with dbt and Looker"
        );
        assert_eq!(
            noun("We talked about their move to Snowflake!"),
            "your move to Snowflake"
        );
        assert_eq!(noun("Kafka migration"), "Kafka migration");
        assert_eq!(noun("The roadmap for Q3"), "the roadmap for Q3");
    }

    #[test]
    fn questions_are_embedded() {
        assert_eq!(
            noun("How do they handle on-call?"),
            "how you handle on-call"
        );
        assert_eq!(noun("What are the next steps?"), "what the next steps are");
        assert_eq!(
            noun("how would I fit in the team"),
            "how I would fit in the team"
        );
        assert_eq!(
            noun("How does the team handle releases?"),
            "how the team handles releases"
        );
    }

    #[test]
    fn lists_are_joined() {
        assert_eq!(
            noun("dbt, Looker, data modelling"),
            "dbt, Looker and data modelling"
        );
    }

    #[test]
    fn verbs_agree_after_the_pronoun_turns() {
        assert_eq!(towards_reader("she leads the team"), "you lead the team");
        assert_eq!(towards_reader("he is moving"), "you are moving");
    }
}
