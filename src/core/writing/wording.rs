//! Small wording helpers shared by every view: counts written as a person would write them.

/// "1 round", "3 rounds", "0 rounds": the count followed by the right form of the noun.
pub fn plural(count: usize, singular: &str, plural: &str) -> String {
    format!("{count} {}", if count == 1 { singular } else { plural })
}

#[cfg(test)]
mod tests {
    use super::plural;

    #[test]
    fn one_takes_the_singular_and_every_other_count_the_plural() {
        assert_eq!(plural(1, "round", "rounds"), "1 round");
        assert_eq!(plural(0, "round", "rounds"), "0 rounds");
        assert_eq!(plural(2, "finding", "findings"), "2 findings");
        assert_eq!(plural(4, "field needs", "fields need"), "4 fields need");
    }
}
