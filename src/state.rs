//! The browser side of the app state: Yew's [`Reducible`] over the web-free reducer in
//! [`crate::core::app::state`], where every message is applied and tested natively.

use std::rc::Rc;

use yew::Reducible;

pub use crate::core::app::state::*;

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        if next.reduce(msg) {
            Rc::new(next)
        } else {
            self
        }
    }
}
