//! The planner's timing constants in one table, read both by the planner and by the
//! explanations, so a sentence always states the numbers the plan used.

/// How long each rule waits, in hours, days or business days (as the name says).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timing {
    /// T1: a thank-you note is worth sending from this many hours after the round ends…
    pub thank_you_from_hours: i64,
    /// …is suggested at this many hours after it…
    pub thank_you_due_hours: i64,
    /// …and counts as late after this many hours.
    pub thank_you_until_hours: i64,
    /// A paper card is posted within this many business days of the interview.
    pub card_business_days: u32,
    /// A LinkedIn invitation stays open this many business days after it may go out.
    pub linkedin_business_days: u32,
    /// Optional extras never done leave the plan this many days after their window closed.
    pub extra_grace_days: i64,
    /// T9: unsolicited messages to one person are at least this many business days apart.
    pub spacing_business_days: u32,
    /// T2: without a decision date, the first inquiry waits this many business days after
    /// the interview…
    pub no_timeline_business_days: u32,
    /// …T3/T7: and an inquiry goes out between this many days after the last contact…
    pub inquiry_from_days: u64,
    /// …and this many days after it.
    pub inquiry_until_days: u64,
    /// T5: after a named decision date, ask from this many business days later…
    pub after_decision_from_business_days: u32,
    /// …T6: and no later than this many business days after it.
    pub after_decision_until_business_days: u32,
    /// T8: at most this many follow-ups per process.
    pub max_inquiries: u8,
    /// T8: after the last follow-up has gone unanswered this many days, suggest moving on…
    pub move_on_after_days: i64,
    /// …within this many days.
    pub move_on_window_days: i64,
    /// T10: documents asked for without a date go out within this many business days.
    pub documents_business_days: u32,
    /// T15: an update someone asked for goes out this many business days later.
    pub update_business_days: u32,
    /// T11: the employer hears about a competing offer within this many business days.
    pub competing_offer_business_days: u32,
    /// T12: a rejection is answered within this many business days.
    pub rejection_reply_business_days: u32,
    /// An offer is answered in writing within this many business days.
    pub offer_reply_business_days: u32,
}

impl Timing {
    /// The values of `docs/rules.md`.
    pub const DEFAULT: Timing = Timing {
        thank_you_from_hours: 2,
        thank_you_due_hours: 3,
        thank_you_until_hours: 24,
        card_business_days: 2,
        linkedin_business_days: 5,
        extra_grace_days: 14,
        spacing_business_days: 5,
        no_timeline_business_days: 5,
        inquiry_from_days: 7,
        inquiry_until_days: 14,
        after_decision_from_business_days: 1,
        after_decision_until_business_days: 2,
        max_inquiries: 2,
        move_on_after_days: 14,
        move_on_window_days: 7,
        documents_business_days: 1,
        update_business_days: 1,
        competing_offer_business_days: 2,
        rejection_reply_business_days: 2,
        offer_reply_business_days: 1,
    };
}

impl Default for Timing {
    fn default() -> Self {
        Timing::DEFAULT
    }
}

/// The numbers zero to twenty in words (counts in sentences; number words in typed notes).
pub const NUMBER_WORDS: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];
/// A count in words: "one" to "twenty", digits above.
pub fn number_word(count: i64) -> String {
    usize::try_from(count)
        .ok()
        .and_then(|index| NUMBER_WORDS.get(index))
        .map_or_else(|| count.to_string(), |word| (*word).to_string())
}

/// "one business day", "five business days": a count and its unit, in words.
pub fn count_of(count: i64, unit: &str) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{} {unit}{plural}", number_word(count))
}

/// A span of days in the largest whole unit: "two weeks", "one day", "ten days".
pub fn days_span(days: i64) -> String {
    if days != 0 && days % 7 == 0 {
        count_of(days / 7, "week")
    } else {
        count_of(days, "day")
    }
}

/// A span of hours in the largest whole unit: "two hours", "one day".
pub fn hours_span(hours: i64) -> String {
    if hours != 0 && hours % 24 == 0 {
        days_span(hours / 24)
    } else {
        count_of(hours, "hour")
    }
}

/// "one to two weeks", "five to nine days", "two hours to one day": a range of spans, with
/// the unit said once when both ends share it.
pub fn range_of(from: String, until: String) -> String {
    match (from.split_once(' '), until.split_once(' ')) {
        (Some((from_count, from_unit)), Some((until_count, until_unit)))
            if from_unit.trim_end_matches('s') == until_unit.trim_end_matches('s') =>
        {
            format!("{from_count} to {until_count} {until_unit}")
        }
        _ => format!("{from} to {until}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_read_as_words() {
        assert_eq!(hours_span(2), "two hours");
        assert_eq!(hours_span(24), "one day");
        assert_eq!(hours_span(48), "two days");
        assert_eq!(days_span(14), "two weeks");
        assert_eq!(days_span(10), "ten days");
        assert_eq!(count_of(1, "business day"), "one business day");
        assert_eq!(count_of(25, "day"), "25 days");
        assert_eq!(range_of(days_span(7), days_span(14)), "one to two weeks");
        assert_eq!(
            range_of(hours_span(2), hours_span(24)),
            "two hours to one day"
        );
        assert_eq!(
            range_of(count_of(1, "business day"), count_of(2, "business day")),
            "one to two business days"
        );
    }
}
