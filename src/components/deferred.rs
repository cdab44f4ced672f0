//! Deferred rendering: children drawn only after the next frame has been painted, so a long
//! first screen paints its top part at once and the rest in a later, shorter task.

use std::cell::Cell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DeferredProps {
    #[prop_or_default]
    pub children: Html,
}

/// Renders nothing on its first render, then its children once the browser has painted the
/// next frame. Nest one inside another to spread content over several frames.
#[component]
pub fn Deferred(props: &DeferredProps) -> Html {
    let shown = use_state(|| false);
    {
        let shown = shown.clone();
        use_effect_with((), move |_| after_next_paint(move || shown.set(true)));
    }
    if *shown {
        props.children.clone()
    } else {
        Html::default()
    }
}

/// Runs `then` in a task queued from the next animation frame: that frame's paint comes first.
/// (A bare timeout may run before the browser paints; an animation frame callback always runs
/// before its own paint.) If no frame can be requested it runs in the next task.
fn after_next_paint(then: impl FnOnce() + 'static) {
    let pending = Rc::new(Cell::new(Some(Box::new(then) as Box<dyn FnOnce()>)));
    let run = move || {
        if let Some(then) = pending.take() {
            then();
        }
    };
    let frame = {
        let run = run.clone();
        Closure::once_into_js(move || {
            Timeout::new(0, run).forget();
        })
    };
    let requested = web_sys::window()
        .map(|window| {
            window
                .request_animation_frame(frame.unchecked_ref())
                .is_ok()
        })
        .unwrap_or(false);
    if !requested {
        Timeout::new(0, run).forget();
    }
}
