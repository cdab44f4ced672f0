//! The rules behind "Mark done" and "Snooze": which moments are accepted and what
//! the user is told otherwise. The view binds inputs; it decides nothing.
//!
//! - Done: any moment up to one day after now (a clock a little ahead, or a note
//!   written tonight and logged now, is fine; a week ahead is a typo).
//! - Snooze: a day from tomorrow (or the window's opening, if later) to the last day
//!   of the window; the reminder lands at the start of that working day, resolved in
//!   the user's zone directly (no text round trip).

use crate::core::dates;
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone};

use crate::core::app::form::{parse_date, parse_local_datetime};
use crate::core::planning::action::{Action, ActionState};
use crate::core::planning::calendar::resolve_local;

/// A "done at" moment may be at most this far after now.
pub const DONE_AHEAD: Duration = Duration::days(1);

/// Why a done moment was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DoneError {
    /// The input held no valid moment.
    Missing,
    /// More than [`DONE_AHEAD`] after now.
    InFuture,
}

impl std::fmt::Display for DoneError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DoneError::Missing => "Enter a real date and time (use the picker).",
            DoneError::InFuture => "That is in the future; enter when you actually sent it.",
        })
    }
}

/// Checks the moment the user says they did the action.
pub fn check_done(
    at: Option<DateTime<FixedOffset>>,
    now: &DateTime<FixedOffset>,
) -> Result<DateTime<FixedOffset>, DoneError> {
    let at = at.ok_or(DoneError::Missing)?;
    if at > *now + DONE_AHEAD {
        return Err(DoneError::InFuture);
    }
    Ok(at)
}

/// Checks the moment as typed in the "When did you do it?" field, read in `zone`.
pub fn check_done_typed<Tz: TimeZone>(
    typed: &str,
    zone: &Tz,
    now: &DateTime<FixedOffset>,
) -> Result<DateTime<FixedOffset>, DoneError> {
    check_done(parse_local_datetime(typed, zone), now)
}

/// The days an action may be snoozed to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SnoozeWindow {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

/// Why a snooze day was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnoozeError {
    Missing,
    Outside(SnoozeWindow),
}

impl std::fmt::Display for SnoozeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SnoozeError::Missing => f.write_str("Enter a real date (use the picker)."),
            SnoozeError::Outside(window) => write!(
                f,
                "Pick a day from {} to {}: later than that the rule's window has closed.",
                dates::day_month(window.first),
                dates::day_month(window.last)
            ),
        }
    }
}

impl SnoozeWindow {
    /// The window for `action` at `now` (dates in `now`'s zone), or `None` when there
    /// is nothing later to move it to (late, or its window closes today).
    pub fn of<Tz: TimeZone>(action: &Action, now: &DateTime<Tz>) -> Option<SnoozeWindow> {
        if action.state == ActionState::Late {
            return None;
        }
        let zone = now.timezone();
        let today = now.naive_local().date();
        let tomorrow = today.succ_opt()?;
        let opens = action.earliest.with_timezone(&zone).naive_local().date();
        let first = opens.max(tomorrow);
        let last = action.latest.with_timezone(&zone).naive_local().date();
        (first <= last).then_some(SnoozeWindow { first, last })
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        (self.first..=self.last).contains(&day)
    }

    /// The moment a snooze to `day` stands for: the start of the working day in `zone`.
    pub fn until<Tz: TimeZone>(
        &self,
        day: Option<NaiveDate>,
        work_start: NaiveTime,
        zone: &Tz,
    ) -> Result<DateTime<FixedOffset>, SnoozeError> {
        let day = day.ok_or(SnoozeError::Missing)?;
        if !self.contains(day) {
            return Err(SnoozeError::Outside(*self));
        }
        Ok(resolve_local(zone, day.and_time(work_start), false).fixed_offset())
    }

    /// [`SnoozeWindow::until`] for the day as typed in the date field.
    pub fn until_typed<Tz: TimeZone>(
        &self,
        typed: &str,
        work_start: NaiveTime,
        zone: &Tz,
    ) -> Result<DateTime<FixedOffset>, SnoozeError> {
        self.until(parse_date(typed), work_start, zone)
    }

    /// "Any day up to Fri 14 Mar, when this rule's window closes."
    pub fn hint(&self) -> String {
        format!(
            "Any day up to {}, when this rule's window closes.",
            dates::day_month(self.last)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data::model::{ActionKind, Channel, ProcessId};
    use crate::core::planning::action::Rules;
    use crate::core::planning::explain::Reason;

    fn at(text: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(text).expect("test time")
    }

    fn action(earliest: &str, latest: &str, state: ActionState) -> Action {
        Action {
            process: ProcessId(1),
            round: None,
            interviewer: None,
            kind: ActionKind::StatusInquiry,
            channel: Channel::Email,
            earliest: at(earliest),
            due: at(earliest),
            latest: at(latest),
            state,
            rules: Rules::empty(),
            reason: Reason::DocumentsSoon {
                requested_on: at(earliest).date_naive(),
            },
            recipient: None,
        }
    }

    #[test]
    fn done_accepts_up_to_a_day_ahead_and_says_why_not() {
        let now = at("2025-03-10T12:00:00+01:00");
        assert_eq!(check_done(Some(now), &now), Ok(now));
        let tomorrow = at("2025-03-11T12:00:00+01:00");
        assert_eq!(check_done(Some(tomorrow), &now), Ok(tomorrow));
        assert_eq!(
            check_done(Some(at("2025-03-11T12:01:00+01:00")), &now),
            Err(DoneError::InFuture)
        );
        assert_eq!(check_done(None, &now), Err(DoneError::Missing));
        assert!(DoneError::InFuture.to_string().contains("future"));
    }

    #[test]
    fn snooze_runs_from_tomorrow_or_the_opening_to_the_last_day() {
        let now = at("2025-03-10T12:00:00+01:00");
        let open = action(
            "2025-03-10T09:00:00+01:00",
            "2025-03-14T17:00:00+01:00",
            ActionState::DueToday,
        );
        let window = SnoozeWindow::of(&open, &now).expect("window");
        assert_eq!(window.first.to_string(), "2025-03-11");
        assert_eq!(window.last.to_string(), "2025-03-14");

        let later = action(
            "2025-03-13T09:00:00+01:00",
            "2025-03-20T17:00:00+01:00",
            ActionState::Upcoming,
        );
        let window = SnoozeWindow::of(&later, &now).expect("window");
        assert_eq!(window.first.to_string(), "2025-03-13");

        let closing_today = action(
            "2025-03-09T09:00:00+01:00",
            "2025-03-10T17:00:00+01:00",
            ActionState::DueToday,
        );
        assert_eq!(SnoozeWindow::of(&closing_today, &now), None);
        let late = action(
            "2025-03-01T09:00:00+01:00",
            "2025-03-20T17:00:00+01:00",
            ActionState::Late,
        );
        assert_eq!(SnoozeWindow::of(&late, &now), None);
    }

    #[test]
    fn snooze_lands_at_work_start_in_the_zone_and_refuses_days_outside() {
        let now = at("2025-03-10T12:00:00+01:00");
        let open = action(
            "2025-03-10T09:00:00+01:00",
            "2025-03-14T17:00:00+01:00",
            ActionState::DueToday,
        );
        let window = SnoozeWindow::of(&open, &now).expect("window");
        let start = NaiveTime::from_hms_opt(8, 30, 0).expect("time");
        let zone = FixedOffset::east_opt(3600).expect("offset");
        let day = NaiveDate::from_ymd_opt(2025, 3, 12);
        assert_eq!(
            window.until(day, start, &zone),
            Ok(at("2025-03-12T08:30:00+01:00"))
        );
        let outside = NaiveDate::from_ymd_opt(2025, 3, 15);
        let refused = window.until(outside, start, &zone);
        assert_eq!(refused, Err(SnoozeError::Outside(window)));
        assert!(refused
            .err()
            .is_some_and(|error| error.to_string().contains("Tue 11 Mar to Fri 14 Mar")));
        assert_eq!(window.until(None, start, &zone), Err(SnoozeError::Missing));
    }
}
