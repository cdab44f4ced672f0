//! The bar over Today's rows once some are ticked: mark them all done, or snooze each to the
//! next day its window allows. Loaded when a row is first ticked (see
//! [`crate::components::lazy`]): most visits never tick one.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::app::action_form::SnoozeWindow;
use crate::core::app::today_view::RowId;
use crate::core::planning::today::TodayPlan;
use crate::core::planning::zone::UserZone;
use crate::hooks::use_app;
use crate::state::Msg;

/// What the bar acts on.
#[derive(Clone, PartialEq, Properties)]
pub struct BulkProps {
    pub today: Rc<TodayPlan>,
    /// The ticked rows still planned, in the order they were ticked.
    pub chosen: Vec<RowId>,
    /// Unticks every row.
    pub on_clear: Callback<()>,
}

#[component]
pub fn BulkBar(props: &BulkProps) -> Html {
    let ctx = use_app();
    let zone = UserZone::from_setting(ctx.state.data.settings.time_zone);
    let count = props.chosen.len();
    let done = {
        let ctx = ctx.clone();
        let today = props.today.clone();
        let chosen = props.chosen.clone();
        let on_clear = props.on_clear.clone();
        Callback::from(move |_: MouseEvent| {
            let now = ctx.state.now;
            let mut marked = 0;
            for row in today.rows.iter() {
                let id = (row.action.process, row.action.key());
                if chosen.contains(&id) {
                    marked += 1;
                    ctx.dispatch(Msg::MarkDone {
                        process: row.action.process,
                        key: row.action.key(),
                        channel: row.action.channel,
                        at: now,
                    });
                }
            }
            on_clear.emit(());
            ctx.dispatch(Msg::Announce(format!(
                "Marked {marked} action{} done.",
                if marked == 1 { "" } else { "s" }
            )));
        })
    };
    let snooze = {
        let ctx = ctx.clone();
        let today = props.today.clone();
        let chosen = props.chosen.clone();
        let on_clear = props.on_clear.clone();
        Callback::from(move |_: MouseEvent| {
            let now = ctx.state.now.with_timezone(&zone);
            let work_start = ctx.state.data.settings.work_start;
            let (mut moved, mut kept) = (0, 0);
            for row in today.rows.iter() {
                if !chosen.contains(&(row.action.process, row.action.key())) {
                    continue;
                }
                let until = SnoozeWindow::of(&row.action, &now)
                    .and_then(|window| window.until(Some(window.first), work_start, &zone).ok());
                match until {
                    Some(until) => {
                        moved += 1;
                        ctx.dispatch(Msg::Snooze {
                            process: row.action.process,
                            key: row.action.key(),
                            until,
                        });
                    }
                    None => kept += 1,
                }
            }
            on_clear.emit(());
            let mut text = format!(
                "Snoozed {moved} action{} to the next day its window allows.",
                if moved == 1 { "" } else { "s" }
            );
            if kept > 0 {
                text.push_str(&format!(
                    " {kept} could not move: their window closes today or has closed."
                ));
            }
            ctx.dispatch(Msg::Announce(text));
        })
    };
    let clear = {
        let on_clear = props.on_clear.clone();
        Callback::from(move |_: MouseEvent| on_clear.emit(()))
    };
    html! {
        <div class="av-bulk" role="group" aria-label="Selected actions" data-testid="bulk-bar">
            <span class="av-bulk-count">{ format!("{count} selected") }</span>
            <button type="button" class="av-btn av-btn-primary" onclick={done}>{ "Mark selected done" }</button>
            <button type="button" class="av-btn" onclick={snooze}>{ "Snooze selected" }</button>
            <button type="button" class="av-btn-link" onclick={clear}>{ "Clear" }</button>
        </div>
    }
}
