//! Word-level text helpers for proofreading: tokens with byte ranges, stems, trigram similarity.

use std::collections::HashSet;
use std::ops::Range;

/// One word of a text, by byte range (letters and digits, with inner apostrophes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub range: Range<usize>,
}

impl Token {
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.range.clone()]
    }
}

/// Splits `text` into words in one pass; "don't" and "O'Neil" stay whole.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        let inner_apostrophe = matches!(c, '\'' | '\u{2019}')
            && start.is_some()
            && chars.peek().is_some_and(|(_, next)| next.is_alphanumeric());
        if c.is_alphanumeric() || inner_apostrophe {
            start.get_or_insert(index);
        } else if let Some(begin) = start.take() {
            out.push(Token {
                range: begin..index,
            });
        }
    }
    if let Some(begin) = start {
        out.push(Token {
            range: begin..text.len(),
        });
    }
    out
}

/// Words too common to show that a note is about a particular conversation.
const STOPWORDS: [&str; 86] = [
    "about", "above", "after", "again", "also", "among", "and", "any", "are", "because", "been",
    "before", "being", "between", "both", "but", "can", "could", "did", "does", "doing", "during",
    "each", "for", "from", "further", "had", "has", "have", "having", "her", "here", "him", "his",
    "how", "into", "its", "just", "more", "most", "much", "not", "now", "off", "once", "only",
    "other", "our", "out", "over", "own", "same", "she", "should", "some", "such", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "too",
    "under", "until", "very", "was", "were", "what", "when", "where", "which", "while", "who",
    "why", "will", "with", "would", "you", "your",
];

/// Job-search words every note contains; matching them proves nothing.
const GENERIC_WORDS: [&str; 16] = [
    "team",
    "role",
    "work",
    "company",
    "interview",
    "position",
    "thank",
    "thanks",
    "time",
    "conversation",
    "discuss",
    "discussed",
    "talk",
    "talked",
    "really",
    "job",
];

/// A light stem: lower case, no possessive, common endings removed.
fn stem(word: &str) -> String {
    let mut lower = word.to_lowercase().replace('\u{2019}', "'");
    if let Some(stripped) = lower.strip_suffix("'s") {
        lower = stripped.to_string();
    }
    for suffix in ["ing", "ed", "s"] {
        if let Some(root) = lower.strip_suffix(suffix) {
            // "process" and "business" end in "s" without being plurals.
            if root.chars().count() >= 4 && !(suffix == "s" && root.ends_with('s')) {
                lower = root.to_string();
                break;
            }
        }
    }
    // A final silent "e" goes too, so "cache" meets "caching" and "processes" meets "process".
    match lower.strip_suffix('e') {
        Some(root) if root.chars().count() >= 4 => root.to_string(),
        _ => lower,
    }
}

/// Stems of the content words of `source` (four letters or more, not common words).
pub fn content_stems(words: &[Token], source: &str) -> HashSet<String> {
    words
        .iter()
        .map(|word| word.text(source).to_lowercase())
        .filter(|word| word.chars().count() >= 4)
        .filter(|word| {
            !STOPWORDS.contains(&word.as_str()) && !GENERIC_WORDS.contains(&word.as_str())
        })
        .map(|word| stem(&word))
        .collect()
}

fn trigrams(text: &str) -> HashSet<[String; 3]> {
    let words: Vec<String> = tokens(text)
        .iter()
        .map(|word| word.text(text).to_lowercase())
        .collect();
    words
        .windows(3)
        .map(|window| [window[0].clone(), window[1].clone(), window[2].clone()])
        .collect()
}

/// Jaccard similarity of the word trigrams of `a` and `b`, from 0.0 (nothing
/// shared) to 1.0 (same words in the same order). Case and punctuation are ignored.
/// Two texts too short to have a trigram are identical only if both are empty of words.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (first, second) = (trigrams(a), trigrams(b));
    if first.is_empty() && second.is_empty() {
        let same = tokens(a).len() == tokens(b).len()
            && tokens(a)
                .iter()
                .zip(tokens(b).iter())
                .all(|(x, y)| x.text(a).to_lowercase() == y.text(b).to_lowercase());
        return if same { 1.0 } else { 0.0 };
    }
    let shared = first.intersection(&second).count();
    let union = first.len() + second.len() - shared;
    shared as f64 / union as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_inner_apostrophes_and_byte_ranges() {
        let text = "Don't — café's 'quoted' x";
        let words: Vec<&str> = tokens(text).iter().map(|t| t.text(text)).collect();
        assert_eq!(words, ["Don't", "café's", "quoted", "x"]);
    }

    #[test]
    fn stems_merge_plural_and_verb_forms() {
        assert_eq!(stem("pipelines"), stem("pipeline"));
        assert_eq!(stem("Testing"), "test");
        assert_eq!(stem("Dana's"), "dana");
        assert_eq!(stem("bus"), "bus");
        assert_eq!(stem("processes"), stem("process"));
        assert_eq!(stem("caching"), stem("cache"));
    }

    #[test]
    fn similarity_is_one_for_same_words_and_zero_for_disjoint() {
        assert_eq!(
            similarity("The quick brown fox", "the quick, brown FOX!"),
            1.0
        );
        assert_eq!(similarity("one two three", "four five six"), 0.0);
        let partial = similarity("a b c d e", "a b c x y");
        assert!(partial > 0.0 && partial < 1.0, "{partial}");
        assert_eq!(similarity("", ""), 1.0);
        assert_eq!(similarity("hi", "yo"), 0.0);
    }
}
