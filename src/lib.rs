//! Afterview: plans the follow-up messages after job interviews and drafts them.
//!
//! [`core`] holds every rule and piece of text, free of web types. The browser layer
//! (`app`, `state`, `components`, `hooks`, `services`) exists only on wasm32 and asks the
//! core for every date it shows.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod services;
#[cfg(target_arch = "wasm32")]
pub mod state;
