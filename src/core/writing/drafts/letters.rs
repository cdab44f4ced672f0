//! The written messages: emails, LinkedIn notes, cards and the move-on note, in both tones.
//!
//! Every sentence here is our own wording. Each sentence slot has several
//! phrasings; [`pick`] chooses one from a stable hash of the process, round,
//! kind and slot, offset by the interviewer's place in the round, so the
//! interviewers of one round never get the same phrasing of a slot and the
//! same person does not read one closing line in every process.

use super::facts::Facts;
use super::phrase::{self, Shape, Topic};
use crate::core::data::model::{ActionKind, Channel, RoundKind};
use crate::core::writing::proofread::{LINKEDIN_MAX_CHARS, THANK_YOU_MAX_WORDS};

/// FNV-1a: a small hash that gives the same number on every machine and run.
fn fnv(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.iter().chain(std::iter::once(&0xff)) {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// Picks one of `options` for `slot`: the hash of (process, round, kind, slot)
/// chooses the start, the interviewer's position in the round steps from it.
fn pick<'a>(facts: &Facts, slot: &str, options: &[&'a str]) -> &'a str {
    if options.is_empty() {
        return "";
    }
    let hash = fnv(&[
        &facts.process_id.0.to_le_bytes(),
        &facts.round_id.map_or(0, |id| id.0).to_le_bytes(),
        facts.kind.slug().as_bytes(),
        slot.as_bytes(),
    ]);
    let index = (hash % options.len() as u64) as usize;
    options[(index + facts.position) % options.len()]
}

/// Fills `{name}` slots from the facts in one pass, so user text that happens
/// to contain braces is never substituted again. Unknown slots stay as written.
pub fn fill(template: &str, facts: &Facts) -> String {
    let on_day = facts
        .interview_day
        .as_ref()
        .map_or(String::new(), |day| format!(" on {day}"));
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let Some(close) = after.find('}') else {
            out.push_str(after);
            return out;
        };
        let value: Option<String> = match &after[1..close] {
            "first" => Some(facts.first_name.clone()),
            "full" => Some(facts.full_name.clone()),
            "user" => Some(facts.user_name.clone()),
            "company" => Some(facts.company.clone()),
            "role" => Some(facts.role.clone()),
            "on_day" => Some(on_day.clone()),
            "discussed" => Some(facts.discussed_noun()),
            "documents" => Some(facts.documents.clone()),
            "update" => Some(facts.update.clone()),
            _ => None,
        };
        match value {
            Some(value) => out.push_str(&value),
            None => out.push_str(&after[..=close]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Puts a topic into a template with `{np}` (noun phrase) or `{clause}`.
fn with_topic(template: &str, topic: &str, facts: &Facts) -> String {
    let filled = fill(template, facts);
    let capital = capitalise(topic);
    phrase::finish(
        &filled
            .replace("{np}", topic)
            .replace("{clause}", topic)
            .replace("{Clause}", &capital),
    )
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A sentence about a topic, in the frame that fits its shape.
fn topic_sentence(
    facts: &Facts,
    slot: &str,
    topic: &Topic,
    nouns: &[&str],
    clauses: &[&str],
) -> String {
    match &topic.shape {
        Shape::Clause(text) => with_topic(pick(facts, slot, clauses), text, facts),
        Shape::Noun(_) | Shape::Quote(_) => {
            with_topic(pick(facts, slot, nouns), &topic.as_noun(), facts)
        }
    }
}

/// Greeting, paragraphs, sign-off, name and contact lines.
fn assemble(facts: &Facts, paragraphs: &[String]) -> String {
    let greeting = if facts.warm() {
        "Dear {first},"
    } else {
        "Hello {first},"
    };
    let mut body = format!("{}\n\n", fill(greeting, facts));
    for paragraph in paragraphs.iter().filter(|p| !p.trim().is_empty()) {
        body.push_str(paragraph.trim());
        body.push_str("\n\n");
    }
    body.push_str(sign_off(facts));
    body.push('\n');
    body.push_str(&facts.user_name);
    if facts.channel == Channel::Email {
        for line in &facts.contact_lines {
            body.push('\n');
            body.push_str(line);
        }
    }
    body
}

fn sign_off(facts: &Facts) -> &'static str {
    if facts.warm() {
        pick(
            facts,
            "sign-off",
            &[
                "Kind regards,",
                "With best wishes,",
                "Warm regards,",
                "Best wishes,",
                "With kind regards,",
            ],
        )
    } else {
        pick(
            facts,
            "sign-off",
            &[
                "Best regards,",
                "Regards,",
                "Best,",
                "Kind regards,",
                "Many thanks,",
            ],
        )
    }
}

fn sentences(parts: &[String]) -> String {
    parts
        .iter()
        .filter(|part| !part.trim().is_empty())
        .map(|part| part.trim().to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count()
}

/// Subject (for email) and body for every kind except move-on, plus what was
/// left out to keep the message to its length.
pub fn letter(facts: &Facts) -> (String, String, Vec<String>) {
    match facts.kind {
        ActionKind::ThankYou => thank_you(facts),
        ActionKind::LinkedinConnect => {
            let (body, dropped) = linkedin(facts);
            (subject_for(facts), body, dropped)
        }
        ActionKind::HandwrittenNote => (subject_for(facts), card(facts), Vec::new()),
        ActionKind::StatusInquiry => plain(status_inquiry(facts)),
        ActionKind::SecondInquiry => plain(second_inquiry(facts)),
        ActionKind::SendDocuments => plain(documents(facts)),
        ActionKind::SendUpdate => plain(update(facts)),
        ActionKind::CompetingOffer => plain(competing_offer(facts)),
        ActionKind::RejectionReply => plain(rejection_reply(facts)),
        ActionKind::OfferReply => plain(offer_reply(facts)),
        ActionKind::MoveOn => (String::new(), move_on_note(facts), Vec::new()),
    }
}

fn plain((subject, body): (String, String)) -> (String, String, Vec<String>) {
    (subject, body, Vec::new())
}

fn subject_for(facts: &Facts) -> String {
    let template = match (facts.kind, facts.warm()) {
        (ActionKind::StatusInquiry, true) => "Following up: {role} interview",
        (ActionKind::StatusInquiry, false) => "{role} application: {user}",
        (ActionKind::SecondInquiry, true) => "Checking in again: {role} position",
        (ActionKind::SecondInquiry, false) => "{role} application: {user}",
        (ActionKind::SendDocuments, _) => "Documents you asked for: {user}",
        (ActionKind::SendUpdate, _) => "An update from {user}",
        (ActionKind::CompetingOffer, _) => "A question about your timeline for the {role} role",
        (ActionKind::RejectionReply, _) => "Thank you: {role} position",
        (ActionKind::OfferReply, true) => "Thank you for the {role} offer",
        (ActionKind::OfferReply, false) => "{role} offer: {user}",
        (_, true) => "Thank you for the {role} interview",
        (_, false) => "Thank you from {user}: {role} interview",
    };
    fill(template, facts)
}

/// The user's own interest, by round kind: never a claim about what happened.
fn interest(facts: &Facts) -> String {
    let options: [&str; 5] = match (facts.round_kind, facts.warm()) {
        (RoundKind::Technical, true) => [
            "The technical side of this role is what draws me most.",
            "I enjoy technical work of this kind and would welcome more of it.",
            "Hands-on technical work is where I do my best, and I would enjoy doing it at {company}.",
            "I would be glad to apply my technical experience at {company}.",
            "The engineering work behind the {role} role appeals to me a great deal.",
        ],
        (RoundKind::Hr, true) => [
            "I would welcome the chance to bring my way of working to {company}.",
            "Joining {company} is something I would very much like.",
            "I would be glad to become part of {company} and its people.",
            "The chance to grow with {company} matters a lot to me.",
            "I can picture myself settling in well at {company}.",
        ],
        (RoundKind::Panel, true) => [
            "I would enjoy working alongside the people I met.",
            "Meeting several members of the team made me keener to join them.",
            "I would be glad to join the group that interviewed me.",
            "Working with the colleagues on the panel is a prospect I find exciting.",
            "Having met the team together, I would very much like to be part of it.",
        ],
        (RoundKind::Final, true) => [
            "I would be very glad to take on the {role} role.",
            "I am keen to take the next step with {company}.",
            "I would be proud to join {company} in this role.",
            "Taking on this role at {company} is what I want next in my career.",
            "I hope to bring my full energy to the {role} role soon.",
        ],
        (RoundKind::PhoneScreen, true) => [
            "I would welcome a longer conversation at the next stage.",
            "I would be glad to go into more depth in a further interview.",
            "I hope to continue our conversation with the wider team.",
            "I would be pleased to show more of my experience in a next round.",
            "A further interview would be very welcome.",
        ],
        (RoundKind::Other, true) => [
            "I am keen to keep the conversation going.",
            "I would be glad to hear about the next stage.",
            "I remain very interested in the {role} role.",
            "I would be glad to bring my experience to {company}.",
            "My interest in joining {company} is stronger than ever.",
        ],
        (RoundKind::Technical, false) => [
            "I enjoy this kind of technical work.",
            "The technical challenges appeal to me.",
            "I would like to apply my technical skills here.",
            "The engineering side suits me well.",
            "I am keen to do this technical work.",
        ],
        (RoundKind::Hr, false) => [
            "I would like to join {company}.",
            "{company} sounds like a good fit for me.",
            "I would be glad to join your people.",
            "Growing with {company} appeals to me.",
            "I can see myself at {company}.",
        ],
        (RoundKind::Panel, false) => [
            "I would enjoy working with the team I met.",
            "Working with that team appeals to me.",
            "I would like to join the panel's team.",
            "The team I met is one I would join gladly.",
            "I would be glad to work with that group.",
        ],
        (RoundKind::Final, false) => [
            "I am ready to take the next step.",
            "I would be glad to join.",
            "This is the role I want next.",
            "I would be proud to join {company}.",
            "I am keen to start.",
        ],
        (RoundKind::PhoneScreen, false) => [
            "I would welcome a longer interview.",
            "I look forward to a deeper conversation.",
            "A next round would be welcome.",
            "I would like to show more in a further interview.",
            "Happy to continue at the next stage.",
        ],
        (RoundKind::Other, false) => [
            "I remain keen on the role.",
            "I am still very interested in the position.",
            "The role fits what I am looking for.",
            "I would be glad to continue.",
            "I am keen to hear about the next stage.",
        ],
    };
    fill(pick(facts, "interest", &options), facts)
}

/// What the user would bring, in their own words, or their interest when nothing was recorded.
fn emphasis(facts: &Facts) -> String {
    match &facts.why_fit {
        Some(fit) => {
            let frame = if facts.warm() {
                pick(
                    facts,
                    "fit",
                    &[
                        "I would bring {list} to this role.",
                        "I would be glad to put {list} to work for your team.",
                        "I believe {list} would be useful in this role.",
                        "I hope to contribute {list} to the team.",
                        "With {list}, I am confident I could contribute from the start.",
                    ],
                )
            } else {
                pick(
                    facts,
                    "fit",
                    &[
                        "I would bring {list}.",
                        "I can offer {list}.",
                        "I would contribute {list}.",
                        "What I offer: {list}.",
                        "I bring {list}.",
                    ],
                )
            };
            fit.sentences(frame)
        }
        None => interest(facts),
    }
}

fn discussed_sentence(facts: &Facts) -> String {
    let placeholder = Topic {
        shape: Shape::Noun(facts.discussed_noun()),
        shortened: false,
    };
    let topic = facts.discussed.as_ref().unwrap_or(&placeholder);
    if facts.warm() {
        topic_sentence(
            facts,
            "discussed",
            topic,
            &[
                "I especially valued the part of our talk about {np}; it gave me a clearer picture of the work.",
                "The moment I keep coming back to is our exchange on {np}.",
                "Discussing {np} with you made the role feel very concrete to me.",
                "I left still thinking about {np}, which says a lot about how useful the conversation was.",
                "Our discussion of {np} was the highlight of the day for me.",
            ],
            &[
                "I especially valued learning that {clause}; it gave me a clearer picture of the work.",
                "I keep coming back to the point that {clause}.",
                "It made the role very concrete for me to hear that {clause}.",
                "I left still thinking about the fact that {clause}.",
                "Hearing that {clause} was the highlight of the day for me.",
            ],
        )
    } else {
        topic_sentence(
            facts,
            "discussed",
            topic,
            &[
                "I especially appreciated discussing {np}.",
                "Our exchange about {np} was very useful to me.",
                "The discussion of {np} stood out for me.",
                "I found the part about {np} particularly helpful.",
                "Talking through {np} gave me a clear view of the work.",
            ],
            &[
                "I especially appreciated hearing that {clause}.",
                "It was useful to learn that {clause}.",
                "The point that {clause} stood out for me.",
                "I found it helpful to hear that {clause}.",
                "It was good to hear that {clause}.",
            ],
        )
    }
}

fn detail_sentence(facts: &Facts) -> String {
    let Some(topic) = &facts.detail else {
        return String::new();
    };
    topic_sentence(
        facts,
        "detail",
        topic,
        &[
            "One detail that stayed with me was {np}.",
            "I am also still thinking about {np}.",
            "Another thing that stuck with me: {np}.",
            "I also made a note of {np}.",
            "Something else I remember well is {np}.",
        ],
        &[
            "One detail that stayed with me was that {clause}.",
            "I am also still thinking about how {clause}.",
            "Another thing that stuck with me was that {clause}.",
            "I also made a note that {clause}.",
            "Something else I remember well is that {clause}.",
        ],
    )
}

fn to_tell_sentence(facts: &Facts) -> String {
    let Some(topic) = &facts.to_tell else {
        return String::new();
    };
    if facts.warm() {
        topic_sentence(
            facts,
            "to-tell",
            topic,
            &[
                "I did not get to mention {np}, which I would like to add now.",
                "I would also like to point to {np}.",
                "One thing I left out: {np}.",
                "I meant to bring up {np} as well.",
                "Let me add {np}, which did not come up.",
            ],
            &[
                "I should have mentioned that {clause}.",
                "One thing I left out is that {clause}.",
                "I would like to add that {clause}.",
                "I did not get to say that {clause}.",
                "Something I forgot to say: {Clause}.",
            ],
        )
    } else {
        topic_sentence(
            facts,
            "to-tell",
            topic,
            &[
                "One addition: {np}.",
                "I also meant to mention {np}.",
                "To add: {np}.",
                "I forgot to mention {np}.",
                "Also worth noting: {np}.",
            ],
            &[
                "One addition: {Clause}.",
                "I also meant to say that {clause}.",
                "To add: {Clause}.",
                "I forgot to mention that {clause}.",
                "Also worth noting: {Clause}.",
            ],
        )
    }
}

fn thank_you(facts: &Facts) -> (String, String, Vec<String>) {
    let warm = facts.warm();
    let thanks = if warm {
        pick(
            facts,
            "thanks",
            &[
                "Thank you for talking with me{on_day} about the {role} role at {company}.",
                "I am grateful for the time you gave me{on_day} while I interviewed for the {role} position.",
                "Many thanks for our conversation{on_day} about the {role} opening at {company}.",
                "I wanted to thank you for seeing me{on_day} for the {role} role.",
                "It was a pleasure to speak with you{on_day} about the {role} post.",
            ],
        )
    } else {
        pick(
            facts,
            "thanks",
            &[
                "Thank you for the interview{on_day} for the {role} position.",
                "Thanks for your time{on_day} discussing the {role} role.",
                "Thank you for meeting me{on_day} about the {role} role at {company}.",
                "I appreciated our conversation{on_day} about the {role} position.",
                "Thank you for speaking with me{on_day}.",
            ],
        )
    };
    let closing = if warm {
        pick(
            facts,
            "closing",
            &[
                "I look forward to hearing about the next steps.",
                "Please let me know if I can send anything that would help.",
                "I hope we can continue the conversation soon.",
                "I would be glad to answer any further questions.",
                "I am happy to share more about my work if that would be useful.",
                "Wishing you a good rest of the week.",
            ],
        )
    } else {
        pick(
            facts,
            "closing",
            &[
                "I look forward to the next steps.",
                "I hope to hear from you soon.",
                "Happy to send anything else you need.",
                "Let me know if anything else would help.",
                "I would welcome the next conversation.",
            ],
        )
    };
    // Without a recorded round there is no meeting to thank anyone for.
    let thanks = if facts.interview_day.is_some() {
        fill(thanks, facts)
    } else if warm {
        fill(
            "Thank you for your time and for considering me for the {role} role at {company}.",
            facts,
        )
    } else {
        fill("Thank you for considering me for the {role} role.", facts)
    };
    let discussed = discussed_sentence(facts);
    let mut detail = detail_sentence(facts);
    let mut emphasis = emphasis(facts);
    let mut to_tell = to_tell_sentence(facts);
    let closing = closing.to_string();
    let mut dropped = Vec::new();

    let render = |detail: &str, emphasis: &str, to_tell: &str| -> Vec<String> {
        if warm {
            vec![
                sentences(&[thanks.clone(), discussed.clone(), detail.to_string()]),
                sentences(&[emphasis.to_string(), to_tell.to_string()]),
                closing.clone(),
            ]
        } else {
            vec![sentences(&[
                thanks.clone(),
                discussed.clone(),
                detail.to_string(),
                emphasis.to_string(),
                to_tell.to_string(),
                closing.clone(),
            ])]
        }
    };
    // Keep the note under its length: the detail goes first, then the
    // emphasis, and only then what the user wanted to add.
    let limit = THANK_YOU_MAX_WORDS - 10;
    let words = |paragraphs: &[String]| paragraphs.iter().map(|p| word_count(p)).sum::<usize>();
    if words(&render(&detail, &emphasis, &to_tell)) > limit && !detail.is_empty() {
        detail.clear();
        dropped.push("the detail that stuck".to_string());
    }
    if words(&render(&detail, &emphasis, &to_tell)) > limit && facts.why_fit.is_some() {
        emphasis = interest(facts);
        dropped.push("why you fit".to_string());
    }
    if words(&render(&detail, &emphasis, &to_tell)) > limit && !to_tell.is_empty() {
        to_tell.clear();
        dropped.push("what you forgot to tell them".to_string());
    }
    let paragraphs = render(&detail, &emphasis, &to_tell);
    (subject_for(facts), assemble(facts, &paragraphs), dropped)
}

/// One or two sentences, no sign-off: LinkedIn shows who sent it.
fn linkedin(facts: &Facts) -> (String, Vec<String>) {
    let template = if facts.warm() {
        pick(facts, "linkedin", &[
            "Hi {first}, thank you again for our talk about {np} during my {role} interview at {company}. I would be glad to stay in touch here.",
            "Hi {first}, I enjoyed discussing {np} with you for the {role} role at {company}, and I would like to keep in touch.",
            "Hello {first}, our exchange on {np} was the highlight of my {role} interview. I would be pleased to connect.",
            "Hi {first}, it was good to meet you while interviewing at {company}, and I keep thinking about {np}. Let us stay connected.",
            "Dear {first}, thank you for the conversation about {np}. I would value staying in touch as the {role} process goes on.",
        ])
    } else {
        pick(facts, "linkedin", &[
            "Hello {first}, thanks for discussing {np} in my {role} interview at {company}; I would like to stay connected.",
            "Hello {first}, I appreciated our exchange on {np} during the {role} interview and would like to connect.",
            "Hi {first}, thanks for the talk about {np}. Glad to connect.",
            "Hello {first}, good to meet you at {company}. Our discussion of {np} was very useful; let us connect.",
            "Hi {first}, thank you for your time and the insight into {np}. I would like to keep in touch.",
        ])
    };
    let topic = facts.discussed_noun();
    let body = with_topic(template, &topic, facts);
    if body.chars().count() <= LINKEDIN_MAX_CHARS {
        return (body, Vec::new());
    }
    // LinkedIn refuses longer notes: keep the first words of the topic.
    let mut words: Vec<&str> = topic.split(' ').collect();
    loop {
        words.pop();
        while words.last().is_some_and(|word| {
            let word = word.to_lowercase();
            let word = word.trim_end_matches(',');
            phrase::needs_follower(word) || matches!(word, "how" | "is" | "are")
        }) {
            words.pop();
        }
        let shorter = words.join(" ").trim_end_matches(',').to_string();
        let body = with_topic(template, &shorter, facts);
        if body.chars().count() <= LINKEDIN_MAX_CHARS || words.len() <= 2 {
            return (
                body,
                vec!["what you talked about (LinkedIn allows 300 characters)".to_string()],
            );
        }
    }
}

/// A card is shorter than the email: thanks, the specific point, a closing wish.
fn card(facts: &Facts) -> String {
    let template = if facts.warm() {
        pick(facts, "card", &[
            "Thank you for meeting with me{on_day}. Our conversation about {np} has stayed with me, and I very much hope to join you at {company}.",
            "Thank you for your time{on_day}. I enjoyed talking about {np}, and I would be delighted to become part of the team at {company}.",
            "A short note to thank you for the interview{on_day}. Discussing {np} with you made me keener still on the {role} role.",
            "Many thanks for our conversation{on_day}. I am still thinking about {np}, and I hope our paths cross again soon.",
            "I wanted to thank you by hand for the time you gave me{on_day}. The talk about {np} was a real pleasure.",
        ])
    } else {
        pick(
            facts,
            "card",
            &[
                "Thank you for the interview{on_day}. I appreciated our talk about {np}.",
                "Thanks for your time{on_day}, and for the conversation about {np}.",
                "Thank you for meeting me{on_day}. Discussing {np} was very useful.",
                "Many thanks for the interview{on_day}; the part about {np} stood out.",
                "Thank you for your time{on_day}. I enjoyed our exchange on {np}.",
            ],
        )
    };
    let template = if facts.interview_day.is_some() {
        template
    } else {
        "Thank you for considering me for the {role} role. I enjoyed talking about {np}."
    };
    let paragraph = with_topic(template, &facts.discussed_noun(), facts);
    assemble(facts, &[paragraph])
}

/// The common shape of a one-paragraph email: subject, greeting, the paragraph, sign-off.
fn short_letter(facts: &Facts, paragraph: &str) -> (String, String) {
    (
        subject_for(facts),
        assemble(facts, &[phrase::finish(&fill(paragraph, facts))]),
    )
}

fn status_inquiry(facts: &Facts) -> (String, String) {
    let applied = facts
        .applied_on
        .as_ref()
        .map_or(String::new(), |day| format!(", which I sent on {day}"));
    let paragraph = match (facts.interview_day.is_some(), facts.warm()) {
        (true, true) => pick(facts, "inquiry", &[
            "I hope your week is going well. I am following up on my interview for the {role} position{on_day}, and I remain very interested in joining {company}. Could you let me know whether there is any news about the next steps?",
            "I am writing about the {role} position, for which I interviewed{on_day}. I am still very keen on joining {company}. Is there any news you could share on the next steps?",
            "Since our conversation{on_day} about the {role} role, I have remained very interested in joining {company}. Could you tell me where the process stands?",
        ]).to_string(),
        (true, false) => pick(facts, "inquiry", &[
            "I interviewed for the {role} position{on_day} and am still keen on the role. Could you tell me where the process stands?",
            "I am following up on my {role} interview{on_day}: I remain very interested. Is there any news on the next steps?",
            "I am still very interested in the {role} role after our interview{on_day}. Could you share an update on the timeline?",
        ]).to_string(),
        (false, true) => format!(
            "I am following up on my application for the {{role}} position{applied}. I remain very interested in joining {{company}}. Could you let me know whether there is any news?"
        ),
        (false, false) => format!(
            "I applied for the {{role}} position{applied} and am still keen on it. Could you tell me where the application stands?"
        ),
    };
    short_letter(facts, &paragraph)
}

fn second_inquiry(facts: &Facts) -> (String, String) {
    let interviewed = if facts.interview_day.is_some() {
        " I interviewed for{on_day}"
    } else {
        " I applied for"
    };
    let paragraph = match (&facts.first_inquiry, facts.warm()) {
        (Some((day, channel)), true) => {
            let how = match channel {
                Channel::Phone => format!("We spoke by phone on {day}"),
                Channel::Linkedin => format!("I sent you a message on LinkedIn on {day}"),
                Channel::InPerson => format!("We spoke in person on {day}"),
                _ => format!("I wrote to you on {day}"),
            };
            match &facts.reply_since_inquiry {
                Some(reply) => format!(
                    "{how} about the {{role}} position, and thank you for your reply on {reply}. I am still very interested and wanted to ask whether I am still being considered. Any word on your timeline would be much appreciated."
                ),
                None => format!(
                    "{how} about the {{role}} position{interviewed}. I am still very interested, and I wanted to ask whether I am still being considered. Any word on your timeline would be much appreciated."
                ),
            }
        }
        (Some((day, channel)), false) => {
            let what = match channel {
                Channel::Phone => format!("our call on {day}"),
                Channel::Linkedin => format!("my LinkedIn message of {day}"),
                Channel::InPerson => format!("our conversation on {day}"),
                _ => format!("my email of {day}"),
            };
            let thanks = facts
                .reply_since_inquiry
                .as_ref()
                .map_or(String::new(), |reply| format!("Thanks for your reply on {reply}. "));
            format!(
                "{thanks}I am following up on {what} about the {{role}} position: am I still being considered? I remain interested and would appreciate a short update."
            )
        }
        (None, true) => format!(
            "I am checking in once more about the {{role}} position{interviewed}. I am still very interested and wanted to ask whether I am still being considered. Any word on your timeline would be much appreciated."
        ),
        (None, false) => "I am checking in again about the {role} position: am I still being considered? I remain interested and would appreciate a short update.".to_string(),
    };
    short_letter(facts, &paragraph)
}

fn documents(facts: &Facts) -> (String, String) {
    let paragraph = if facts.warm() {
        "Thank you again for our conversation{on_day}. As you asked, I have attached {documents}. Please tell me if anything else would help with your decision on the {role} position."
    } else {
        "As requested, I have attached {documents}. Let me know if you need anything else for the {role} position."
    };
    short_letter(facts, paragraph)
}

fn update(facts: &Facts) -> (String, String) {
    let paragraph = if facts.warm() {
        "You asked me to keep you posted, so here is a brief update: {update}. I remain very interested in the {role} position and am happy to answer any questions."
    } else {
        "A quick update, as you asked: {update}. I am still very interested in the {role} role."
    };
    short_letter(facts, paragraph)
}

/// Never mentions pay: only that an offer exists, its deadline, and the preference.
fn competing_offer(facts: &Facts) -> (String, String) {
    let deadline = facts
        .competing_deadline
        .as_ref()
        .map_or("soon".to_string(), |day| format!("by {day}"));
    let opening = if facts.interview_day.is_some() {
        "Thank you again for the interview for the {role} position{on_day}."
    } else {
        "Thank you for considering my application for the {role} position."
    };
    let paragraph = if facts.warm() {
        format!(
            "{opening} Since then I have received another job offer, which I need to answer {deadline}. {{company}} is still my first choice, so before I decide I wanted to ask whether you could share your timeline."
        )
    } else {
        format!(
            "I have received another offer and must reply {deadline}. {{company}} remains my preferred option, so could you tell me when you expect to decide on the {{role}} position?"
        )
    };
    short_letter(facts, &paragraph)
}

fn rejection_reply(facts: &Facts) -> (String, String) {
    let paragraphs = if facts.warm() {
        vec![
            "Thank you for letting me know your decision about the {role} position. Although I am disappointed, I valued the chance to learn more about {company}.",
            "If you have a moment, I would be grateful for any feedback on how I could make my application stronger. I would be glad to be considered for future openings, and I hope our paths cross again.",
        ]
    } else {
        vec![
            "Thank you for telling me about your decision. I appreciated the chance to apply for the {role} position. Any feedback would be welcome, and I would be happy to be considered for future roles at {company}.",
        ]
    };
    let paragraphs: Vec<String> = paragraphs.iter().map(|p| fill(p, facts)).collect();
    (subject_for(facts), assemble(facts, &paragraphs))
}

fn offer_reply(facts: &Facts) -> (String, String) {
    let deadline = match &facts.offer_deadline {
        Some(day) => format!("I understand you would like my answer by {day}."),
        None => "Could you also let me know by when you need my answer?".to_string(),
    };
    let paragraph = if facts.warm() {
        format!(
            "Thank you very much for the offer for the {{role}} position; I am delighted. Could you send me the full details in writing, including the start date and terms? {deadline} I look forward to the next steps."
        )
    } else {
        format!(
            "Thank you for the offer for the {{role}} position. Please send me the written details, including the start date and terms. {deadline}"
        )
    };
    short_letter(facts, &paragraph)
}

/// A note to self: nothing is sent when a process is closed for lack of answers.
pub fn move_on_note(facts: &Facts) -> String {
    let history = match facts.inquiries_sent.as_slice() {
        [] => "No follow-up has been logged yet".to_string(),
        [only] => format!("One follow-up went out on {only}"),
        [first, .., last] => format!(
            "{} follow-ups went out, on {first} and {last}",
            facts.inquiries_sent.len()
        ),
    };
    let reply = facts
        .last_reply
        .as_ref()
        .map_or("no reply has come".to_string(), |day| {
            format!("the last reply came on {day}")
        });
    let template = if facts.warm() {
        format!(
            "Closing the {{role}} process at {{company}}. {history} and {reply}. Two follow-ups is the limit, so nothing more will be sent: the time is better spent on other applications. If they get in touch later, reopen the process and answer them."
        )
    } else {
        format!(
            "Closed: {{role}} at {{company}}. {history}; {reply}. No further messages. Reopen the process if they write."
        )
    };
    fill(&template, facts)
}
