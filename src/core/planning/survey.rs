//! The HR-manager survey on follow-up timing (rule T4) and where today falls on it.
//!
//! The figures are data so the UI can draw the chart and mark "today" on it.

use chrono::{DateTime, TimeZone};
use serde::{Deserialize, Serialize};

use crate::core::data::model::{EventKind, Process};

/// One bar of the survey chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Bucket {
    /// Follow up within the first week.
    UnderOneWeek,
    /// One week to under two.
    OneToTwoWeeks,
    /// Two weeks to under three.
    TwoToThreeWeeks,
    /// The manager prefers no follow-up at all.
    NotAtAll,
}

/// A survey answer and the share of HR managers who gave it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyBar {
    pub bucket: Bucket,
    pub share_percent: u8,
    /// Days since contact covered by this bar (`None` for "not at all").
    pub from_day: Option<i64>,
    /// Exclusive upper bound in days.
    pub until_day: Option<i64>,
}

impl Bucket {
    pub fn label(self) -> &'static str {
        match self {
            Bucket::UnderOneWeek => "Within a week",
            Bucket::OneToTwoWeeks => "1 to 2 weeks",
            Bucket::TwoToThreeWeeks => "2 to 3 weeks",
            Bucket::NotAtAll => "Not at all",
        }
    }
}

/// When HR managers want to hear from a candidate after an interview (rule T4).
pub const SURVEY: [SurveyBar; 4] = [
    SurveyBar {
        bucket: Bucket::UnderOneWeek,
        share_percent: 19,
        from_day: Some(0),
        until_day: Some(7),
    },
    SurveyBar {
        bucket: Bucket::OneToTwoWeeks,
        share_percent: 43,
        from_day: Some(7),
        until_day: Some(14),
    },
    SurveyBar {
        bucket: Bucket::TwoToThreeWeeks,
        share_percent: 30,
        from_day: Some(14),
        until_day: Some(21),
    },
    SurveyBar {
        bucket: Bucket::NotAtAll,
        share_percent: 8,
        from_day: None,
        until_day: None,
    },
];

/// Where a number of days since the last contact falls on the survey.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Placement {
    /// The bar containing today; `None` past three weeks, beyond the survey's timed answers.
    pub bucket: Option<Bucket>,
    /// The share of managers who answered that bar (0 when outside every timed bar).
    pub share_percent: u8,
    /// The share of managers whose preferred moment has already begun by today
    /// (timed bars only), a hint of how normal a follow-up now is.
    pub reached_percent: u8,
}

/// Places "today" on the survey. Negative days (contact in the future) count as day 0.
pub fn place(days_since_contact: i64) -> Placement {
    let day = days_since_contact.max(0);
    let mut reached = 0u8;
    let mut found = None;
    for bar in SURVEY.iter() {
        if let (Some(from), Some(until)) = (bar.from_day, bar.until_day) {
            if day >= from {
                reached = reached.saturating_add(bar.share_percent);
            }
            if day >= from && day < until {
                found = Some(*bar);
            }
        }
    }
    Placement {
        bucket: found.map(|bar| bar.bucket),
        share_percent: found.map_or(0, |bar| bar.share_percent),
        reached_percent: reached,
    }
}

/// Whole days from the last contact with the employer (the end of the latest round held,
/// or a later message from them) to `now`; `None` when nothing has happened yet. Rounds
/// recorded ahead of time are not contact yet, so the count is never negative.
pub fn days_since_contact<Tz: TimeZone>(process: &Process, now: &DateTime<Tz>) -> Option<i64> {
    let latest_round = process
        .last_held_round(now)
        .map(|round| round.end.max(round.start).min(now.fixed_offset()));
    let latest_message = process
        .events
        .iter()
        .filter(|event| {
            matches!(
                event.kind,
                EventKind::ReplyReceived { .. }
                    | EventKind::DecisionDateGiven { .. }
                    | EventKind::DocumentsRequested { .. }
                    | EventKind::UpdateRequested { .. }
            )
        })
        .map(|event| event.at)
        .filter(|at| *at <= *now)
        .max();
    let contact = latest_round.max(latest_message)?;
    let today = now.naive_local().date();
    let contact_day = contact.with_timezone(&now.timezone()).naive_local().date();
    Some((today - contact_day).num_days())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn survey_shares_add_up_to_everyone() {
        let total: u32 = SURVEY.iter().map(|bar| u32::from(bar.share_percent)).sum();
        assert_eq!(total, 100);
    }

    #[test]
    fn days_fall_into_their_bars() {
        let cases = [
            (-3, Some(Bucket::UnderOneWeek), 19, 19),
            (0, Some(Bucket::UnderOneWeek), 19, 19),
            (6, Some(Bucket::UnderOneWeek), 19, 19),
            (7, Some(Bucket::OneToTwoWeeks), 43, 62),
            (13, Some(Bucket::OneToTwoWeeks), 43, 62),
            (14, Some(Bucket::TwoToThreeWeeks), 30, 92),
            (20, Some(Bucket::TwoToThreeWeeks), 30, 92),
            (21, None, 0, 92),
            (i64::MAX, None, 0, 92),
        ];
        for (days, bucket, share, reached) in cases {
            let placement = place(days);
            assert_eq!(placement.bucket, bucket, "day {days}");
            assert_eq!(placement.share_percent, share, "day {days}");
            assert_eq!(placement.reached_percent, reached, "day {days}");
        }
    }
}
