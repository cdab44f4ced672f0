//! What the Today view remembers between renders (groups shown in full, the opened row, the
//! rows ticked for bulk actions, the "Missed" fold) and the one reducer that changes it.

use crate::core::data::model::{ActionKey, ProcessId};
use crate::core::planning::today::Group;

/// One action's row: its process and its key within that process.
pub type RowId = (ProcessId, ActionKey);

/// The Today view's own state. Short lists: a person ticks or opens a handful of rows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TodayView {
    /// Groups whose every row is shown (a group otherwise stops at its first few).
    pub shown_all: Vec<Group>,
    /// The row whose details are open (one at a time).
    pub expanded: Option<RowId>,
    /// Rows ticked for "mark done" or "snooze", in the order they were ticked.
    pub selected: Vec<RowId>,
    /// Whether the "Missed" fold is open.
    pub missed_open: bool,
    /// Whether reminders may be offered (the browser can send them and nobody answered yet).
    pub reminders_askable: bool,
}

/// A change the person makes to the Today view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TodayViewMsg {
    ShowAll(Group),
    /// Opens the row, or closes it if it is the open one.
    Toggle(RowId),
    /// Ticks (`true`) or unticks the row.
    Select(RowId, bool),
    ClearSelection,
    MissedOpen(bool),
    /// The answer to the reminders' offer: whether it may still be offered.
    RemindersAskable(bool),
}

impl TodayView {
    /// Applies `msg`; returns whether anything changed.
    pub fn apply(&mut self, msg: TodayViewMsg) -> bool {
        let before = self.clone();
        match msg {
            TodayViewMsg::ShowAll(group) => {
                if !self.shown_all.contains(&group) {
                    self.shown_all.push(group);
                }
            }
            TodayViewMsg::Toggle(row) => {
                self.expanded = if self.expanded == Some(row) {
                    None
                } else {
                    Some(row)
                };
            }
            TodayViewMsg::Select(row, on) => {
                self.selected.retain(|ticked| *ticked != row);
                if on {
                    self.selected.push(row);
                }
            }
            TodayViewMsg::ClearSelection => self.selected.clear(),
            TodayViewMsg::MissedOpen(open) => self.missed_open = open,
            TodayViewMsg::RemindersAskable(askable) => self.reminders_askable = askable,
        }
        *self != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data::model::ActionKind;

    fn row(process: u64) -> RowId {
        let key = ActionKey {
            kind: ActionKind::StatusInquiry,
            round: None,
            interviewer: None,
        };
        (ProcessId(process), key)
    }

    #[test]
    fn one_row_is_open_at_a_time_and_toggling_it_closes_it() {
        let mut view = TodayView::default();
        assert!(view.apply(TodayViewMsg::Toggle(row(1))));
        assert_eq!(view.expanded, Some(row(1)));
        assert!(view.apply(TodayViewMsg::Toggle(row(2))));
        assert_eq!(view.expanded, Some(row(2)));
        assert!(view.apply(TodayViewMsg::Toggle(row(2))));
        assert_eq!(view.expanded, None);
    }

    #[test]
    fn ticking_keeps_order_and_never_doubles_a_row() {
        let mut view = TodayView::default();
        view.apply(TodayViewMsg::Select(row(2), true));
        view.apply(TodayViewMsg::Select(row(1), true));
        assert!(
            !view.apply(TodayViewMsg::Select(row(1), true)),
            "ticked already"
        );
        assert_eq!(view.selected, vec![row(2), row(1)]);
        assert!(view.apply(TodayViewMsg::Select(row(2), false)));
        assert_eq!(view.selected, vec![row(1)]);
        assert!(view.apply(TodayViewMsg::ClearSelection));
        assert!(view.selected.is_empty());
        assert!(
            !view.apply(TodayViewMsg::ClearSelection),
            "nothing left to clear"
        );
    }

    #[test]
    fn a_group_shown_in_full_stays_so_and_the_fold_follows_the_person() {
        let mut view = TodayView::default();
        assert!(view.apply(TodayViewMsg::ShowAll(Group::Later)));
        assert!(!view.apply(TodayViewMsg::ShowAll(Group::Later)));
        assert_eq!(view.shown_all, vec![Group::Later]);
        assert!(view.apply(TodayViewMsg::MissedOpen(true)));
        assert!(view.missed_open);
        assert!(!view.apply(TodayViewMsg::MissedOpen(true)));
        view.reminders_askable = true;
        assert!(view.apply(TodayViewMsg::RemindersAskable(false)));
        assert!(!view.reminders_askable);
    }
}
