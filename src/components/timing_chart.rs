//! The HR-manager survey on follow-up timing (rule T4) as horizontal bars in HTML, so its
//! text keeps the page's font size on a 320 px phone; the band today falls in is marked
//! with the number of days since this process's last contact.

use yew::prelude::*;

use crate::core::data::model::ProcessId;
use crate::core::planning::survey::{days_since_contact, place, SURVEY};
use crate::hooks::use_app;

#[derive(Clone, PartialEq, Properties)]
pub struct TimingChartProps {
    pub process: ProcessId,
}

#[component]
pub fn TimingChart(props: &TimingChartProps) -> Html {
    let ctx = use_app();
    let Some(process) = ctx.state.process(props.process) else {
        return html! {};
    };
    let Some(days) = days_since_contact(process, &ctx.state.now) else {
        return html! {};
    };
    let placement = place(days);
    let max_share = SURVEY
        .iter()
        .map(|bar| bar.share_percent)
        .max()
        .unwrap_or(1)
        .max(1) as u32;
    let where_today = match placement.bucket {
        Some(bucket) => format!(
            "Today is day {days} since your last contact: the '{}' band ({}%).",
            bucket.label(),
            placement.share_percent
        ),
        None => format!(
            "Today is day {days} since your last contact, past the three weeks the survey covers."
        ),
    };
    html! {
        <figure class="av-chart-figure" data-testid="timing-chart">
            <figcaption class="av-chart-title">{ "When HR managers like a follow-up (rule T4)" }</figcaption>
            <ul class="av-hbars">
                { for SURVEY.iter().map(|bar| {
                    let current = placement.bucket == Some(bar.bucket);
                    let width = u32::from(bar.share_percent) * 100 / max_share;
                    html! {
                        <li class={classes!("av-hbar", current.then_some("av-hbar-current"))} data-current={current.to_string()}>
                            <span class="av-hbar-label">{ bar.bucket.label() }</span>
                            // An SVG attribute rather than a style: pages with a strict
                            // style-src policy still draw the bar.
                            <svg class="av-hbar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                                <rect class="av-hbar-fill" x="0" y="0" width={width.to_string()} height="10" />
                            </svg>
                            <span class="av-hbar-value">{ format!("{}%", bar.share_percent) }</span>
                            if current {
                                <span class="av-hbar-today">{ format!("today, day {days}") }</span>
                            }
                        </li>
                    }
                }) }
            </ul>
            <p class="av-hint">{ where_today }</p>
        </figure>
    }
}
