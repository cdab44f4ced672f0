//! The HR-manager survey on follow-up timing (rule T4) as an SVG bar chart, with the number
//! of days since this process's last contact marked as "today".

use yew::prelude::*;

use crate::core::model::ProcessId;
use crate::core::survey::{days_since_contact, place, SURVEY};
use crate::hooks::use_app;

#[derive(Clone, PartialEq, Properties)]
pub struct TimingChartProps {
    pub process: ProcessId,
}

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 162.0;
const TOP: f64 = 34.0;
const BASE: f64 = 126.0;
/// Width of the three timed bars together (three weeks); the "not at all" bar sits apart.
const TIMED: f64 = 240.0;

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
        .unwrap_or(1) as f64;
    let bar_width = TIMED / 3.0;
    let title_id = format!("av-chart-title-{}", props.process);
    let desc_id = format!("av-chart-desc-{}", props.process);
    let today_x = (days.clamp(0, 21) as f64 / 21.0) * TIMED + 4.0;
    let description = format!(
        "Survey of HR managers on when to follow up: 19% within a week, 43% after one to two \
         weeks, 30% after two to three weeks, 8% prefer no follow-up. It is day {days} since \
         your last contact{}.",
        match placement.bucket {
            Some(bucket) => format!(
                ", in the '{}' band ({}%)",
                bucket.label(),
                placement.share_percent
            ),
            None => ", past the three weeks the survey covers".to_string(),
        }
    );
    html! {
        <figure class="av-chart-figure">
            <svg class="av-chart" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img"
                aria-labelledby={format!("{title_id} {desc_id}")}>
                <title id={title_id.clone()}>{ "When HR managers like a follow-up (rule T4)" }</title>
                <desc id={desc_id.clone()}>{ description.clone() }</desc>
                { for SURVEY.iter().enumerate().map(|(index, bar)| {
                    let height = (bar.share_percent as f64 / max_share) * (BASE - TOP - 14.0);
                    let x = if bar.from_day.is_some() { 4.0 + index as f64 * bar_width } else { TIMED + 16.0 };
                    let width = if bar.from_day.is_some() { bar_width - 6.0 } else { WIDTH - TIMED - 20.0 };
                    let current = placement.bucket == Some(bar.bucket);
                    let class = if current { "av-bar av-bar-current" } else { "av-bar" };
                    html! {
                        <g>
                            <rect {class} x={x.to_string()} y={(BASE - height).to_string()} width={width.to_string()} height={height.to_string()} rx="3" />
                            <text x={(x + width / 2.0).to_string()} y={(BASE - height - 4.0).to_string()} text-anchor="middle">{ format!("{}%", bar.share_percent) }</text>
                            <text x={(x + width / 2.0).to_string()} y={(BASE + 14.0).to_string()} text-anchor="middle">{ bar.bucket.label() }</text>
                        </g>
                    }
                }) }
                <line class="av-today-line" x1={today_x.to_string()} x2={today_x.to_string()} y1="16" y2={(BASE + 2.0).to_string()} />
                <text x={today_x.min(TIMED - 30.0).to_string()} y="12" text-anchor="start" class="av-today-label">{ format!("today: day {days}") }</text>
            </svg>
            <figcaption class="av-hint">{ description }</figcaption>
        </figure>
    }
}
