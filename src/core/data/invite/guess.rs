//! Fixed rules that read meaning out of free text: meeting links, phone numbers, street
//! addresses, the company and role an invitation is about, and a round's kind.

use crate::core::data::model::{RoundFormat, RoundKind};

/// How sure a guess is; anything but `Likely` is shown for the user to confirm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Confidence {
    /// Two sources agree, or the text says it in a fixed pattern ("role at Company").
    Likely,
    /// One weak clue: shown as a suggestion.
    #[default]
    Unsure,
}

/// A guessed value (empty when nothing was found) and how sure it is.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Guess {
    pub value: String,
    pub confidence: Confidence,
}

impl Guess {
    fn likely(value: impl Into<String>) -> Self {
        Guess {
            value: value.into(),
            confidence: Confidence::Likely,
        }
    }

    fn unsure(value: impl Into<String>) -> Self {
        Guess {
            value: value.into(),
            confidence: Confidence::Unsure,
        }
    }

    pub fn is_found(&self) -> bool {
        !self.value.is_empty()
    }
}

/// Hosts of video meeting services; a link to one makes a round a video call.
const MEETING_HOSTS: &[&str] = &[
    "zoom.us",
    "zoom.com",
    "meet.google.com",
    "teams.microsoft.com",
    "teams.live.com",
    "webex.com",
    "whereby.com",
    "gotomeeting.com",
    "meet.goto.com",
    "chime.aws",
    "meet.jit.si",
    "bluejeans.com",
    "around.co",
];

/// Every http(s) link in the text, without trailing punctuation.
pub fn urls(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find("http").map(|i| i + from) {
        let rest = &text[at..];
        let is_link = rest.len() > 8
            && (lower[at..].starts_with("https://") || lower[at..].starts_with("http://"));
        let end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\'' | ')' | ']'))
            .unwrap_or(rest.len());
        if is_link {
            let link = rest[..end].trim_end_matches(['.', ',', ';', ':', '!', '?']);
            if link.len() > 10 {
                found.push(link.to_string());
            }
        }
        from = at + end.max(4);
        if from >= text.len() {
            break;
        }
    }
    found
}

fn host(url: &str) -> String {
    let after = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = after.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or(host);
    host.split(':').next().unwrap_or("").to_ascii_lowercase()
}

/// The first link to a video meeting service.
pub fn meeting_link(text: &str) -> Option<String> {
    urls(text).into_iter().find(|url| {
        let host = host(url);
        MEETING_HOSTS
            .iter()
            .any(|known| host == *known || host.ends_with(&format!(".{known}")))
    })
}

/// A phone number: a `tel:` link, or a run of at least eight digits written with spaces,
/// dashes, dots or brackets, starting with `+`, `(` or a digit. Meeting ids and passcodes are
/// not phone numbers, nor are dates.
pub fn phone_number(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    if let Some(at) = lower.find("tel:") {
        let rest = &text[at + 4..];
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, '+' | '-' | '.' | '(' | ')')))
            .unwrap_or(rest.len());
        let number = rest[..end].trim_end_matches(['.', '-']);
        if number.chars().filter(char::is_ascii_digit).count() >= 6 {
            return Some(number.to_string());
        }
    }
    // Digits inside links (meeting ids in a Zoom address) are not phone numbers.
    let mut unlinked = text.to_string();
    for url in urls(text) {
        unlinked = unlinked.replace(&url, &" ".repeat(url.len()));
    }
    let text = unlinked.as_str();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let boundary = i == 0 || !chars[i - 1].1.is_alphanumeric();
        if boundary && (c == '+' || c == '(' || c.is_ascii_digit()) {
            let mut j = i;
            let mut digits = 0;
            while j < chars.len()
                && (chars[j].1.is_ascii_digit()
                    || matches!(chars[j].1, ' ' | '-' | '(' | ')' | '+' | '.'))
            {
                if chars[j].1.is_ascii_digit() {
                    digits += 1;
                }
                // A '+' only starts a number.
                if chars[j].1 == '+' && j != i {
                    break;
                }
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |(at, _)| *at);
            let candidate = text[start..end].trim_end_matches([' ', '-', '.', '(']);
            let line_start = text[..start].rfind('\n').map_or(0, |n| n + 1);
            let before = text[line_start..start].to_ascii_lowercase();
            let is_code = ["id", "passcode", "pin", "code", "password", "meeting"]
                .iter()
                .any(|word| {
                    before
                        .trim_end()
                        .trim_end_matches(':')
                        .trim_end()
                        .ends_with(word)
                });
            let groups: Vec<&str> = candidate
                .split(['-', '.', ' '])
                .filter(|g| !g.is_empty())
                .collect();
            // 2026-03-05, 18-03-2026, 03.03.2026: dates, not numbers to call.
            let dotted_date =
                digits <= 8 && groups.len() == 3 && (groups[0].len() == 4 || groups[2].len() == 4);
            if (8..=15).contains(&digits) && !is_code && !dotted_date && !candidate.contains("  ") {
                return Some(candidate.trim().to_string());
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

const STREET_WORDS: &[&str] = &[
    "street",
    "st.",
    "road",
    "rd.",
    "avenue",
    "ave",
    "boulevard",
    "blvd",
    "lane",
    "way",
    "square",
    "place",
    "plaza",
    "drive",
    "court",
    "floor",
    "suite",
    "straße",
    "strasse",
    "str.",
    "platz",
    "weg",
    "allee",
    "rue",
    "via",
    "calle",
    "gracht",
    "laan",
    "building",
    "office",
];

/// Whether a location reads like a postal address (a number and a street word, or a postcode).
pub fn looks_like_address(text: &str) -> bool {
    let lower = text.to_lowercase();
    if lower.contains("http") || lower.contains("tel:") {
        return false;
    }
    let has_number = lower.chars().any(|c| c.is_ascii_digit());
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let street = words.iter().any(|word| {
        STREET_WORDS
            .iter()
            .any(|s| word == s || (s.len() > 4 && (word.ends_with(s) || word.starts_with(s))))
    });
    let postcode = words
        .iter()
        .any(|w| w.len() >= 4 && w.len() <= 5 && w.chars().all(|c| c.is_ascii_digit()));
    (has_number && street) || (postcode && lower.contains(','))
}

/// How the round takes place, from its location, links and description. `None` when the
/// text gives no clue.
pub fn round_format(location: &str, links: &str, description: &str) -> Option<RoundFormat> {
    if meeting_link(location).is_some() {
        return Some(RoundFormat::Video);
    }
    if location.to_ascii_lowercase().contains("tel:") || phone_only(location) {
        return Some(RoundFormat::Phone);
    }
    if looks_like_address(location) {
        return Some(RoundFormat::InPerson);
    }
    if meeting_link(links).is_some() || meeting_link(description).is_some() {
        return Some(RoundFormat::Video);
    }
    let lower = description.to_lowercase();
    if lower.contains("tel:")
        || [
            "phone call",
            "phone screen",
            "by phone",
            "will call you",
            "call you on",
        ]
        .iter()
        .any(|w| lower.contains(w))
    {
        return Some(RoundFormat::Phone);
    }
    if [
        "our office",
        "on site",
        "onsite",
        "in person",
        "in-person",
        "reception",
    ]
    .iter()
    .any(|w| lower.contains(w))
    {
        return Some(RoundFormat::InPerson);
    }
    None
}

fn phone_only(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    digits >= 8
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.'))
}

/// The round's kind from words in its title.
pub fn round_kind(title: &str) -> RoundKind {
    let lower = title.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if has(&["final"]) {
        RoundKind::Final
    } else if has(&["panel", "onsite", "on-site", "loop"]) {
        RoundKind::Panel
    } else if has(&[
        "technical",
        "coding",
        "system design",
        "pairing",
        "case study",
        "take-home",
    ]) {
        RoundKind::Technical
    } else if has(&[
        "phone screen",
        "screening",
        "intro call",
        "introductory",
        "recruiter",
    ]) {
        RoundKind::PhoneScreen
    } else if has(&[
        "hr ",
        "hr interview",
        "people team",
        "culture",
        "human resources",
    ]) {
        RoundKind::Hr
    } else {
        RoundKind::Other
    }
}

/// Words that end a job title.
const ROLE_WORDS: &[&str] = &[
    "engineer",
    "developer",
    "designer",
    "manager",
    "analyst",
    "scientist",
    "lead",
    "director",
    "architect",
    "consultant",
    "specialist",
    "coordinator",
    "associate",
    "intern",
    "internship",
    "administrator",
    "accountant",
    "writer",
    "editor",
    "researcher",
    "officer",
    "head",
    "marketer",
    "recruiter",
    "strategist",
    "producer",
    "nurse",
    "teacher",
    "lawyer",
    "paralegal",
    "technician",
    "assistant",
    "representative",
    "executive",
    "owner",
    "sre",
    "devops",
    "counsel",
    "planner",
    "controller",
    "advisor",
    "economist",
    "programmer",
];

/// Words of a title that describe the meeting, not the company or role.
const MEETING_WORDS: &[&str] = &[
    "interview",
    "interviews",
    "invitation",
    "updated",
    "round",
    "call",
    "chat",
    "screen",
    "screening",
    "technical",
    "final",
    "onsite",
    "video",
    "phone",
    "meeting",
    "conversation",
    "intro",
    "introductory",
    "panel",
    "stage",
    "session",
    "follow-up",
    "first",
    "second",
    "third",
    "1st",
    "2nd",
    "3rd",
    "and",
    "for",
    "the",
    "a",
    "an",
    "your",
    "our",
    "position",
    "role",
    "job",
    "hr",
    "recruiter",
    "loop",
    "cancelled",
    "canceled",
    "event",
];

/// Mail domains of providers, schedulers and calendars, which say nothing about the employer.
const GENERIC_DOMAINS: &[&str] = &[
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "msn.com",
    "yahoo.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "proton.me",
    "protonmail.com",
    "gmx.de",
    "gmx.net",
    "web.de",
    "aol.com",
    "mail.com",
    "calendar.google.com",
    "group.calendar.google.com",
    "resource.calendar.google.com",
    "greenhouse.io",
    "lever.co",
    "myworkday.com",
    "workday.com",
    "smartrecruiters.com",
    "ashbyhq.com",
    "calendly.com",
    "goodtime.io",
    "icims.com",
    "teamtailor.com",
    "personio.de",
    "example.com",
];

/// The organisation a mail domain belongs to ("acme-robotics.example" -> "Acme Robotics");
/// `None` for mail providers and scheduling services.
pub fn company_from_domain(domain: &str) -> Option<String> {
    let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
    if domain.is_empty()
        || GENERIC_DOMAINS
            .iter()
            .any(|g| domain == *g || domain.ends_with(&format!(".{g}")))
    {
        return None;
    }
    let labels: Vec<&str> = domain.split('.').filter(|l| !l.is_empty()).collect();
    if labels.len() < 2 {
        return None;
    }
    // Skip the top-level label and a second-level one such as "co" in "co.uk".
    let mut index = labels.len() - 2;
    if index > 0 && matches!(labels[index], "co" | "com" | "ac" | "org" | "net" | "gov") {
        index -= 1;
    }
    let label = labels[index];
    let label = label.strip_prefix("mail-").unwrap_or(label);
    let words: Vec<String> = label
        .split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(capitalise)
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A display name from an address's local part ("dana.lee" -> "Dana Lee").
pub fn name_from_address(address: &str) -> String {
    let local = address.split('@').next().unwrap_or("");
    local
        .split(['.', '_', '-'])
        .filter(|part| !part.is_empty() && part.chars().all(char::is_alphabetic))
        .map(capitalise)
        .collect::<Vec<_>>()
        .join(" ")
}

fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn is_role_phrase(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .any(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()))
}

/// Drops meeting words at the ends of a phrase ("Technical interview" -> "").
fn trim_meeting_words(phrase: &str) -> String {
    let mut words: Vec<&str> = phrase
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&' && c != '+'))
        .filter(|w| !w.is_empty())
        .collect();
    while words
        .first()
        .is_some_and(|w| MEETING_WORDS.contains(&w.to_lowercase().as_str()))
    {
        words.remove(0);
    }
    while words
        .last()
        .is_some_and(|w| MEETING_WORDS.contains(&w.to_lowercase().as_str()))
    {
        words.pop();
    }
    words.join(" ")
}

/// Splits a title at the separators people put between company, role and meeting type.
fn segments(title: &str) -> Vec<(String, String)> {
    // Each segment remembers the connecting word before it ("at", "with", "for" or "").
    let mut spaced = format!(" {} ", title.replace(['–', '—', '|', ':', '/', '·'], " - "));
    for (from, to) in [(" <> ", " - "), (" x ", " - "), (" @ ", " at ")] {
        spaced = spaced.replace(from, to);
    }
    let mut out = Vec::new();
    let mut link = String::new();
    let mut current: Vec<&str> = Vec::new();
    let flush = |current: &mut Vec<&str>, link: &mut String, out: &mut Vec<(String, String)>| {
        let phrase = current.join(" ");
        if !phrase.trim().is_empty() {
            out.push((std::mem::take(link), phrase));
        }
        current.clear();
    };
    for word in spaced.split_whitespace() {
        let lower = word.to_lowercase();
        if word == "-" || word == "+" {
            flush(&mut current, &mut link, &mut out);
        } else if matches!(lower.as_str(), "at" | "with" | "for" | "bei" | "chez") {
            flush(&mut current, &mut link, &mut out);
            link = lower;
        } else {
            current.push(word);
        }
    }
    flush(&mut current, &mut link, &mut out);
    out
}

/// Guesses the company and the role from a title (an event's SUMMARY or an email's subject),
/// further text, the mail domains involved and names of people (never taken as a company).
pub fn company_and_role(
    title: &str,
    body: &str,
    domains: &[String],
    people: &[String],
) -> (Guess, Guess) {
    let mut domain_names: Vec<String> = domains
        .iter()
        .filter_map(|d| company_from_domain(d))
        .collect();
    domain_names.dedup();
    let is_person = |phrase: &str| {
        people
            .iter()
            .any(|p| !p.is_empty() && squash(p) == squash(phrase))
    };
    let mut role = Guess::default();
    let mut company = Guess::default();
    for source in [title, &first_lines(body)] {
        for (link, phrase) in segments(source) {
            let phrase = trim_meeting_words(&phrase);
            if phrase.is_empty() || is_person(&phrase) {
                continue;
            }
            if is_role_phrase(&phrase) {
                if !role.is_found() {
                    role = role_guess(&phrase, link == "for");
                }
                continue;
            }
            let starts_upper = phrase.chars().next().is_some_and(char::is_uppercase);
            if !starts_upper || phrase.split_whitespace().count() > 5 || company.is_found() {
                continue;
            }
            let matches_domain = domain_names.iter().any(|d| squash(d) == squash(&phrase));
            if matches_domain || (link == "at" && source == title) {
                company = Guess::likely(phrase);
            } else if link != "with" || domain_names.is_empty() {
                company = Guess::unsure(phrase);
            }
        }
        if role.is_found() && company.confidence == Confidence::Likely {
            break;
        }
    }
    if !company.is_found() {
        if let Some(name) = domain_names.first() {
            company = Guess::unsure(name.clone());
        }
    }
    (company, role)
}

fn role_guess(phrase: &str, after_for: bool) -> Guess {
    // Keep the words up to and including the last role word ("Senior Designer role").
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let last = words
        .iter()
        .rposition(|w| {
            ROLE_WORDS.contains(
                &w.to_lowercase()
                    .trim_matches(|c: char| !c.is_alphanumeric()),
            )
        })
        .unwrap_or(words.len().saturating_sub(1));
    let role = words[..=last.min(words.len().saturating_sub(1))].join(" ");
    if after_for || words.len() <= 5 {
        Guess::likely(role)
    } else {
        Guess::unsure(role)
    }
}

/// The first few lines of a description: titles are usually there, not in the small print.
fn first_lines(text: &str) -> String {
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .take(3)
        .map(|line| line.chars().take(200).collect::<String>())
        .collect::<Vec<_>>()
        .join(" - ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meeting_links_and_phones() {
        let text = "Join: https://acme.zoom.us/j/81234567890?pwd=abc. Meeting ID: 812 3456 7890";
        assert_eq!(
            meeting_link(text).as_deref(),
            Some("https://acme.zoom.us/j/81234567890?pwd=abc")
        );
        assert_eq!(phone_number(text), None, "a meeting id is no phone number");
        assert_eq!(
            phone_number("Call me on +49 30 1234 5678 please").as_deref(),
            Some("+49 30 1234 5678")
        );
        assert_eq!(
            phone_number("tel:+442071234567").as_deref(),
            Some("+442071234567")
        );
        assert_eq!(phone_number("on 03.03.2026 at 14:30"), None);
        assert_eq!(meeting_link("see https://example.org/zoom.us"), None);
    }

    #[test]
    fn addresses() {
        assert!(looks_like_address("Acme HQ, 12 Harbour Street, London"));
        assert!(looks_like_address("Friedrichstraße 68, 10117 Berlin"));
        assert!(!looks_like_address("Room 4 / Zoom"));
        assert!(!looks_like_address("https://meet.google.com/abc-defg-hij"));
    }

    #[test]
    fn company_and_role_from_titles() {
        let domains = vec!["northwind-labs.com".to_string()];
        let (company, role) = company_and_role(
            "Product Designer interview - Northwind Labs",
            "",
            &domains,
            &[],
        );
        assert_eq!(company.value, "Northwind Labs");
        assert_eq!(company.confidence, Confidence::Likely);
        assert_eq!(role.value, "Product Designer");
        let (company, role) = company_and_role(
            "Interview with Dana Lee",
            "",
            &domains,
            &["Dana Lee".into()],
        );
        assert_eq!(company.value, "Northwind Labs");
        assert_eq!(company.confidence, Confidence::Unsure);
        assert!(!role.is_found());
    }

    #[test]
    fn domains_name_companies() {
        assert_eq!(
            company_from_domain("acme-robotics.co.uk").as_deref(),
            Some("Acme Robotics")
        );
        assert_eq!(company_from_domain("gmail.com"), None);
        assert_eq!(name_from_address("dana.lee@x.example"), "Dana Lee");
    }
}
