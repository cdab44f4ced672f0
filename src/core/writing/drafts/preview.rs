//! The sentence each writing field of the form turns into, for the live preview.
//!
//! The preview uses one of the frames the drafts use, so what the user sees
//! while typing is how the note will read (the drafts vary the wording).

use super::phrase::{self, Shape, Topic};

/// What the preview shows for one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// The sentence as a draft would use it.
    pub sentence: String,
    /// Part of the input was left out to keep the note short.
    pub shortened: bool,
}

fn frame(topic: &Topic, noun: &str, clause: &str) -> String {
    let sentence = match &topic.shape {
        Shape::Clause(text) => clause.replace("{clause}", text),
        Shape::Noun(_) | Shape::Quote(_) => noun.replace("{np}", &topic.as_noun()),
    };
    phrase::finish(&sentence)
}

/// "What you talked about" as a thank-you note says it; `None` for an empty field.
pub fn discussed(input: &str) -> Option<Preview> {
    let topic = phrase::topic(input)?;
    Some(Preview {
        sentence: frame(
            &topic,
            "I especially appreciated discussing {np}.",
            "It was good to hear that {clause}.",
        ),
        shortened: topic.shortened,
    })
}

/// "One detail that stuck with you".
pub fn detail(input: &str) -> Option<Preview> {
    let topic = phrase::topic(input)?;
    Some(Preview {
        sentence: frame(
            &topic,
            "One detail that stayed with me was {np}.",
            "One detail that stayed with me was that {clause}.",
        ),
        shortened: topic.shortened,
    })
}

/// "Something you forgot to tell them".
pub fn to_tell(input: &str) -> Option<Preview> {
    let topic = phrase::addition(input)?;
    Some(Preview {
        sentence: frame(
            &topic,
            "I did not get to mention {np}, which I would like to add now.",
            "I should have mentioned that {clause}.",
        ),
        shortened: topic.shortened,
    })
}

/// "Why you fit": skills or results to mention.
pub fn why_fit(input: &str) -> Option<Preview> {
    let strengths = phrase::strengths(input)?;
    Some(Preview {
        sentence: strengths.sentences("I would bring {list} to this role."),
        shortened: strengths.shortened,
    })
}

/// The preview line the form shows under a field: the sentence, plus a
/// note when part of the input will be left out. Empty input gives an empty line.
pub fn line(preview: Option<Preview>) -> String {
    match preview {
        Some(Preview {
            sentence,
            shortened: true,
        }) => format!("{sentence} (shortened to keep the note brief)"),
        Some(preview) => preview.sentence,
        None => String::new(),
    }
}
