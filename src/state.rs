//! The browser side of the app state: Yew's [`Reducible`] over the web-free reducer in
//! [`crate::core::app::state`], where every message is applied and tested natively.
//!
//! The reducer, and everything only it reaches (edits, forms, merges, backups), is a wasm chunk
//! of its own: the first screen only reads and plans, and nothing changes until the person
//! acts. The chunk is fetched right after the first screen; [`dispatch`] holds any message sent
//! before it arrives and applies them all, in order, once it has.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::{Reducible, UseReducerHandle};

pub use crate::core::app::state::*;

/// The reducer, as the chunk hands it over.
type Reduce = fn(&mut AppState, Msg) -> bool;

/// Told whenever the [`ReducerStatus`] changes.
type StatusWatcher = Rc<dyn Fn(ReducerStatus)>;

/// Where fetching the reducer stands, for the note [`crate::app::App`] shows while it waits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReducerStatus {
    /// Here (or not needed yet).
    Ready,
    /// A message is waiting for it.
    Waiting,
    /// It could not be fetched; the messages still wait for a retry.
    Failed,
}

/// The reducer when it is part of the main module (builds without the `split` feature).
#[cfg(feature = "split")]
const BUILT_IN: Option<Reduce> = None;
#[cfg(not(feature = "split"))]
const BUILT_IN: Option<Reduce> = Some(AppState::reduce);

thread_local! {
    static REDUCE: Cell<Option<Reduce>> = const { Cell::new(BUILT_IN) };
    static FETCHING: Cell<bool> = const { Cell::new(false) };
    /// Messages sent before the reducer arrived, in the order they were sent.
    static WAITING: RefCell<Vec<(UseReducerHandle<AppState>, Msg)>> =
        const { RefCell::new(Vec::new()) };
    /// Told whenever the status changes (set by the app).
    static ON_STATUS: RefCell<Option<StatusWatcher>> = const { RefCell::new(None) };
}

#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(reducer, fallible)]
fn fetch_reduce() -> Result<Reduce, wasm_split_helpers::SplitLoaderError> {
    Ok(AppState::reduce)
}

/// Without the `split` feature (tests, debug builds) the reducer is [`BUILT_IN`]: never fetched.
#[cfg(not(feature = "split"))]
async fn fetch_reduce() -> Result<Reduce, ()> {
    Ok(AppState::reduce)
}

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        // `dispatch` only hands messages to Yew once the reducer is here.
        let Some(reduce) = REDUCE.get() else {
            return self;
        };
        let mut next = (*self).clone();
        if reduce(&mut next, msg) {
            Rc::new(next)
        } else {
            self
        }
    }
}

/// Applies `msg` to the app's state: at once when the reducer is here, else as soon as it
/// arrives (after any message sent before it).
pub fn dispatch(state: &UseReducerHandle<AppState>, msg: Msg) {
    if REDUCE.get().is_some() && WAITING.with(|waiting| waiting.borrow().is_empty()) {
        state.dispatch(msg);
        return;
    }
    // The clock's tick and the end of a spoken announcement come again or do not matter: they
    // never wait (nor make a message appear), the person's own changes do.
    if !matches!(msg, Msg::Tick(_) | Msg::ClearAnnouncement) {
        WAITING.with(|waiting| waiting.borrow_mut().push((state.clone(), msg)));
    }
    fetch_reducer();
}

/// Fetches the reducer's chunk unless it is here or on its way; then applies every waiting
/// message in order. On failure they keep waiting, and the next call tries again.
pub fn fetch_reducer() {
    if REDUCE.get().is_some() || FETCHING.replace(true) {
        return;
    }
    if WAITING.with(|waiting| !waiting.borrow().is_empty()) {
        tell(ReducerStatus::Waiting);
    }
    wasm_bindgen_futures::spawn_local(async {
        let fetched = fetch_reduce().await;
        FETCHING.set(false);
        match fetched {
            Ok(reduce) => {
                REDUCE.set(Some(reduce));
                let waiting = WAITING.with(|waiting| std::mem::take(&mut *waiting.borrow_mut()));
                for (state, msg) in waiting {
                    state.dispatch(msg);
                }
                tell(ReducerStatus::Ready);
            }
            Err(_) => {
                let waiting = WAITING.with(|waiting| !waiting.borrow().is_empty());
                tell(if waiting {
                    ReducerStatus::Failed
                } else {
                    ReducerStatus::Ready
                });
            }
        }
    });
}

/// Has `on_status` told of every change of [`ReducerStatus`] from now on.
pub fn watch_reducer(on_status: impl Fn(ReducerStatus) + 'static) {
    ON_STATUS.with(|slot| *slot.borrow_mut() = Some(Rc::new(on_status)));
}

fn tell(status: ReducerStatus) {
    if let Some(on_status) = ON_STATUS.with(|slot| slot.borrow().clone()) {
        on_status(status);
    }
}
