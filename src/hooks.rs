//! Hooks shared by the components: access to the app's state, plan and dispatcher.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::planning::action::Action;
use crate::core::planning::today::TodayPlan;
use crate::state::{AppState, Msg};

/// What every component can reach: the state, the current plan, and a way to act.
#[derive(Clone)]
pub struct AppContext {
    pub state: UseReducerHandle<AppState>,
    /// `state.changes` when this context was made: what tells consumers the state changed.
    pub changes: u64,
    /// The planner's actions for `state.now`, recomputed only when data or the minute changes.
    pub plan: Rc<Vec<Action>>,
    /// Today's groups of `plan`, worked out once for Today and the due watcher alike.
    pub today: Rc<TodayPlan>,
}

impl PartialEq for AppContext {
    fn eq(&self, other: &Self) -> bool {
        // Comparing the states themselves would compare every process at every render. The
        // plan and its groups are remade together, only when data or the minute changed.
        self.changes == other.changes
            && Rc::ptr_eq(&self.plan, &other.plan)
            && Rc::ptr_eq(&self.today, &other.today)
    }
}

impl AppContext {
    pub fn dispatch(&self, msg: Msg) {
        crate::state::dispatch(&self.state, msg);
    }

    /// A callback that sends the message built from its input.
    pub fn callback<In: 'static>(&self, make: impl Fn(In) -> Msg + 'static) -> Callback<In> {
        let state = self.state.clone();
        Callback::from(move |input| crate::state::dispatch(&state, make(input)))
    }
}

/// The app context; components are only ever rendered inside [`crate::app::App`].
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("components render inside the App's context provider")
}
