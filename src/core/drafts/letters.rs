//! The written messages: emails, LinkedIn notes, cards and the move-on note, in both tones.
//!
//! Every sentence here is our own wording. Variants are picked by the
//! interviewer's position in the round so that a round's notes differ.

use super::facts::Facts;
use crate::core::model::{ActionKind, Channel, RoundKind};

/// Picks one of `options` by the interviewer's position (deterministic).
fn pick<'a>(facts: &Facts, options: &[&'a str]) -> &'a str {
    options
        .get(facts.position % options.len().max(1))
        .copied()
        .unwrap_or("")
}

/// Fills `{name}` slots from the facts in one pass, so user text that happens
/// to contain braces is never substituted again. Unknown slots stay as written.
pub fn fill(template: &str, facts: &Facts) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let Some(close) = after.find('}') else {
            out.push_str(after);
            return out;
        };
        let value = match &after[1..close] {
            "first" => Some(facts.first_name.as_str()),
            "full" => Some(facts.full_name.as_str()),
            "user" => Some(facts.user_name.as_str()),
            "company" => Some(facts.company.as_str()),
            "role" => Some(facts.role.as_str()),
            "day" => Some(facts.interview_day.as_str()),
            "discussed" => Some(facts.discussed.as_str()),
            "notes" => Some(facts.round_notes.as_deref().unwrap_or("")),
            "documents" => Some(facts.documents.as_str()),
            "update" => Some(facts.update.as_str()),
            _ => None,
        };
        match value {
            Some(value) => out.push_str(value),
            None => out.push_str(&after[..=close]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Greeting, paragraphs, sign-off, name and contact lines.
fn assemble(facts: &Facts, greeting: &str, paragraphs: &[String], sign_off: &str) -> String {
    let mut body = format!("{}\n\n", fill(greeting, facts));
    for paragraph in paragraphs.iter().filter(|p| !p.trim().is_empty()) {
        body.push_str(paragraph.trim());
        body.push_str("\n\n");
    }
    body.push_str(sign_off);
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

fn greeting(facts: &Facts) -> &'static str {
    if facts.warm() {
        "Dear {first},"
    } else {
        "Hello {first},"
    }
}

fn sign_off(facts: &Facts) -> &'static str {
    if facts.warm() {
        pick(
            facts,
            &["Kind regards,", "With best wishes,", "Warm regards,"],
        )
    } else {
        "Best regards,"
    }
}

fn sentences(parts: &[String]) -> String {
    parts
        .iter()
        .filter(|part| !part.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Subject (for email) and body for every kind except move-on.
pub fn letter(facts: &Facts) -> (String, String) {
    match facts.kind {
        ActionKind::ThankYou => thank_you(facts),
        ActionKind::LinkedinConnect => (subject_for(facts), linkedin(facts)),
        ActionKind::HandwrittenNote => (subject_for(facts), card(facts)),
        ActionKind::StatusInquiry => status_inquiry(facts),
        ActionKind::SecondInquiry => second_inquiry(facts),
        ActionKind::SendDocuments => documents(facts),
        ActionKind::SendUpdate => update(facts),
        ActionKind::CompetingOffer => competing_offer(facts),
        ActionKind::RejectionReply => rejection_reply(facts),
        ActionKind::OfferReply => offer_reply(facts),
        ActionKind::MoveOn => (String::new(), move_on_note(facts)),
    }
}

fn subject_for(facts: &Facts) -> String {
    let template = match (facts.kind, facts.warm()) {
        (ActionKind::StatusInquiry, true) => "Following up on my {role} interview",
        (ActionKind::StatusInquiry, false) => "{role} application: {user}",
        (ActionKind::SecondInquiry, true) => "Checking in again about the {role} role",
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

/// The sentence that shifts the note's emphasis to what the round was about.
fn emphasis(facts: &Facts) -> &'static str {
    match (facts.round_kind, facts.warm()) {
        (RoundKind::Technical, true) => pick(facts, &[
            "Working through that problem with you reminded me how much I enjoy breaking a hard question into small steps and testing each idea, which is how I would tackle the challenges on your side.",
            "Problems like that are where I am most useful: I pin down the constraints first, try the simplest workable answer, and improve it from there.",
        ]),
        (RoundKind::Technical, false) => pick(facts, &[
            "It is the kind of problem solving I do well and enjoy.",
            "I would bring the same step-by-step problem solving to your team.",
        ]),
        (RoundKind::Hr, true) => pick(facts, &[
            "I was glad to hear how seriously {company} takes its values, since openness and shared ownership are what I look for in a workplace.",
            "What you described about the culture at {company} matches how I like to work: candid feedback, trust, and colleagues who help each other.",
        ]),
        (RoundKind::Hr, false) => pick(facts, &[
            "The values you described match my own.",
            "The culture at {company} sounds like a place where I would do well.",
        ]),
        (RoundKind::Panel, true) => pick(facts, &[
            "Meeting several people from the team at once gave me a real sense of how you collaborate, and I would enjoy adding to that.",
            "Seeing how the panel built on each other's questions told me a lot about how the team works together, and it is a setting where I thrive.",
        ]),
        (RoundKind::Panel, false) => pick(facts, &[
            "Meeting the panel showed me how well the team works together.",
            "I liked how the panel worked as a group; it is how I like to work too.",
        ]),
        (RoundKind::Final, true) => pick(facts, &[
            "After this last conversation I am even more sure that I want to take on this role and help the team deliver.",
            "Having now met so many of the people involved, I am confident I could contribute from my first weeks.",
        ]),
        (RoundKind::Final, false) => pick(facts, &[
            "I am sure this is the role I want.",
            "I am confident I could contribute from the start.",
        ]),
        (RoundKind::PhoneScreen, true) => pick(facts, &[
            "The call confirmed my interest, and I would welcome the chance to go into more depth in the next conversation.",
            "It was a helpful first conversation, and I am keen to show in a longer interview how my experience fits.",
        ]),
        (RoundKind::PhoneScreen, false) => pick(facts, &[
            "The call confirmed my interest in the role.",
            "I would welcome a longer conversation about the role.",
        ]),
        (RoundKind::Other, true) => pick(facts, &[
            "It strengthened my feeling that my experience matches what the team needs right now.",
            "I left convinced that I could add real value to the team.",
        ]),
        (RoundKind::Other, false) => pick(facts, &[
            "My experience fits what the team needs.",
            "I am confident I can add value to the team.",
        ]),
    }
}

fn thank_you(facts: &Facts) -> (String, String) {
    let notes_line = |options: &[&str]| {
        if facts.round_notes.is_some() {
            fill(pick(facts, options), facts)
        } else {
            String::new()
        }
    };
    let paragraphs = if facts.warm() {
        let thanks = pick(facts, &[
            "Thank you for meeting with me on {day} to talk about the {role} role at {company}.",
            "I enjoyed our conversation on {day} about the {role} position, and I wanted to thank you for it.",
            "Many thanks for the time you gave me on {day} while I was interviewing for the {role} role at {company}.",
        ]);
        let specific = pick(facts, &[
            "I keep thinking about what you told me about {discussed}; it gave me a much clearer picture of the work.",
            "The part I valued most was hearing your perspective on {discussed}.",
            "Your remarks on {discussed} stayed with me after I left, and they made me even keener on the role.",
        ]);
        let notes = notes_line(&[
            "One thing I did not manage to say: {notes}.",
            "I would also like to add a point I left out: {notes}.",
            "A short addition to what we covered: {notes}.",
        ]);
        let closing = pick(
            facts,
            &[
                "I look forward to hearing about the next steps.",
                "I would be glad to continue the conversation at the next stage.",
                "Please let me know if I can send anything that would help in the meantime.",
            ],
        );
        vec![
            fill(&format!("{thanks} {specific}"), facts),
            sentences(&[fill(emphasis(facts), facts), notes]),
            closing.to_string(),
        ]
    } else {
        let thanks = pick(
            facts,
            &[
                "Thank you for the interview on {day} for the {role} position.",
                "Thanks for your time on {day} discussing the {role} role.",
            ],
        );
        let specific = pick(
            facts,
            &[
                "I especially appreciated discussing {discussed}.",
                "Our exchange about {discussed} was very useful to me.",
            ],
        );
        let notes = notes_line(&[
            "I also meant to mention: {notes}.",
            "One addition: {notes}.",
        ]);
        let closing = pick(
            facts,
            &[
                "I look forward to the next steps.",
                "I hope to hear from you soon.",
            ],
        );
        vec![sentences(&[
            fill(thanks, facts),
            fill(specific, facts),
            fill(emphasis(facts), facts),
            notes,
            closing.to_string(),
        ])]
    };
    (
        subject_for(facts),
        assemble(facts, greeting(facts), &paragraphs, sign_off(facts)),
    )
}

/// One or two sentences, no sign-off: LinkedIn shows who sent it.
fn linkedin(facts: &Facts) -> String {
    let template = if facts.warm() {
        pick(facts, &[
            "Hi {first}, thank you again for our talk about {discussed} during my {role} interview at {company}. I would be glad to stay in touch here.",
            "Hi {first}, I enjoyed hearing your thoughts on {discussed} when we met about the {role} role at {company}, and I would like to keep in touch.",
        ])
    } else {
        pick(facts, &[
            "Hello {first}, thanks for discussing {discussed} in my {role} interview at {company}; I would like to stay connected.",
            "Hello {first}, I appreciated our exchange on {discussed} during the {role} interview and would like to stay connected.",
        ])
    };
    fill(template, facts)
}

/// A card is shorter than the email: thanks, the specific point, a closing wish.
fn card(facts: &Facts) -> String {
    let paragraph = if facts.warm() {
        pick(facts, &[
            "Thank you for meeting with me on {day}. Our conversation about {discussed} has stayed with me, and I very much hope to join you at {company}.",
            "Thank you for your time on {day}. I enjoyed hearing about {discussed}, and I would be delighted to become part of the team at {company}.",
        ])
    } else {
        pick(
            facts,
            &[
                "Thank you for the interview on {day}. I appreciated our talk about {discussed}.",
                "Thanks for your time on {day}, and for what you shared about {discussed}.",
            ],
        )
    };
    assemble(
        facts,
        greeting(facts),
        &[fill(paragraph, facts)],
        sign_off(facts),
    )
}

/// The common shape of a one-paragraph email: subject, greeting, the paragraph, sign-off.
fn short_letter(facts: &Facts, paragraph: &str) -> (String, String) {
    (
        subject_for(facts),
        assemble(
            facts,
            greeting(facts),
            &[fill(paragraph, facts)],
            sign_off(facts),
        ),
    )
}

fn status_inquiry(facts: &Facts) -> (String, String) {
    let paragraph = if facts.warm() {
        "I hope your week is going well. I am following up on my interview for the {role} position on {day}, and I remain very interested in joining {company}. Could you let me know whether there is any news about the next steps?"
    } else {
        "I interviewed for the {role} position on {day} and am still keen on the role. Could you tell me where the process stands?"
    };
    short_letter(facts, paragraph)
}

fn second_inquiry(facts: &Facts) -> (String, String) {
    let earlier = facts
        .previous_inquiry
        .as_ref()
        .map_or("recently".to_string(), |day| format!("on {day}"));
    let paragraph = if facts.warm() {
        format!(
            "I wrote to you {earlier} about the {{role}} position I interviewed for on {{day}}. I am still very interested, and I wanted to ask whether I am still being considered. Any word on your timeline would be much appreciated."
        )
    } else {
        format!(
            "I am following up on my message {earlier} about the {{role}} position: am I still being considered? I remain interested and would appreciate a short update."
        )
    };
    short_letter(facts, &paragraph)
}

fn documents(facts: &Facts) -> (String, String) {
    let paragraph = if facts.warm() {
        "Thank you again for our conversation on {day}. As you asked, I have attached {documents}. Please tell me if anything else would help with your decision on the {role} position."
    } else {
        "As requested in our conversation on {day}, I have attached {documents}. Let me know if you need anything else."
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
    let paragraph = if facts.warm() {
        format!(
            "Thank you again for the interview for the {{role}} position on {{day}}. Since then I have received another job offer, which I need to answer {deadline}. {{company}} is still my first choice, so before I decide I wanted to ask whether you could share your timeline."
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
            "Thank you for letting me know your decision about the {role} position. Although I am disappointed, I valued the chance to meet the team and learn more about {company}.",
            "If you have a moment, I would be grateful for any feedback on how I could make my application stronger. I would be glad to be considered for future openings, and I hope our paths cross again.",
        ]
    } else {
        vec![
            "Thank you for telling me about your decision. I appreciated the chance to interview for the {role} position. Any feedback on my interviews would be welcome, and I would be happy to be considered for future roles at {company}.",
        ]
    };
    let paragraphs: Vec<String> = paragraphs.iter().map(|p| fill(p, facts)).collect();
    (
        subject_for(facts),
        assemble(facts, greeting(facts), &paragraphs, sign_off(facts)),
    )
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
