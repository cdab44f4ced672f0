//! How to address someone: titles, particles, hyphens, single names, other scripts, pronouns.
//!
//! "Dr. Amara Okonkwo (she/her)" is greeted as "Dr Okonkwo"; "Jan van der
//! Berg" as "Jan"; "王芳" by the whole name, since a first-name split would be wrong.

/// Titles written before a name, without their dot, as the greeting prints them.
const TITLES: [(&str, &str); 10] = [
    ("dr", "Dr"),
    ("doctor", "Dr"),
    ("prof", "Prof"),
    ("professor", "Prof"),
    ("ms", "Ms"),
    ("mr", "Mr"),
    ("mrs", "Mrs"),
    ("mx", "Mx"),
    ("miss", "Miss"),
    ("sir", "Sir"),
];

/// Lower-case particles that belong to the surname ("van der Berg", "de la Cruz").
const PARTICLES: [&str; 16] = [
    "van", "der", "den", "de", "la", "le", "da", "di", "del", "della", "dos", "das", "du", "von",
    "ter", "ten",
];

/// A recorded name, understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    /// The name without title, pronouns or post-nominals: "Amara Okonkwo".
    pub plain: String,
    /// What follows "Dear": "Dr Okonkwo", "Jan", "王芳".
    pub salutation: String,
}

/// Scripts whose names are not "given name first, family name last" with spaces.
fn is_east_asian(c: char) -> bool {
    matches!(u32::from(c),
        0x3040..=0x30FF // kana
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF // CJK ideographs
        | 0xAC00..=0xD7AF | 0x1100..=0x11FF) // Hangul
}

/// Reads a name as people type it into a contact record.
pub fn parse(raw: &str) -> Option<Name> {
    // Pronouns and notes in parentheses or brackets are for the user, not the greeting.
    let mut cleaned = String::with_capacity(raw.len());
    let mut depth = 0usize;
    for c in raw.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => cleaned.push(c),
            _ => {}
        }
    }
    let mut words: Vec<&str> = cleaned
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| !word.is_empty())
        // "she/her" without brackets, and post-nominals written after a comma.
        .filter(|word| !word.contains('/'))
        .collect();
    while words.last().is_some_and(|word| {
        matches!(
            word.trim_end_matches('.').to_lowercase().as_str(),
            "phd" | "md" | "mba" | "jr" | "sr" | "esq" | "cpa" | "pe"
        )
    }) {
        words.pop();
    }
    let title = words.first().and_then(|first| {
        let bare = first.trim_end_matches('.').to_lowercase();
        TITLES
            .iter()
            .find(|(written, _)| *written == bare)
            .map(|(_, printed)| *printed)
    });
    if title.is_some() {
        words.remove(0);
    }
    if words.is_empty() {
        return None;
    }
    let plain = words.join(" ");
    let salutation = match title {
        Some(title) => {
            // The surname starts at its first particle, else it is the last word.
            let start = words
                .iter()
                .position(|word| PARTICLES.contains(word))
                .filter(|&index| index + 1 < words.len())
                .unwrap_or(words.len() - 1);
            format!("{title} {}", words[start..].join(" "))
        }
        None if plain.chars().any(is_east_asian) => plain.clone(),
        None if PARTICLES.contains(&words[0]) => plain.clone(),
        None => words[0].to_string(),
    };
    Some(Name { plain, salutation })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn greet(raw: &str) -> String {
        parse(raw).map(|name| name.salutation).unwrap_or_default()
    }

    #[test]
    fn titles_particles_scripts_and_pronouns() {
        assert_eq!(greet("Dr. Amara Okonkwo"), "Dr Okonkwo");
        assert_eq!(greet("dr amara okonkwo"), "Dr okonkwo");
        assert_eq!(greet("Prof Jan van der Berg"), "Prof van der Berg");
        assert_eq!(greet("Ms. Anna Smith-Jones"), "Ms Smith-Jones");
        assert_eq!(greet("Jan van der Berg"), "Jan");
        assert_eq!(greet("Mary-Kate O'Neil"), "Mary-Kate");
        assert_eq!(greet("Madonna"), "Madonna");
        assert_eq!(greet("王芳"), "王芳");
        assert_eq!(greet("Лена Иванова"), "Лена");
        assert_eq!(greet("Priya Raman (she/her)"), "Priya");
        assert_eq!(greet("Mx Sam Lee (they/them)"), "Mx Lee");
        assert_eq!(greet("Amara Okonkwo, PhD"), "Amara");
        assert_eq!(greet("  "), "");
        assert_eq!(
            parse("Dr. Amara Okonkwo (she/her)").map(|n| n.plain),
            Some("Amara Okonkwo".to_string())
        );
    }
}
