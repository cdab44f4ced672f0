//! Phone scripts: short cue lines for a follow-up call, with the branches marked.
//!
//! The flow follows `docs/rules.md`: greet and give your name; ask whether a decision
//! was made; if not, say you are still interested and ask whether you are still
//! being considered; ask when they expect to decide; ask if you may ring again
//! shortly after that date (or in a week); thank them.

use super::facts::Facts;
use super::letters::fill;
use super::phrase::{self, Shape};
use crate::core::data::model::{ActionKind, Channel};

/// The script for any action whose channel is the phone.
pub fn script(facts: &Facts) -> String {
    let mut lines = vec![
        fill(
            "Call to {full} ({company}) about the {role} position.",
            facts,
        ),
        "Keep it under five minutes and have your calendar at hand.".to_string(),
        String::new(),
    ];
    let greet = match (facts.interview_day.is_some(), facts.warm()) {
        (true, true) => {
            "1. Greet: \"Hello {first}, this is {user}. We spoke{on_day} about the {role} position.\""
        }
        (true, false) => "1. Greet: \"Hello {first}, it's {user}, from the {role} interview{on_day}.\"",
        (false, true) => {
            "1. Greet: \"Hello {first}, this is {user}. I applied for the {role} position.\""
        }
        (false, false) => "1. Greet: \"Hello {first}, it's {user}, about the {role} application.\"",
    };
    lines.push(fill(greet, facts));

    match facts.kind {
        ActionKind::RejectionReply => {
            lines.push(fill(
                "2. Thank them: \"Thank you for letting me know, and for the time your team gave me.\"",
                facts,
            ));
            lines.push(
                "3. Ask: \"Is there anything I could have done better? Any feedback would help me.\""
                    .to_string(),
            );
            lines.push(fill(
                "4. Keep the door open: \"I would be glad to hear about future openings at {company}.\"",
                facts,
            ));
            lines.push(closing(facts, 5));
        }
        ActionKind::OfferReply => {
            lines
                .push("2. Thank them: \"Thank you for the offer, I am very pleased.\"".to_string());
            lines.push(
                "3. Ask: \"Could you send me the full details in writing, with the start date?\""
                    .to_string(),
            );
            let deadline = match &facts.offer_deadline {
                Some(day) => format!("4. Confirm: \"I understand you need my answer by {day}.\""),
                None => "4. Ask: \"By when do you need my answer?\"".to_string(),
            };
            lines.push(deadline);
            lines.push(closing(facts, 5));
        }
        ActionKind::ThankYou | ActionKind::LinkedinConnect | ActionKind::HandwrittenNote => {
            // Right after an interview there is no decision to ask about yet:
            // thank them, then ask about the timeline and a call-back.
            lines.push(purpose(facts));
            if let Some(topic) = &facts.to_tell {
                let line = match &topic.shape {
                    Shape::Clause(text) => format!(
                        "   - If there is a moment: \"One thing I did not mention is that {text}.\""
                    ),
                    _ => format!(
                        "   - If there is a moment: \"One thing I did not mention: {}.\"",
                        topic.as_noun()
                    ),
                };
                lines.push(phrase::finish(&line));
            }
            lines.push("3. Ask: \"When do you expect to decide on the next step?\"".to_string());
            lines.push(
                "4. Ask: \"May I call you a day or two after that date, or in a week if it is still open?\""
                    .to_string(),
            );
            lines.push(closing(facts, 5));
        }
        _ => {
            lines.push(purpose(facts));
            lines.push("3. Ask: \"Has a decision been made on the role yet?\"".to_string());
            lines.push(
                "   - If yes, good news: thank them and ask for the details in writing."
                    .to_string(),
            );
            lines.push(
                "   - If yes, not you: thank them, ask for brief feedback, say you would welcome future openings, and skip to 6."
                    .to_string(),
            );
            lines.push(
                "   - If not yet: \"I am still very interested. Am I still being considered?\""
                    .to_string(),
            );
            lines.push("4. Ask: \"When do you expect to decide?\"".to_string());
            lines.push("5. Ask: \"May I call you a day or two after that date?\"".to_string());
            lines.push(
                "   - If they cannot say: \"Would it be all right if I called again in a week?\""
                    .to_string(),
            );
            lines.push(closing(facts, 6));
        }
    }
    lines.join("\n")
}

/// Why the user is calling, by kind.
fn purpose(facts: &Facts) -> String {
    let line = match facts.kind {
        ActionKind::CompetingOffer => match &facts.competing_deadline {
            Some(day) => format!(
                "2. Explain: \"I have received another offer that I must answer by {day}, but {{company}} is still my first choice.\""
            ),
            None => "2. Explain: \"I have received another offer that I must answer soon, but {company} is still my first choice.\"".to_string(),
        },
        ActionKind::SendDocuments => {
            "2. Explain: \"I am sending {documents} by email today, as you asked.\"".to_string()
        }
        ActionKind::SendUpdate => "2. Share the news: \"{update}.\"".to_string(),
        ActionKind::ThankYou | ActionKind::LinkedinConnect | ActionKind::HandwrittenNote => {
            "2. Thank them: \"Thank you for the conversation, especially about {discussed}.\""
                .to_string()
        }
        ActionKind::SecondInquiry => match (&facts.first_inquiry, &facts.reply_since_inquiry) {
            (Some((day, Channel::Phone)), Some(reply)) => format!(
                "2. Explain: \"We spoke by phone on {day}, and thank you for getting back to me on {reply}. I wanted to check in once more.\""
            ),
            (Some((day, _)), Some(reply)) => format!(
                "2. Explain: \"I wrote to you on {day}, and thank you for your reply on {reply}. I wanted to check in once more.\""
            ),
            (Some((day, Channel::Phone)), None) => format!(
                "2. Explain: \"We spoke by phone on {day}, and I wanted to check in once more.\""
            ),
            (Some((day, _)), None) => format!(
                "2. Explain: \"I wrote to you on {day}, and I wanted to check in once more.\""
            ),
            (None, _) => {
                "2. Explain: \"I am calling to check in once more about the role.\"".to_string()
            }
        },
        _ => "2. Explain: \"I am calling to ask how the hiring process is going.\"".to_string(),
    };
    phrase::finish(&fill(&line, facts))
}

fn closing(facts: &Facts, step: usize) -> String {
    let words = if facts.warm() {
        "\"Thank you for your time, {first}. Have a good day.\""
    } else {
        "\"Thanks for your time, {first}.\""
    };
    format!("{step}. Close: {}", fill(words, facts))
}
